package org.liandong.volunteer;

import java.util.Locale;

/** Where an application stands. Only SUBMITTED (and ON_HOLD) applications can still be decided. */
public enum ApplicationStatus {
    SUBMITTED, ON_HOLD, APPROVED, REJECTED, WITHDRAWN;

    public boolean open() {
        return this == SUBMITTED || this == ON_HOLD;
    }

    public String messageKey() {
        return "volunteer.application.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
