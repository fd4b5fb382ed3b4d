package org.liandong.notice.guide;

import java.util.Locale;

/** What a guide is about. */
public enum GuideTopic {
    HOME_QUARANTINE, DISINFECTION, MENTAL_HEALTH, GETTING_HELP, OTHER;

    public String messageKey() {
        return "notice.guide.topic." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
