package org.liandong.notice.casenotice;

import java.util.Locale;

/** How finely a case notice names the place: the finest level that covers at least k households. */
public enum PlaceLevel {
    BUILDING, BUILDING_GROUP, GRID, COMMUNITY, STREET;

    public String messageKey() {
        return "notice.case.level." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
