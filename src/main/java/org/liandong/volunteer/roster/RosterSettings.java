package org.liandong.volunteer.roster;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liandong.volunteer.roster.*}: the minimum rest between two shifts of one volunteer and how long
 * the solver may search.
 */
@ConfigurationProperties("liandong.volunteer.roster")
public record RosterSettings(@Nullable Duration minRest, @Nullable Duration timeLimit) {

    public RosterSettings {
        minRest = minRest == null ? Duration.ofHours(11) : minRest;
        timeLimit = timeLimit == null ? Duration.ofSeconds(30) : timeLimit;
    }

    public Duration minRestOrDefault() {
        return minRest == null ? Duration.ofHours(11) : minRest;
    }

    public Duration timeLimitOrDefault() {
        return timeLimit == null ? Duration.ofSeconds(30) : timeLimit;
    }
}
