/**
 * CAP 1.2 alerts and their Atom feed.
 * A named interface so that the demo builds its data through the same services staff use.
 */
@NamedInterface("cap")
@NullMarked
package org.liandong.notice.cap;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
