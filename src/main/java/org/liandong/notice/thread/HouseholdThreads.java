package org.liandong.notice.thread;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Registry;
import org.liandong.notice.Notification;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One thread per household with its community. A household writes; staff of the community answer (and the
 * household gets an in-app notification through the outbox). Staff see unread counts and the households
 * whose last message nobody has answered, longest waiting first.
 */
@Service
public class HouseholdThreads {

    static final int BODY_MAX = 2000;

    public record ThreadRow(UUID id, UUID householdId, String address, Instant lastMessageAt,
                            @Nullable Instant waitingSince, long unread) {
        public LocalDateTime lastLocal() {
            return LocalDateTime.ofInstant(lastMessageAt, NoticeTime.ZONE);
        }

        public @Nullable LocalDateTime waitingLocal() {
            return waitingSince == null ? null : LocalDateTime.ofInstant(waitingSince, NoticeTime.ZONE);
        }
    }

    public record Message(boolean fromStaff, String author, String body, Instant at) {
        public LocalDateTime local() {
            return LocalDateTime.ofInstant(at, NoticeTime.ZONE);
        }
    }

    public record Conversation(UUID id, String communityId, UUID householdId, String address, List<Message> messages) {
    }

    private final JdbcClient jdbc;
    private final Registry registry;
    private final Notifications notifications;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;

    HouseholdThreads(JdbcClient jdbc, Registry registry, Notifications notifications, Clock clock,
                     org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.registry = registry;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The household's own thread, as its members see it (read now). */
    @Transactional
    public Conversation mine(LiandongUser resident) {
        var household = resident.householdId().orElseThrow(() -> new InvalidValueException("notice.thread.no-household"));
        var id = threadOf(household);
        jdbc.sql("update household_thread set household_read_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        return conversation(id);
    }

    /** Unread staff answers of the household, for the badge. */
    public long unreadForHousehold(LiandongUser resident) {
        return resident.householdId().map(h -> jdbc.sql("""
                select count(*) from household_thread_message m join household_thread t on t.id = m.thread_id
                where t.household_id = :h and m.from_staff = true
                  and (t.household_read_at is null or m.created_at > t.household_read_at)""")
                .param("h", h).query(Long.class).single()).orElse(0L);
    }

    @Transactional
    public void writeAsHousehold(LiandongUser resident, String body) {
        var household = resident.householdId().orElseThrow(() -> new InvalidValueException("notice.thread.no-household"));
        var id = threadOf(household);
        var now = Timestamp.from(clock.instant());
        insert(id, false, resident, body, now);
        jdbc.sql("""
                update household_thread set last_message_at = :at, household_read_at = :at,
                    waiting_since = coalesce(waiting_since, :at) where id = :id""")
                .param("at", now).param("id", id).update();
    }

    @Transactional
    public void answer(LiandongUser staff, UUID threadId, String body) {
        var conversation = forStaff(staff.scope(), threadId, false);
        var now = Timestamp.from(clock.instant());
        insert(threadId, true, staff, body, now);
        jdbc.sql("""
                update household_thread set last_message_at = :at, staff_read_at = :at, waiting_since = null
                where id = :id""").param("at", now).param("id", threadId).update();
        var text = body.strip();
        var title = messages.getMessage("notice.thread.answer-title",
                new Object[] {text.length() > 40 ? text.substring(0, 40) + "…" : text}, java.util.Locale.SIMPLIFIED_CHINESE);
        notifications.enqueue(Notification.of("THREAD_ANSWER", title, text,
                List.of(Recipient.household(conversation.householdId()))).in(conversation.communityId())
                .about("thread:" + threadId, "/messages"));
    }

    /** Staff: a thread of their community, marked read unless only peeking. */
    @Transactional
    public Conversation forStaff(AccessScope scope, UUID threadId, boolean markRead) {
        var community = jdbc.sql("select community_id from household_thread where id = :id").param("id", threadId)
                .query(String.class).optional().orElseThrow(OutOfScopeException::new);
        scope.check(community);
        if (markRead) {
            jdbc.sql("update household_thread set staff_read_at = :at where id = :id")
                    .param("at", Timestamp.from(clock.instant())).param("id", threadId).update();
        }
        return conversation(threadId);
    }

    /** Staff: the threads of a community, unanswered first (longest waiting first), then the latest. */
    public List<ThreadRow> ofCommunity(AccessScope scope, String communityId, boolean unansweredOnly) {
        scope.check(communityId);
        return jdbc.sql("""
                select t.id, t.household_id, b.address, h.room, t.last_message_at, t.waiting_since,
                       (select count(*) from household_thread_message m where m.thread_id = t.id and m.from_staff = false
                          and (t.staff_read_at is null or m.created_at > t.staff_read_at)) unread
                from household_thread t join household h on h.id = t.household_id join building b on b.id = h.building_id
                where t.community_id = :c""" + (unansweredOnly ? " and t.waiting_since is not null" : "")
                + " order by case when t.waiting_since is null then 1 else 0 end, t.waiting_since, t.last_message_at desc")
                .param("c", communityId).query(this::row).list();
    }

    public long unansweredCount(AccessScope scope, String communityId) {
        scope.check(communityId);
        return jdbc.sql("select count(*) from household_thread where community_id = :c and waiting_since is not null")
                .param("c", communityId).query(Long.class).single();
    }

    private ThreadRow row(ResultSet rs, int n) throws SQLException {
        var waiting = rs.getTimestamp("waiting_since");
        return new ThreadRow(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                rs.getString("address") + " " + rs.getString("room"), rs.getTimestamp("last_message_at").toInstant(),
                waiting == null ? null : waiting.toInstant(), rs.getLong("unread"));
    }

    private void insert(UUID threadId, boolean fromStaff, LiandongUser author, String body, Timestamp at) {
        var text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("notice.thread.empty");
        }
        if (text.length() > BODY_MAX) {
            throw new InvalidValueException("notice.thread.too-long", BODY_MAX);
        }
        jdbc.sql("""
                insert into household_thread_message (id, thread_id, from_staff, author_id, author_name, body, created_at)
                values (:id, :t, :staff, :a, :name, :body, :at)""")
                .param("id", UUID.randomUUID()).param("t", threadId).param("staff", fromStaff)
                .param("a", author.userId()).param("name", author.displayName()).param("body", text).param("at", at)
                .update();
    }

    private UUID threadOf(UUID household) {
        Optional<UUID> existing = jdbc.sql("select id from household_thread where household_id = :h")
                .param("h", household).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var community = registry.communityOfHousehold(household).orElseThrow(OutOfScopeException::new);
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into household_thread (id, community_id, household_id, created_at, last_message_at)
                values (:id, :c, :h, :at, :at)""")
                .param("id", id).param("c", community).param("h", household).param("at", now).update();
        return id;
    }

    private Conversation conversation(UUID id) {
        var head = jdbc.sql("""
                select t.community_id, t.household_id, b.address, h.room from household_thread t
                join household h on h.id = t.household_id join building b on b.id = h.building_id where t.id = :id""")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getString(3) + " " + rs.getString(4)}).single();
        var messages = jdbc.sql("""
                select from_staff, author_name, body, created_at from household_thread_message where thread_id = :id
                order by created_at, id""").param("id", id)
                .query((rs, n) -> new Message(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
        return new Conversation(id, (String) head[0], (UUID) head[1], (String) head[2], messages);
    }
}
