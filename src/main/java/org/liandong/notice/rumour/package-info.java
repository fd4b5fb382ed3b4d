/**
 * Rumour checks.
 * A named interface so that the demo builds its data through the same services staff use.
 */
@NamedInterface("rumour")
@NullMarked
package org.liandong.notice.rumour;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
