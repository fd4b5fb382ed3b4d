package org.liandong.notice.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.notice.Channel;
import org.liandong.notice.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends what the outbox holds. Each delivery is claimed by a conditional update (committed on its own),
 * sent, then marked sent — or put back with a back-off, or marked failed after the last attempt. A node
 * that dies mid-way leaves its claim to run out; the delivery is then sent again with the same key.
 * Works without Spring so the crash test can run it in a process of its own.
 */
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
    private final Clock clock;
    private final OutboxSettings settings;

    OutboxRelay(JdbcClient jdbc, List<DeliveryChannel> channels, Clock clock, OutboxSettings settings) {
        this.jdbc = jdbc;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.clock = clock;
        this.settings = settings;
    }

    /** Delivers what is due now; returns how many deliveries it attempted. */
    int deliverDue() {
        return deliverDue(null);
    }

    /** As {@link #deliverDue()}, restricted to one notification (tests, and sending one notice right away). */
    int deliverDue(@Nullable UUID notificationId) {
        if (channels.isEmpty()) {
            return 0;
        }
        var now = Timestamp.from(now());
        var sql = """
                select id from notification_delivery
                where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                  and (lease_until is null or lease_until < :now) and channel in (:channels)""";
        var query = jdbc.sql(sql + (notificationId == null ? "" : " and notification_id = :n")
                        + " order by next_attempt_at limit :batch")
                .param("now", now).param("channels", channels.keySet().stream().map(Enum::name).toList())
                .param("batch", settings.batch());
        if (notificationId != null) {
            query = query.param("n", notificationId);
        }
        var due = query.query(UUID.class).list();
        int attempted = 0;
        for (var id : due) {
            if (claim(id)) {
                attempt(id);
                attempted++;
            }
        }
        return attempted;
    }

    private boolean claim(UUID id) {
        var now = now();
        return jdbc.sql("""
                update notification_delivery set status = 'SENDING', attempts = attempts + 1, lease_until = :lease
                where id = :id and status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                  and (lease_until is null or lease_until < :now)""")
                .param("lease", Timestamp.from(now.plus(settings.lease()))).param("id", id)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    private void attempt(UUID id) {
        var row = jdbc.sql("""
                select d.idempotency_key, d.channel, d.address, d.attempts, n.title, n.body, n.link
                from notification_delivery d join notification n on n.id = d.notification_id where d.id = :id""")
                .param("id", id)
                .query((rs, i) -> new Object[] {new OutgoingMessage(rs.getString("idempotency_key"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("title"),
                        rs.getString("body"), rs.getString("link")), rs.getInt("attempts")})
                .single();
        var message = (OutgoingMessage) row[0];
        int attempts = (Integer) row[1];
        try {
            channels.get(message.channel()).send(message);
            jdbc.sql("""
                    update notification_delivery set status = 'SENT', sent_at = :at, lease_until = null, last_error = null
                    where id = :id and status = 'SENDING'""")
                    .param("at", Timestamp.from(now())).param("id", id).update();
        } catch (DeliveryFailed | RuntimeException e) {
            failed(id, attempts, reason(e));
        }
    }

    private void failed(UUID id, int attempts, String reason) {
        var last = attempts >= settings.maxAttempts();
        var now = now();
        jdbc.sql("""
                update notification_delivery set status = :status, next_attempt_at = :next, lease_until = null,
                    last_error = :reason where id = :id and status = 'SENDING'""")
                .param("status", last ? DeliveryStatus.FAILED.name() : DeliveryStatus.PENDING.name())
                .param("next", Timestamp.from(last ? now : now.plus(settings.backoffAfter(attempts))))
                .param("reason", reason).param("id", id).update();
        if (last) {
            log.warn("Delivery {} failed for good after {} attempts: {}", id, attempts, reason);
        }
    }

    /** Databases keep microseconds; a time with nanoseconds would compare unequal to itself once stored. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String reason(Exception e) {
        var text = e instanceof DeliveryFailed ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        text = text == null ? e.getClass().getSimpleName() : text;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
