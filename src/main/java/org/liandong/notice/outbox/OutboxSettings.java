package org.liandong.notice.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay's rhythm: how often it looks for due deliveries, the back-off after a failure (doubling from
 * {@code backoff} up to {@code maxBackoff}), how many attempts before a delivery is marked failed, how long
 * a claimed delivery stays claimed (a crashed node's claims run out after this), and the public address
 * of Liandong for links in e-mails and chat messages.
 */
@ConfigurationProperties("liandong.notice.outbox")
record OutboxSettings(@DefaultValue("true") boolean relay, @DefaultValue("2s") Duration poll,
                      @DefaultValue("30s") Duration backoff, @DefaultValue("1h") Duration maxBackoff,
                      @DefaultValue("6") int maxAttempts, @DefaultValue("2m") Duration lease,
                      @DefaultValue("200") int batch, @DefaultValue("http://localhost:8080") String baseUrl,
                      @DefaultValue("liandong@localhost") String mailFrom, @DefaultValue("10s") Duration timeout) {

    Duration backoffAfter(int attempts) {
        var factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        var wait = backoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
