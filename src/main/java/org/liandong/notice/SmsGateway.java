package org.liandong.notice;

/**
 * Sends a text message. The default gateway only writes a log line (with the number masked); a real one
 * (a carrier's or a cloud provider's API) is a bean implementing this interface. It should pass the
 * idempotency key on, so the provider can drop a message the outbox sends again after a crash.
 */
public interface SmsGateway {

    /** @throws Exception with a reason a person can read, when the message was not accepted */
    void send(String phone, String text, String idempotencyKey) throws Exception;
}
