package org.liandong.partner;

import java.util.Locale;

/** The need a directory service answers: what residents search by (the directory's taxonomy). */
public enum ServiceNeed {
    FOOD, MEDICINE, HEALTH_CARE, PSYCHOLOGICAL_SUPPORT, ELDERLY_CARE, DISABILITY_SUPPORT, CHILDCARE, SOCIAL_WORK,
    LEGAL_AID, HOUSEHOLD_HELP, EMPLOYMENT, OTHER;

    public String messageKey() {
        return "partner.need." + code();
    }

    /** The term code used in HSDS exports. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
