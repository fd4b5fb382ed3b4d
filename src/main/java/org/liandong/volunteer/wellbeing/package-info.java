/** Wellbeing check-ins of volunteers and staff, and the follow-up of worrying answers. */
@NamedInterface("wellbeing")
@NullMarked
package org.liandong.volunteer.wellbeing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
