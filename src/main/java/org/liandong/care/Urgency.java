package org.liandong.care;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** How soon help must arrive: each urgency sets a target time and weighs in the triage order. */
public enum Urgency {
    CRITICAL(Duration.ofHours(2), 100), HIGH(Duration.ofHours(6), 60), NORMAL(Duration.ofHours(24), 30),
    LOW(Duration.ofHours(72), 10);

    private final Duration target;
    private final int weight;

    Urgency(Duration target, int weight) {
        this.target = target;
        this.weight = weight;
    }

    public Duration target() {
        return target;
    }

    public int weight() {
        return weight;
    }

    public String messageKey() {
        return "care.urgency." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Urgency> fromCode(String code) {
        for (var u : values()) {
            if (u.name().equalsIgnoreCase(code)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
