package org.liandong.care.alert;

import java.util.Locale;

/** Why someone must act. */
public enum AlertKind {
    FEVER, MISSED_CHECK_IN, DEPENDANT_WITHOUT_CARER, URGENT_REFERRAL, REQUEST_OVERDUE;

    public String messageKey() {
        return "care.alert.kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
