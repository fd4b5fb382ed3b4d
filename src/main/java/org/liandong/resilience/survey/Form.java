package org.liandong.resilience.survey;

import java.util.Locale;

/** The full form (every item: before, about a month after and six months after) or the short pulse. */
public enum Form {
    FULL,
    PULSE;

    public String messageKey() {
        return "resilience.form." + name().toLowerCase(Locale.ROOT);
    }
}
