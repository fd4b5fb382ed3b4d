package org.liandong.notice;

import java.time.ZoneId;

/** Notices are dated in Beijing time, wherever the server runs. */
public final class NoticeTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private NoticeTime() {
    }
}
