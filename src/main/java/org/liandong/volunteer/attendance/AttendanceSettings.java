package org.liandong.volunteer.attendance;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code liandong.volunteer.attendance.max-stay}: longer stays count this long and are flagged (default 12 h). */
@ConfigurationProperties("liandong.volunteer.attendance")
record AttendanceSettings(@Nullable Duration maxStay) {

    AttendanceSettings {
        maxStay = maxStay == null ? Duration.ofHours(12) : maxStay;
    }

    Duration cap() {
        return maxStay == null ? Duration.ofHours(12) : maxStay;
    }
}
