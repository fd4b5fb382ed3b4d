package org.liandong.notice.cap;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.notice.Audience;
import org.liandong.notice.Choice;
import org.liandong.notice.NoticeCategory;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.board.NoticeBoard;
import org.liandong.notice.board.NoticeDraft;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts: a notice to a community or street that is also a CAP 1.2 message. The message is built and
 * validated against the official schema first; one that does not validate is refused and nothing is
 * published — no notice, no notification, no feed entry.
 */
@Service
public class CapAlerts {

    private static final Logger log = LoggerFactory.getLogger(CapAlerts.class);
    static final int HEADLINE_MAX = 160;
    static final int TEXT_MAX = 2000;
    private static final String CHOICE = "notice.alert.choice";

    public record Published(String identifier, OffsetDateTime sent, String headline, String xml) {
    }

    private final JdbcClient jdbc;
    private final Places places;
    private final NoticeBoard board;
    private final CapSchema schema;
    private final Clock clock;
    private final String sender;
    private final String baseUrl;

    CapAlerts(JdbcClient jdbc, Places places, NoticeBoard board, CapSchema schema, Clock clock,
              @Value("${liandong.notice.cap.sender:liandong@localhost}") String sender,
              @Value("${liandong.notice.outbox.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.places = places;
        this.board = board;
        this.schema = schema;
        this.clock = clock;
        this.sender = sender;
        this.baseUrl = baseUrl;
    }

    @Transactional
    public UUID publish(LiandongUser staff, AlertForm form) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var communityId = form.community() == null ? "" : form.community();
        staff.scope().check(communityId);
        var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
        var audience = "STREET".equals(form.audience()) ? Audience.STREET : Audience.COMMUNITY;
        var identifier = "liandong-" + UUID.randomUUID();
        var sent = OffsetDateTime.now(clock.withZone(NoticeTime.ZONE)).truncatedTo(ChronoUnit.SECONDS);
        var zh = new CapMessage.Info("zh-CN", required(form.eventZh(), 100), required(form.headlineZh(), HEADLINE_MAX),
                required(form.descriptionZh(), TEXT_MAX), optional(form.instructionZh()), null);
        var en = new CapMessage.Info("en-US", required(form.eventEn(), 100), required(form.headlineEn(), HEADLINE_MAX),
                required(form.descriptionEn(), TEXT_MAX), optional(form.instructionEn()), null);
        var message = new CapMessage(identifier, sender, sent,
                Choice.of(CapValues.Category.class, form.category(), CHOICE),
                Choice.of(CapValues.Urgency.class, form.urgency(), CHOICE),
                Choice.of(CapValues.Severity.class, form.severity(), CHOICE),
                Choice.of(CapValues.Certainty.class, form.certainty(), CHOICE),
                expires(form.expires(), sent), audience == Audience.STREET ? community.streetName() : community.name(),
                audience == Audience.STREET ? community.streetName() : community.name(),
                audience == Audience.STREET ? community.streetId() : community.id(), List.of(zh, en));
        String xml;
        String problem;
        try {
            xml = message.xml();
            problem = schema.problem(xml);
        } catch (CapMessage.Unwritable e) {
            xml = "";
            problem = e.getMessage();
        }
        if (problem != null) {
            log.warn("CAP alert refused, it does not validate: {}", problem);
            throw new InvalidValueException("notice.alert.invalid", problem);
        }
        var body = zh.description() + (zh.instruction() == null ? "" : "\n\n" + zh.instruction());
        var noticeId = board.publish(staff, new NoticeDraft(audience, community.id(), null, null, null,
                NoticeCategory.SERVICE, zh.headline(), body, true,
                message.expires() == null ? null : message.expires().toLocalDate(), List.of()));
        jdbc.sql("""
                insert into cap_alert (id, identifier, notice_id, street_id, community_id, sent, headline, xml)
                values (:id, :identifier, :n, :street, :c, :sent, :headline, :xml)""")
                .param("id", UUID.randomUUID()).param("identifier", identifier).param("n", noticeId)
                .param("street", community.streetId()).param("c", audience == Audience.STREET ? null : community.id())
                .param("sent", Timestamp.from(sent.toInstant())).param("headline", zh.headline()).param("xml", xml)
                .update();
        return noticeId;
    }

    public Optional<String> xml(String identifier) {
        return jdbc.sql("select xml from cap_alert where identifier = :i").param("i", identifier).query(String.class)
                .optional();
    }

    public Optional<String> identifierOfNotice(UUID noticeId) {
        return jdbc.sql("select identifier from cap_alert where notice_id = :n").param("n", noticeId)
                .query(String.class).optional();
    }

    /** The latest alerts, newest first, for the Atom feed. */
    public List<Published> latest(int limit) {
        return jdbc.sql("select identifier, sent, headline, xml from cap_alert order by sent desc, identifier limit :l")
                .param("l", limit)
                .query((rs, n) -> new Published(rs.getString(1),
                        rs.getTimestamp(2).toInstant().atZone(NoticeTime.ZONE).toOffsetDateTime(), rs.getString(3),
                        rs.getString(4))).list();
    }

    String baseUrl() {
        return baseUrl;
    }

    private static String required(@Nullable String text, int max) {
        var t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new InvalidValueException("notice.alert.required");
        }
        if (t.length() > max) {
            throw new InvalidValueException("notice.alert.too-long", max);
        }
        return t;
    }

    private static @Nullable String optional(@Nullable String text) {
        var t = text == null ? "" : text.strip();
        if (t.length() > TEXT_MAX) {
            throw new InvalidValueException("notice.alert.too-long", TEXT_MAX);
        }
        return t.isEmpty() ? null : t;
    }

    private static @Nullable OffsetDateTime expires(@Nullable String text, OffsetDateTime sent) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var at = LocalDateTime.parse(text.strip()).atZone(NoticeTime.ZONE).toOffsetDateTime()
                    .truncatedTo(ChronoUnit.SECONDS);
            if (!at.isAfter(sent)) {
                throw new InvalidValueException("notice.alert.expires-past");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("notice.alert.expires");
        }
    }

}
