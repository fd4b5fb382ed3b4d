package org.liandong.volunteer.wellbeing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.WellbeingConcernRaised;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records check-ins, raises concerns, and lets social workers acknowledge and note their follow-up. */
@Service
public class WellbeingDesk {

    public record CheckIn(UUID id, String personName, String role, @Nullable String communityId, int score,
                          WellbeingScore.Risk risk, boolean wantsContact, Instant at, @Nullable Instant acknowledgedAt,
                          @Nullable String acknowledgedBy, @Nullable String followUpNote) {
    }

    private final JdbcClient jdbc;
    private final VolunteerDirectory volunteers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WellbeingDesk(JdbcClient jdbc, VolunteerDirectory volunteers, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a check-in of six answers from 0 (not at all) to 3 (nearly every day), as the page does; returns its
     * id. A worrying answer raises {@link WellbeingConcernRaised} like any other.
     */
    @Transactional
    public UUID checkIn(LiandongUser person, List<Integer> answers, boolean wantsContact) {
        WellbeingScore score;
        try {
            score = new WellbeingScore(answers);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("wellbeing.error.answers");
        }
        return record(person, score, wantsContact).id();
    }

    @Transactional
    CheckIn record(LiandongUser person, WellbeingScore score, boolean wantsContact) {
        var community = communityOf(person);
        var id = UUID.randomUUID();
        var now = clock.instant();
        jdbc.sql("""
                insert into wellbeing_checkin (id, user_id, person_name, role, community_id, answers, score, risk,
                    wants_contact, at) values (:id, :u, :n, :r, :c, :a, :s, :risk, :w, :at)""")
                .param("id", id).param("u", person.userId()).param("n", person.displayName())
                .param("r", person.role().name()).param("c", community).param("a", score.encoded())
                .param("s", score.total()).param("risk", score.risk().name()).param("w", wantsContact)
                .param("at", Timestamp.from(now)).update();
        if (score.risk() == WellbeingScore.Risk.HIGH || wantsContact) {
            events.publishEvent(new WellbeingConcernRaised(id, person.userId(), community, score.risk().name(), now));
        }
        return new CheckIn(id, person.displayName(), person.role().name(), community, score.total(), score.risk(),
                wantsContact, now, null, null, null);
    }

    List<CheckIn> mine(LiandongUser person) {
        return jdbc.sql("select * from wellbeing_checkin where user_id = :u order by at desc limit 20")
                .param("u", person.userId()).query(this::checkIn).list();
    }

    /** Check-ins to follow up: high risk or asking for a call, not yet acknowledged, in the viewer's communities. */
    List<CheckIn> toFollowUp(AccessScope scope) {
        var where = scope.everything() ? "" : " and community_id in (:ids)";
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("select * from wellbeing_checkin where (risk = 'HIGH' or wants_contact = true)"
                + " and acknowledged_at is null" + where + " order by at");
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query(this::checkIn).list();
    }

    @Transactional
    void acknowledge(LiandongUser worker, UUID id, String note) {
        var community = jdbc.sql("select community_id from wellbeing_checkin where id = :id").param("id", id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).optional()
                .orElseThrow(OutOfScopeException::new);
        worker.scope().check(community.orElse("-"));
        var text = note == null ? "" : note.strip();
        if (text.length() < 2 || text.length() > 500) {
            throw new InvalidValueException("wellbeing.error.note");
        }
        var updated = jdbc.sql("""
                update wellbeing_checkin set acknowledged_at = :at, acknowledged_by = :by, follow_up_note = :note
                where id = :id and acknowledged_at is null""")
                .param("at", Timestamp.from(clock.instant())).param("by", worker.displayName()).param("note", text)
                .param("id", id).update();
        if (updated == 0) {
            throw new InvalidValueException("wellbeing.error.already");
        }
    }

    /** Volunteers belong to their home community; staff to their only community, if they have one. */
    private @Nullable String communityOf(LiandongUser person) {
        var volunteer = volunteers.byUser(person.userId());
        if (volunteer.isPresent()) {
            return volunteer.get().communityId();
        }
        var ids = person.scope().communityIds();
        return ids.size() == 1 ? ids.iterator().next() : null;
    }

    private CheckIn checkIn(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var ack = rs.getTimestamp("acknowledged_at");
        return new CheckIn(rs.getObject("id", UUID.class), rs.getString("person_name"), rs.getString("role"),
                rs.getString("community_id"), rs.getInt("score"), WellbeingScore.Risk.valueOf(rs.getString("risk")),
                rs.getBoolean("wants_contact"), rs.getTimestamp("at").toInstant(), ack == null ? null : ack.toInstant(),
                rs.getString("acknowledged_by"), rs.getString("follow_up_note"));
    }
}
