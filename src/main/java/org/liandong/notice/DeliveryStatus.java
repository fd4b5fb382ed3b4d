package org.liandong.notice;

/** Where one delivery (one recipient, one channel) stands. */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED;

    public String messageKey() {
        return "notice.delivery." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
