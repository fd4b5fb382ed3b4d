/**
 * Household and team threads.
 * A named interface so that the demo builds its data through the same services staff use.
 */
@NamedInterface("thread")
@NullMarked
package org.liandong.notice.thread;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
