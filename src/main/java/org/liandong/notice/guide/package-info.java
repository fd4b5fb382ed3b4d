/**
 * Versioned guides.
 * A named interface so that the demo builds its data through the same services staff use.
 */
@NamedInterface("guide")
@NullMarked
package org.liandong.notice.guide;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
