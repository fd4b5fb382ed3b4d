package org.liandong.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's entry point for every module: {@link #enqueue} writes a notification and one delivery per
 * recipient inside the caller's transaction, so it exists exactly when the business change does. A relay
 * sends the deliveries afterwards; in-app deliveries are in the inbox at once.
 */
@Service
public class Notifications {

    public record DeliveryView(UUID id, Channel channel, @Nullable UUID userId, @Nullable UUID householdId,
                               @Nullable String address, DeliveryStatus status, int attempts,
                               @Nullable String lastError, @Nullable Instant sentAt, @Nullable Instant readAt) {
    }

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    public Notifications(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Returns the notification's id; with a dedupe key already used, the id of the earlier one. */
    @Transactional
    public UUID enqueue(Notification n) {
        var title = n.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            throw new InvalidValueException("notice.error.title");
        }
        if (n.body().length() > 4000) {
            throw new InvalidValueException("notice.error.body-too-long", 4000);
        }
        if (n.dedupeKey() != null) {
            var earlier = jdbc.sql("select id from notification where dedupe_key = :k").param("k", n.dedupeKey())
                    .query(UUID.class).optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        jdbc.sql("""
                insert into notification (id, kind, community_id, subject_ref, title, body, link, dedupe_key, created_at)
                values (:id, :kind, :c, :ref, :title, :body, :link, :key, :at)""")
                .param("id", id).param("kind", n.kind()).param("c", n.communityId()).param("ref", n.subjectRef())
                .param("title", title).param("body", n.body()).param("link", n.link()).param("key", n.dedupeKey())
                .param("at", now).update();
        var rows = new ArrayList<Object[]>(Math.min(n.recipients().size(), BATCH));
        for (var r : n.recipients()) {
            var deliveryId = UUID.randomUUID();
            var inApp = r.channel() == Channel.IN_APP;
            rows.add(new Object[] {deliveryId, id, r.channel().name(), r.userId(), r.householdId(), r.address(),
                    "ld-" + deliveryId, inApp ? DeliveryStatus.SENT.name() : DeliveryStatus.PENDING.name(),
                    now, inApp ? now : null, now});
            if (rows.size() == BATCH) {
                insert(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            insert(rows);
        }
        return id;
    }

    private void insert(List<Object[]> rows) {
        batch.batchUpdate("""
                insert into notification_delivery (id, notification_id, channel, user_id, household_id, address,
                    idempotency_key, status, attempts, next_attempt_at, sent_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""", rows);
    }

    /** Every delivery of a notification with its status, for the page that shows how a notice went out. */
    public List<DeliveryView> deliveries(UUID notificationId) {
        return jdbc.sql("""
                select id, channel, user_id, household_id, address, status, attempts, last_error, sent_at, read_at
                from notification_delivery where notification_id = :n order by channel, created_at, id""")
                .param("n", notificationId)
                .query((rs, i) -> new DeliveryView(rs.getObject("id", UUID.class), Channel.valueOf(rs.getString("channel")),
                        rs.getObject("user_id", UUID.class), rs.getObject("household_id", UUID.class),
                        rs.getString("address"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getString("last_error"), instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("read_at"))))
                .list();
    }

    /** The notification sent for a business object (e.g. "notice:&lt;id&gt;"), if any. */
    public java.util.Optional<UUID> bySubject(String subjectRef) {
        return jdbc.sql("select id from notification where subject_ref = :r order by created_at limit 1")
                .param("r", subjectRef).query(UUID.class).optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
