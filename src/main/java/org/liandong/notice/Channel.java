package org.liandong.notice;

/** How a notification reaches a person or a group. */
public enum Channel {
    /** The inbox in Liandong itself, of a user or of a whole household. */
    IN_APP,
    /** E-mail through the configured SMTP server. */
    EMAIL,
    /** A group robot of a workplace chat app (WeCom, DingTalk): {@code {"msgtype":"text",...}}. */
    WEBHOOK,
    /** A text message through the {@link SmsGateway}. */
    SMS;

    public String messageKey() {
        return "notice.channel." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
