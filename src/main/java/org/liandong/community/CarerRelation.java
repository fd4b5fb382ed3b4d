package org.liandong.community;

import java.util.Locale;

/** What the carer is to the person they care for. */
public enum CarerRelation {
    GUARDIAN, SPOUSE, CHILD, RELATIVE, NEIGHBOUR, PAID_CARER, BUILDING_GROUP_LEADER, VOLUNTEER;

    public String messageKey() {
        return "carer." + name().toLowerCase(Locale.ROOT);
    }
}
