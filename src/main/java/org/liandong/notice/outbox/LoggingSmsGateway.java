package org.liandong.notice.outbox;

import org.liandong.notice.SmsGateway;
import org.liandong.platform.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default gateway: writes one log line per message (number masked, text length only) and sends nothing. */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String phone, String text, String idempotencyKey) {
        log.info("SMS to {} ({} characters, key {}) — logging gateway, not sent", Masked.phone(phone), text.length(),
                idempotencyKey);
    }
}
