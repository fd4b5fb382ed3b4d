/**
 * Notices: publishing, reading, read receipts and group robots.
 * A named interface so that the demo builds its data through the same services staff use.
 */
@NamedInterface("board")
@NullMarked
package org.liandong.notice.board;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
