/**
 * Anonymised case notices.
 * A named interface so that the demo builds its data through the same services staff use.
 */
@NamedInterface("casenotice")
@NullMarked
package org.liandong.notice.casenotice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
