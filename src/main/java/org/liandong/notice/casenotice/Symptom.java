package org.liandong.notice.casenotice;

import java.util.Locale;

/** Symptoms a case notice may list. */
public enum Symptom {
    FEVER, COUGH, SORE_THROAT, FATIGUE, LOSS_OF_SMELL, SHORTNESS_OF_BREATH, NONE;

    public String messageKey() {
        return "notice.case.symptom." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
