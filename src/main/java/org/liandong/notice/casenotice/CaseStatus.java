package org.liandong.notice.casenotice;

import java.util.Locale;

/** Where a case stands, as residents are told. */
public enum CaseStatus {
    SUSPECTED, CONFIRMED, ASYMPTOMATIC, CLOSE_CONTACT, RECOVERED;

    public String messageKey() {
        return "notice.case.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
