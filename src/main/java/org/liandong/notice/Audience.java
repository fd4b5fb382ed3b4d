package org.liandong.notice;

import java.util.Locale;

/** Whom a notice is for. Each but STREET and COMMUNITY needs a reference (group, vulnerability, team). */
public enum Audience {
    STREET, COMMUNITY, BUILDING_GROUP, VULNERABLE, VOLUNTEERS, TEAM;

    public String messageKey() {
        return "notice.audience." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
