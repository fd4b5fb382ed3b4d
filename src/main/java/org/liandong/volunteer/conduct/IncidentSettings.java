package org.liandong.volunteer.conduct;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Repeated incidents flag a volunteer for review: {@code reviewThreshold} within {@code reviewWindow}. */
@ConfigurationProperties("liandong.volunteer.incidents")
record IncidentSettings(int reviewThreshold, Duration reviewWindow) {

    IncidentSettings {
        reviewThreshold = reviewThreshold <= 0 ? 3 : reviewThreshold;
        reviewWindow = reviewWindow == null ? Duration.ofDays(90) : reviewWindow;
    }
}
