/** Points and levels, the monthly thank-you board and certificates of service hours. */
@NamedInterface("recognition")
@NullMarked
package org.liandong.volunteer.recognition;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
