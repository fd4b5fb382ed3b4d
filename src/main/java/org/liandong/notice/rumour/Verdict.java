package org.liandong.notice.rumour;

import java.util.Locale;

/** What a rumour check concluded. */
public enum Verdict {
    TRUE, FALSE, UNCLEAR;

    public String messageKey() {
        return "notice.rumour.verdict." + name().toLowerCase(Locale.ROOT);
    }
}
