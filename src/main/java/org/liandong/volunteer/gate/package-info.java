/** Gates, the community's out-pass policy, household passes and the log of passages at each gate. */
@NamedInterface("gate")
@NullMarked
package org.liandong.volunteer.gate;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
