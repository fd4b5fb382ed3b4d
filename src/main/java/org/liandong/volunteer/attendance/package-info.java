/** Check-in points with a daily signed QR code, attendance, and the pages for hours. */
@NullMarked
package org.liandong.volunteer.attendance;

import org.jspecify.annotations.NullMarked;
