package org.liandong.notice.outbox;

/** A delivery attempt failed; the reason is stored with the delivery, so write it for the staff who read it. */
class DeliveryFailed extends Exception {

    DeliveryFailed(String reason) {
        super(reason);
    }

    DeliveryFailed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
