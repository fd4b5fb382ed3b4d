package org.liandong.care;

import java.util.Locale;

/** NEW → TRIAGED → ASSIGNED → IN_PROGRESS → DONE, or CANCELLED / ESCALATED on the way. */
public enum HelpRequestStatus {
    NEW, TRIAGED, ASSIGNED, IN_PROGRESS, DONE, CANCELLED, ESCALATED;

    /** Waiting in the triage queue for someone to assign it. */
    public boolean waiting() {
        return this == NEW || this == TRIAGED || this == ESCALATED;
    }

    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }

    public String messageKey() {
        return "care.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
