/** Points and levels, the monthly thank-you board and certificates of service hours. */
@NullMarked
package org.liandong.volunteer.recognition;

import org.jspecify.annotations.NullMarked;
