package org.liandong.volunteer.conduct;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where conflicts about volunteers are reported and settled: anyone signed in may report; a social worker
 * (or community staff) of that community takes it through its steps to an outcome. Repeated incidents
 * about the same volunteer flag them for review.
 */
@Service
class IncidentDesk {

    public record Flagged(UUID volunteerId, String name, String communityId, long incidents) {
    }

    public record Summary(UUID id, String communityName, String volunteerNamed, Incident.Kind kind,
                   Incident.Status status, LocalDate occurredOn, long sameVolunteerRecently) {
    }

    private final JdbcClient jdbc;
    private final Places places;
    private final VolunteerDirectory volunteers;
    private final IncidentSettings settings;
    private final Clock clock;

    IncidentDesk(JdbcClient jdbc, Places places, VolunteerDirectory volunteers, IncidentSettings settings,
                 Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.volunteers = volunteers;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    UUID report(LiandongUser reporter, String communityId, String volunteerNamed, LocalDate occurredOn,
                Incident.Kind kind, String description) {
        places.community(communityId).orElseThrow(() -> new InvalidValueException("conduct.error.community"));
        var named = text(volunteerNamed, 1, 50, "conduct.error.volunteer-named");
        var what = text(description, 10, 1000, "conduct.error.description");
        var today = LocalDate.now(clock);
        if (occurredOn.isAfter(today) || occurredOn.isBefore(today.minusYears(1))) {
            throw new InvalidValueException("conduct.error.date");
        }
        var id = UUID.randomUUID();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into volunteer_incident (id, community_id, reported_by, reporter_name, reporter_role,
                    volunteer_named, occurred_on, kind, description, status, created_at)
                values (:id, :c, :by, :name, :role, :named, :on, :kind, :what, 'RECEIVED', :now)""")
                .param("id", id).param("c", communityId).param("by", reporter.userId())
                .param("name", reporter.displayName()).param("role", reporter.role().name()).param("named", named)
                .param("on", java.sql.Date.valueOf(occurredOn)).param("kind", kind.name()).param("what", what)
                .param("now", now).update();
        step(id, Incident.Status.RECEIVED, what, reporter.displayName(), now);
        return id;
    }

    /** The next step: a note, optionally the volunteer it concerns, and an outcome when closing. */
    @Transactional
    void advance(LiandongUser staff, UUID id, Incident.Status to, String note, @Nullable UUID volunteerId,
                 Incident.@Nullable Outcome outcome) {
        var incident = find(staff.scope(), id);
        if (!incident.open()) {
            throw new InvalidValueException("conduct.error.closed");
        }
        if (to == Incident.Status.RECEIVED || to.ordinal() < incident.status().ordinal()) {
            throw new InvalidValueException("conduct.error.backwards");
        }
        if (to == Incident.Status.CLOSED && outcome == null) {
            throw new InvalidValueException("conduct.error.outcome");
        }
        var text = text(note, 2, 1000, "conduct.error.note");
        if (volunteerId != null) {
            var volunteer = volunteers.byId(volunteerId)
                    .orElseThrow(() -> new InvalidValueException("conduct.error.volunteer"));
            if (!volunteer.communityId().equals(incident.communityId())) {
                throw new InvalidValueException("conduct.error.volunteer");
            }
        }
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update volunteer_incident set status = :s, outcome = :o, closed_at = :closed,
                    volunteer_id = coalesce(:v, volunteer_id) where id = :id""")
                .param("s", to.name()).param("o", outcome == null ? null : outcome.name())
                .param("closed", to == Incident.Status.CLOSED ? now : null).param("v", volunteerId)
                .param("id", id).update();
        step(id, to, text, staff.displayName(), now);
    }

    Incident find(AccessScope scope, UUID id) {
        var incident = jdbc.sql("""
                select i.*, c.name community_name from volunteer_incident i join community c on c.id = i.community_id
                where i.id = :id""").param("id", id).query(this::incident).optional()
                .orElseThrow(OutOfScopeException::new);
        scope.check(incident.communityId());
        var steps = jdbc.sql("select * from volunteer_incident_step where incident_id = :id order by at")
                .param("id", id)
                .query((rs, n) -> new Incident.Step(Incident.Status.valueOf(rs.getString("status")),
                        rs.getString("note"), rs.getTimestamp("at").toInstant(), rs.getString("by_name")))
                .list();
        return new Incident(incident.id(), incident.communityId(), incident.communityName(), incident.reporterName(),
                incident.reporterRole(), incident.volunteerId(), incident.volunteerNamed(), incident.occurredOn(),
                incident.kind(), incident.description(), incident.status(), incident.outcome(),
                incident.createdAt(), steps);
    }

    List<Summary> list(AccessScope scope, boolean openOnly) {
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var since = java.sql.Date.valueOf(LocalDate.now(clock).minusDays(settings.reviewWindow().toDays()));
        var where = (scope.everything() ? " where 1 = 1" : " where i.community_id in (:ids)")
                + (openOnly ? " and i.status <> 'CLOSED'" : "");
        var spec = jdbc.sql("""
                select i.id, c.name community_name, i.volunteer_named, i.kind, i.status, i.occurred_on,
                  (select count(*) from volunteer_incident o where o.volunteer_id = i.volunteer_id
                     and o.occurred_on >= :since) same_volunteer
                from volunteer_incident i join community c on c.id = i.community_id""" + where
                + " order by i.created_at desc limit 200").param("since", since);
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("community_name"),
                rs.getString("volunteer_named"), Incident.Kind.valueOf(rs.getString("kind")),
                Incident.Status.valueOf(rs.getString("status")), rs.getDate("occurred_on").toLocalDate(),
                rs.getLong("same_volunteer"))).list();
    }

    /** Volunteers with at least the threshold of incidents in the window: their conduct needs a review. */
    List<Flagged> flagged(AccessScope scope) {
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var since = java.sql.Date.valueOf(LocalDate.now(clock).minusDays(settings.reviewWindow().toDays()));
        var spec = jdbc.sql("""
                select v.id, v.name, v.community_id, count(*) incidents
                from volunteer_incident i join volunteer v on v.id = i.volunteer_id
                where i.occurred_on >= :since""" + (scope.everything() ? "" : " and v.community_id in (:ids)") + """

                group by v.id, v.name, v.community_id having count(*) >= :threshold order by incidents desc""")
                .param("since", since).param("threshold", settings.reviewThreshold());
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query((rs, n) -> new Flagged(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getString("community_id"), rs.getLong("incidents"))).list();
    }

    private void step(UUID incident, Incident.Status status, String note, String by, Timestamp at) {
        jdbc.sql("""
                insert into volunteer_incident_step (id, incident_id, status, note, at, by_name)
                values (:id, :i, :s, :note, :at, :by)""")
                .param("id", UUID.randomUUID()).param("i", incident).param("s", status.name()).param("note", note)
                .param("at", at).param("by", by).update();
    }

    private static String text(@Nullable String value, int min, int max, String key) {
        var t = value == null ? "" : value.strip();
        if (t.length() < min || t.length() > max) {
            throw new InvalidValueException(key, min, max);
        }
        return t;
    }

    private Incident incident(ResultSet rs, int n) throws SQLException {
        var outcome = rs.getString("outcome");
        return new Incident(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getString("community_name"), rs.getString("reporter_name"), rs.getString("reporter_role"),
                rs.getObject("volunteer_id", UUID.class), rs.getString("volunteer_named"),
                rs.getDate("occurred_on").toLocalDate(), Incident.Kind.valueOf(rs.getString("kind")),
                rs.getString("description"), Incident.Status.valueOf(rs.getString("status")),
                outcome == null ? null : Incident.Outcome.valueOf(outcome), rs.getTimestamp("created_at").toInstant(),
                List.of());
    }
}
