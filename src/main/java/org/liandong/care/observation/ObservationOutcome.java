package org.liandong.care.observation;

import java.util.Locale;

/** How a home observation ends. */
public enum ObservationOutcome {
    RELEASED, HOSPITAL, CONFIRMED;

    public String messageKey() {
        return "care.outcome." + name().toLowerCase(Locale.ROOT);
    }
}
