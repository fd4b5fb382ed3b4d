package org.liandong.care.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.CareAlertClosed;
import org.liandong.care.CareAlertEscalated;
import org.liandong.care.CareAlertRaised;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.ServiceHours;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts of the care module. Each is raised once (a dedup key per cause), must be acted on before its
 * deadline or escalates to the supervisors, and is published as {@link CareAlertRaised} for delivery.
 */
@Service
public class CareAlerts {

    public enum Level { WORKER, SUPERVISOR }

    public enum Status { OPEN, ACKNOWLEDGED, CLOSED }

    public record Alert(UUID id, String communityId, AlertKind kind, String subjectType, UUID subjectId,
                        @Nullable UUID residentId, @Nullable String residentName, @Nullable String detail,
                        @Nullable UUID responsibleId, Level level, Status status, Instant raisedAt, Instant actBy,
                        @Nullable Instant escalatedAt, @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy,
                        @Nullable Instant closedAt, @Nullable String closedBy, @Nullable String resolution) {

        public LocalDateTime raisedLocal() {
            return raisedAt.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public LocalDateTime actByLocal() {
            return actBy.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public boolean escalated() {
            return level == Level.SUPERVISOR;
        }

        /** Dependant alerts close only when someone records who cares for the dependant now. */
        public boolean closesThroughDependant() {
            return kind == AlertKind.DEPENDANT_WITHOUT_CARER;
        }

        public String subjectLink() {
            return switch (subjectType) {
                case "observation" -> "/care/observations/" + subjectId;
                case "help_request" -> "/care/requests/" + subjectId;
                case "dependant_flag" -> "/care/dependants";
                case "referral" -> "/care/referrals/" + subjectId;
                default -> "/care/alerts";
            };
        }
    }

    /** What to raise; {@code dedupKey} makes raising the same cause twice a no-op. */
    public record NewAlert(String communityId, AlertKind kind, String subjectType, UUID subjectId,
                           @Nullable UUID residentId, @Nullable String residentName, @Nullable String detail,
                           String dedupKey, @Nullable UUID responsibleId, Duration actWithin) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CareAlerts(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Raises the alert unless one with the same key exists; returns its id when it was new. */
    @Transactional
    public Optional<UUID> raise(NewAlert a, Instant now) {
        var exists = jdbc.sql("select count(*) from care_alert where dedup_key = :k").param("k", a.dedupKey())
                .query(Integer.class).single() > 0;
        if (exists) {
            return Optional.empty();
        }
        var id = UUID.randomUUID();
        var actBy = now.plus(a.actWithin());
        jdbc.sql("""
                insert into care_alert (id, community_id, kind, subject_type, subject_id, resident_id, resident_name,
                    detail, dedup_key, responsible_id, level, status, raised_at, act_by)
                values (:id, :c, :kind, :st, :sid, :rid, :rname, :detail, :key, :resp, 'WORKER', 'OPEN', :now, :actBy)""")
                .param("id", id).param("c", a.communityId()).param("kind", a.kind().name())
                .param("st", a.subjectType()).param("sid", a.subjectId()).param("rid", a.residentId())
                .param("rname", a.residentName()).param("detail", a.detail()).param("key", a.dedupKey())
                .param("resp", a.responsibleId()).param("now", Timestamp.from(now))
                .param("actBy", Timestamp.from(actBy)).update();
        events.publishEvent(new CareAlertRaised(id, a.communityId(), a.kind().name(), a.responsibleId(), actBy, now));
        return Optional.of(id);
    }

    /** Open and acknowledged alerts of the communities in scope, escalated and oldest first. */
    public List<Alert> open(AccessScope scope) {
        var sql = "select * from care_alert where status <> 'CLOSED'"
                + (scope.everything() ? "" : " and community_id in (:ids)")
                + " order by case level when 'SUPERVISOR' then 0 else 1 end, raised_at limit 500";
        var spec = jdbc.sql(sql);
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds().isEmpty() ? List.of("-") : scope.communityIds());
        }
        return spec.query(this::alert).list();
    }

    public List<Alert> about(UUID subjectId) {
        return jdbc.sql("select * from care_alert where subject_id = :s order by raised_at").param("s", subjectId)
                .query(this::alert).list();
    }

    public Alert get(AccessScope scope, UUID id) {
        var alert = jdbc.sql("select * from care_alert where id = :id").param("id", id).query(this::alert).optional()
                .orElseThrow(OutOfScopeException::new);
        scope.check(alert.communityId());
        return alert;
    }

    /** Someone is on it: the alert stops counting towards escalation but stays on the list. */
    @Transactional
    public void acknowledge(LiandongUser staff, UUID id) {
        var alert = get(staff.scope(), id);
        var changed = jdbc.sql("""
                update care_alert set status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by
                where id = :id and status = 'OPEN'""")
                .param("now", Timestamp.from(clock.instant())).param("by", staff.displayName()).param("id", alert.id())
                .update();
        if (changed != 1) {
            throw new InvalidValueException("care.alert.not-open");
        }
    }

    @Transactional
    public void close(LiandongUser staff, UUID id, @Nullable String resolution) {
        var alert = get(staff.scope(), id);
        if (alert.closesThroughDependant()) {
            throw new InvalidValueException("care.alert.close-through-dependant");
        }
        var text = resolution == null ? "" : resolution.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("care.alert.resolution-required");
        }
        if (text.length() > 300) {
            throw new InvalidValueException("care.alert.resolution-too-long");
        }
        if (!closeQuietly(alert.id(), staff.displayName(), text, clock.instant())) {
            throw new InvalidValueException("care.alert.not-open");
        }
    }

    /** Closes every open alert about a subject (of the kind given), e.g. when the case behind it closes. */
    @Transactional
    public int closeAbout(UUID subjectId, @Nullable AlertKind kind, String by, String resolution, Instant now) {
        var ids = jdbc.sql("select id from care_alert where subject_id = :s and status <> 'CLOSED'"
                        + (kind == null ? "" : " and kind = :k"))
                .param("s", subjectId).params(kind == null ? java.util.Map.of() : java.util.Map.of("k", kind.name()))
                .query(UUID.class).list();
        var n = 0;
        for (var id : ids) {
            n += closeQuietly(id, by, resolution, now) ? 1 : 0;
        }
        return n;
    }

    private boolean closeQuietly(UUID id, String by, String resolution, Instant now) {
        var row = jdbc.sql("select community_id, kind from care_alert where id = :id").param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        var changed = jdbc.sql("""
                update care_alert set status = 'CLOSED', closed_at = :now, closed_by = :by, resolution = :r
                where id = :id and status <> 'CLOSED'""")
                .param("now", Timestamp.from(now)).param("by", by).param("r", resolution).param("id", id).update();
        if (changed == 1) {
            events.publishEvent(new CareAlertClosed(id, row[0], row[1], now));
        }
        return changed == 1;
    }

    /** Alerts nobody acknowledged before their deadline go to the supervisors; returns how many. */
    @Transactional
    public int escalateDue(Instant now) {
        var due = jdbc.sql("""
                select id, community_id, kind from care_alert
                where status = 'OPEN' and level = 'WORKER' and act_by < :now""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)}).list();
        var n = 0;
        for (var row : due) {
            var changed = jdbc.sql("""
                    update care_alert set level = 'SUPERVISOR', escalated_at = :now
                    where id = :id and status = 'OPEN' and level = 'WORKER'""")
                    .param("now", Timestamp.from(now)).param("id", row[0]).update();
            if (changed == 1) {
                n++;
                events.publishEvent(new CareAlertEscalated((UUID) row[0], (String) row[1], (String) row[2], now));
            }
        }
        return n;
    }

    private Alert alert(ResultSet rs, int n) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getString("community_id"),
                AlertKind.valueOf(rs.getString("kind")), rs.getString("subject_type"),
                rs.getObject("subject_id", UUID.class), rs.getObject("resident_id", UUID.class),
                rs.getString("resident_name"), rs.getString("detail"), rs.getObject("responsible_id", UUID.class),
                Level.valueOf(rs.getString("level")), Status.valueOf(rs.getString("status")),
                instant(rs, "raised_at"), instant(rs, "act_by"), instant(rs, "escalated_at"),
                instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("resolution"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
