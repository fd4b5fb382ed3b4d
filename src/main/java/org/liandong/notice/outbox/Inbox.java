package org.liandong.notice.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's in-app messages: their own and their household's. Reading one marks it read for the household. */
@Component
public class Inbox {

    public record Message(UUID id, String kind, String title, String body, @Nullable String link, Instant at,
                          @Nullable Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }

        public java.time.LocalDateTime localAt() {
            return java.time.LocalDateTime.ofInstant(at, org.liandong.notice.NoticeTime.ZONE);
        }
    }

    private static final String MINE = """
            channel = 'IN_APP' and (user_id = :user or household_id = :household)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Message> messages(LiandongUser me, int limit) {
        return jdbc.sql("""
                select d.id, n.kind, n.title, n.body, n.link, d.created_at, d.read_at
                from notification_delivery d join notification n on n.id = d.notification_id
                where d.""" + MINE.strip() + " order by d.created_at desc, d.id limit :limit")
                .param("user", me.userId()).param("household", household(me)).param("limit", limit)
                .query(this::message).list();
    }

    long unread(LiandongUser me) {
        return jdbc.sql("select count(*) from notification_delivery where " + MINE + " and read_at is null")
                .param("user", me.userId()).param("household", household(me)).query(Long.class).single();
    }

    Message open(LiandongUser me, UUID id) {
        var message = jdbc.sql("""
                select d.id, n.kind, n.title, n.body, n.link, d.created_at, d.read_at
                from notification_delivery d join notification n on n.id = d.notification_id
                where d.id = :id and d.""" + MINE.strip())
                .param("id", id).param("user", me.userId()).param("household", household(me))
                .query(this::message).optional().orElseThrow(OutOfScopeException::new);
        if (message.readAt() == null) {
            jdbc.sql("update notification_delivery set read_at = :at where id = :id and read_at is null")
                    .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        }
        return message;
    }

    /** Marks read every message of this person that points at the given link (e.g. when they open the notice). */
    public void readByLink(LiandongUser me, String link) {
        jdbc.sql("""
                update notification_delivery set read_at = :at
                where read_at is null and notification_id in (select id from notification where link = :link)
                  and\s""" + MINE)
                .param("at", Timestamp.from(clock.instant())).param("link", link).param("user", me.userId())
                .param("household", household(me)).update();
    }

    int readAll(LiandongUser me) {
        return jdbc.sql("update notification_delivery set read_at = :at where read_at is null and " + MINE)
                .param("at", Timestamp.from(clock.instant())).param("user", me.userId())
                .param("household", household(me)).update();
    }

    /** The zero id, which matches no household, when the person has none (keeps the SQL free of null checks). */
    private static UUID household(LiandongUser me) {
        return me.householdId().orElse(NONE);
    }

    private static final UUID NONE = new UUID(0, 0);

    private Message message(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var read = rs.getTimestamp("read_at");
        return new Message(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
                rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
