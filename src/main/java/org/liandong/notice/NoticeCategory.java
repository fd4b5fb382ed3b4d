package org.liandong.notice;

import java.util.Locale;

/** What kind of information a notice carries. */
public enum NoticeCategory {
    POLICY, CASE_INFORMATION, GUIDE, SCIENCE, SERVICE, RUMOUR_CHECK;

    public String messageKey() {
        return "notice.category." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
