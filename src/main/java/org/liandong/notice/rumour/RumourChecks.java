package org.liandong.notice.rumour;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.notice.Notification;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents ask about what they heard; staff of their community or any expert answer with a verdict and a
 * source; the asker is told through the outbox; answered checks are searchable by everyone signed in.
 */
@Service
public class RumourChecks {

    public record Check(UUID id, String question, Instant submittedAt, @Nullable Verdict verdict,
                        @Nullable String answer, @Nullable String source, @Nullable String answeredBy,
                        @Nullable Instant answeredAt) {
        public LocalDateTime submittedLocal() {
            return LocalDateTime.ofInstant(submittedAt, NoticeTime.ZONE);
        }

        public boolean sourceIsLink() {
            return source != null && (source.startsWith("https://") || source.startsWith("http://"));
        }
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;
    private final org.liandong.community.Registry registry;

    RumourChecks(JdbcClient jdbc, Notifications notifications, MessageSource messages, Clock clock,
                 org.liandong.community.Registry registry) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    public UUID submit(LiandongUser asker, String question) {
        var q = question == null ? "" : question.strip();
        if (q.length() < 4 || q.length() > 1000) {
            throw new InvalidValueException("notice.rumour.question-length", 4, 1000);
        }
        var community = asker.householdId().flatMap(registry::communityOfHousehold)
                .orElse(asker.scope().communityIds().stream().sorted().findFirst().orElse(null));
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into rumour_check (id, community_id, question, submitted_by, submitted_at)
                values (:id, :c, :q, :by, :at)""")
                .param("id", id).param("c", community).param("q", q).param("by", asker.userId())
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    /** Open questions for staff (their communities' and those without one) and experts (all). */
    public List<Check> open(LiandongUser answerer) {
        checkAnswerer(answerer);
        return jdbc.sql(SELECT + " where answered_at is null order by submitted_at").query(this::check).list().stream()
                .filter(c -> mayAnswer(answerer, c.id())).toList();
    }

    @Transactional
    public void answer(LiandongUser answerer, UUID id, @Nullable String verdict, @Nullable String answer,
                       @Nullable String source) {
        checkAnswerer(answerer);
        if (!mayAnswer(answerer, id)) {
            throw new OutOfScopeException();
        }
        Verdict v;
        try {
            v = Verdict.valueOf(verdict == null ? "" : verdict);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("notice.rumour.verdict-required");
        }
        var a = answer == null ? "" : answer.strip();
        var s = source == null ? "" : source.strip();
        if (a.isEmpty() || a.length() > 2000) {
            throw new InvalidValueException("notice.rumour.answer-length", 2000);
        }
        if (s.isEmpty() || s.length() > 500) {
            throw new InvalidValueException("notice.rumour.source-required", 500);
        }
        var updated = jdbc.sql("""
                update rumour_check set verdict = :v, answer = :a, source = :s, answered_by_name = :by, answered_at = :at
                where id = :id and answered_at is null""")
                .param("v", v.name()).param("a", a).param("s", s).param("by", answerer.displayName())
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        if (updated == 0) {
            throw new InvalidValueException("notice.rumour.already-answered");
        }
        var asker = jdbc.sql("select submitted_by from rumour_check where id = :id").param("id", id).query(UUID.class)
                .single();
        var zh = Locale.SIMPLIFIED_CHINESE;
        notifications.enqueue(Notification.of("RUMOUR_ANSWER",
                messages.getMessage("notice.rumour.answered-title", new Object[] {messages.getMessage(v.messageKey(), null, zh)}, zh),
                a, List.of(Recipient.user(asker))).about("rumour:" + id, "/rumours?q=").once("rumour-answer:" + id));
    }

    /** Answered checks, newest first, whose question or answer contains every word of the query. */
    public List<Check> search(@Nullable String query, int limit) {
        var sql = new StringBuilder(SELECT + " where answered_at is not null");
        var words = query == null || query.isBlank() ? new String[0] : query.strip().split("\\s+");
        for (int i = 0; i < Math.min(words.length, 5); i++) {
            sql.append(" and (lower(question) like :w").append(i).append(" or lower(answer) like :w").append(i).append(")");
        }
        sql.append(" order by answered_at desc limit :limit");
        var spec = jdbc.sql(sql.toString()).param("limit", limit);
        for (int i = 0; i < Math.min(words.length, 5); i++) {
            spec = spec.param("w" + i, "%" + escape(words[i].toLowerCase(Locale.ROOT)) + "%");
        }
        return spec.query(this::check).list();
    }

    public List<Check> mine(LiandongUser asker) {
        return jdbc.sql(SELECT + " where submitted_by = :u order by submitted_at desc").param("u", asker.userId())
                .query(this::check).list();
    }

    private static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void checkAnswerer(LiandongUser user) {
        if (!user.role().staff() && user.role() != Role.EXPERT) {
            throw new OutOfScopeException();
        }
    }

    private boolean mayAnswer(LiandongUser answerer, UUID id) {
        if (answerer.role() == Role.EXPERT || answerer.scope().everything()) {
            return true;
        }
        var community = jdbc.sql("select community_id from rumour_check where id = :id").param("id", id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).optional();
        return community.isPresent() && community.get().map(answerer.scope()::covers).orElse(true);
    }

    private static final String SELECT = """
            select id, question, submitted_at, verdict, answer, source, answered_by_name, answered_at from rumour_check""";

    private Check check(ResultSet rs, int n) throws SQLException {
        var answered = rs.getTimestamp("answered_at");
        return new Check(rs.getObject("id", UUID.class), rs.getString("question"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("verdict") == null ? null : Verdict.valueOf(rs.getString("verdict")), rs.getString("answer"),
                rs.getString("source"), rs.getString("answered_by_name"), answered == null ? null : answered.toInstant());
    }
}
