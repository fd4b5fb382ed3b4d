package org.liandong.volunteer.roster;

import java.util.Locale;

/** A roster is being solved, then a draft staff may edit, then published for volunteers to see. */
public enum RosterStatus {
    SOLVING, DRAFT, PUBLISHED;

    public String messageKey() {
        return "roster.status." + name().toLowerCase(Locale.ROOT);
    }
}
