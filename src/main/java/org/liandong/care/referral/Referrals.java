package org.liandong.care.referral;

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
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.care.CareWatch;
import org.liandong.care.alert.AlertKind;
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.alert.CareSettings;
import org.liandong.platform.AccessScope;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.Role;
import org.liandong.volunteer.ServiceHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening and referrals to experts. A high-risk screening opens an urgent referral to the community's
 * on-call expert, who must acknowledge it within {@code liandong.care.referral-acknowledge-within} (30 min)
 * or it escalates to the supervisors. Experts see only the referrals made to them; staff views are audited.
 */
@Service
public class Referrals implements CareWatch.CareCheck {

    public enum Source { SCREENING, WELLBEING, STAFF }

    public enum Status {
        OPEN, ACKNOWLEDGED, ESCALATED, CLOSED;

        public String messageKey() {
            return "care.referral.status." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Referral(UUID id, String communityId, @Nullable UUID residentId, @Nullable UUID personUserId,
                           String personName, Source source, @Nullable UUID screeningId, boolean urgent,
                           @Nullable UUID expertId, @Nullable String expertName, Status status, Instant createdAt,
                           String createdBy, Instant acknowledgeBy, @Nullable Instant acknowledgedAt,
                           @Nullable Instant escalatedAt) {

        public LocalDateTime createdLocal() {
            return local(createdAt);
        }

        public LocalDateTime acknowledgeByLocal() {
            return local(acknowledgeBy);
        }

        public String sourceKey() {
            return "care.referral.source." + source.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Duty(UUID expertId, String expertName, String communityId, boolean onCall) {
    }

    public record Session(Instant at, String byName, String note) {
        public LocalDateTime local() {
            return Referrals.local(at);
        }
    }

    public record ScreeningView(Instrument instrument, int score, int item9, Screening.Risk risk, List<Integer> answers) {
    }

    /** Whom a referral is about: a resident of the registry, or a worker or volunteer by account. */
    public record Person(String communityId, @Nullable UUID residentId, @Nullable UUID userId, String name) {
    }

    private final JdbcClient jdbc;
    private final CareAlerts alerts;
    private final CareSettings settings;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    Referrals(JdbcClient jdbc, CareAlerts alerts, CareSettings settings, PersonalDataCipher cipher, AuditLog audit,
              Clock clock) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.settings = settings;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- experts on call ---------------------------------------------------------------------------------

    /** An expert says for which of their communities they are on call (or no longer). */
    @Transactional
    public void setDuty(LiandongUser expert, String communityId, boolean onCall) {
        if (expert.role() != Role.EXPERT) {
            throw new OutOfScopeException();
        }
        expert.scope().check(communityId);
        var now = Timestamp.from(clock.instant());
        var changed = jdbc.sql("""
                update care_expert_duty set on_call = :on, since = :now where expert_id = :e and community_id = :c""")
                .param("on", onCall).param("now", now).param("e", expert.userId()).param("c", communityId).update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into care_expert_duty (expert_id, expert_name, community_id, on_call, since)
                    values (:e, :n, :c, :on, :now)""")
                    .param("e", expert.userId()).param("n", expert.displayName()).param("c", communityId)
                    .param("on", onCall).param("now", now).update();
        }
    }

    public List<Duty> duties(String communityId) {
        return jdbc.sql("select * from care_expert_duty where community_id = :c order by on_call desc, since")
                .param("c", communityId).query((rs, n) -> new Duty(rs.getObject("expert_id", UUID.class),
                        rs.getString("expert_name"), rs.getString("community_id"), rs.getBoolean("on_call"))).list();
    }

    public List<Duty> dutiesOf(UUID expertId) {
        return jdbc.sql("select * from care_expert_duty where expert_id = :e").param("e", expertId)
                .query((rs, n) -> new Duty(rs.getObject("expert_id", UUID.class), rs.getString("expert_name"),
                        rs.getString("community_id"), rs.getBoolean("on_call"))).list();
    }

    // ---- screening ---------------------------------------------------------------------------------------

    /** Stores a screening; a high risk opens an urgent referral to the on-call expert. Returns the referral, if any. */
    @Transactional
    public Optional<UUID> screen(LiandongUser by, Person person, Screening screening) {
        var now = clock.instant();
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into care_screening (id, community_id, resident_id, person_user_id, person_name, instrument,
                    answers_cipher, score, item9, risk, at, by_user, by_name)
                values (:id, :c, :r, :u, :name, :inst, :answers, :score, :item9, :risk, :at, :by, :byName)""")
                .param("id", id).param("c", person.communityId()).param("r", person.residentId())
                .param("u", person.userId()).param("name", person.name()).param("inst", screening.instrument().name())
                .param("answers", cipher.encrypt(screening.answers().stream().map(String::valueOf)
                        .collect(Collectors.joining(","))))
                .param("score", screening.score()).param("item9", screening.item9())
                .param("risk", screening.risk().name()).param("at", Timestamp.from(now)).param("by", by.userId())
                .param("byName", by.displayName()).update();
        if (!screening.urgent()) {
            return Optional.empty();
        }
        return Optional.of(refer(person, Source.SCREENING, id, null, true, null, by.displayName(), null));
    }

    public Optional<ScreeningView> screening(UUID id) {
        return jdbc.sql("select * from care_screening where id = :id").param("id", id)
                .query((rs, n) -> new ScreeningView(Instrument.valueOf(rs.getString("instrument")), rs.getInt("score"),
                        rs.getInt("item9"), Screening.Risk.valueOf(rs.getString("risk")),
                        java.util.Arrays.stream(cipher.decrypt(rs.getString("answers_cipher")).split(","))
                                .map(Integer::valueOf).toList()))
                .optional();
    }

    // ---- referrals ---------------------------------------------------------------------------------------

    /**
     * Refers a person to an expert: the one named (who must be on the community's expert list), or else the
     * expert on call. Urgent referrals raise an alert to that expert (or, with nobody on call, to the social
     * workers) with the acknowledgement deadline.
     */
    @Transactional
    public UUID refer(Person person, Source source, @Nullable UUID screeningId, @Nullable String reason, boolean urgent,
                      @Nullable UUID expertId, String createdBy, @Nullable String dedupKey) {
        if (dedupKey != null) {
            var existing = jdbc.sql("select id from care_referral where dedup_key = :k").param("k", dedupKey)
                    .query(UUID.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        var duties = duties(person.communityId());
        Duty expert;
        if (expertId != null) {
            expert = duties.stream().filter(d -> d.expertId().equals(expertId)).findFirst()
                    .orElseThrow(() -> new InvalidValueException("care.referral.expert-out-of-scope"));
        } else {
            expert = duties.stream().filter(Duty::onCall).findFirst().orElse(null);
        }
        var text = reason == null || reason.isBlank() ? null : reason.strip();
        if (text != null && text.length() > 500) {
            throw new InvalidValueException("care.referral.reason-too-long");
        }
        var now = clock.instant();
        var window = urgent ? settings.referralAcknowledgeWithin() : Duration.ofHours(24);
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into care_referral (id, community_id, resident_id, person_user_id, person_name, source,
                    screening_id, reason_cipher, urgent, expert_id, expert_name, status, created_at, created_by,
                    acknowledge_by, dedup_key)
                values (:id, :c, :r, :u, :name, :source, :s, :reason, :urgent, :e, :en, 'OPEN', :now, :by, :ackBy, :key)""")
                .param("id", id).param("c", person.communityId()).param("r", person.residentId())
                .param("u", person.userId()).param("name", person.name()).param("source", source.name())
                .param("s", screeningId).param("reason", text == null ? null : cipher.encrypt(text))
                .param("urgent", urgent).param("e", expert == null ? null : expert.expertId())
                .param("en", expert == null ? null : expert.expertName()).param("now", Timestamp.from(now))
                .param("by", createdBy).param("ackBy", Timestamp.from(now.plus(window))).param("key", dedupKey)
                .update();
        if (urgent) {
            alerts.raise(new CareAlerts.NewAlert(person.communityId(), AlertKind.URGENT_REFERRAL, "referral", id,
                    person.residentId(), person.name(), expert == null ? null : expert.expertName(), "referral:" + id,
                    expert == null ? null : expert.expertId(), window), now);
        }
        return id;
    }

    /** The expert has seen it and takes it on: the alert closes, nothing escalates. */
    @Transactional
    public void acknowledge(LiandongUser expert, UUID id) {
        var r = get(expert, id);
        if (!expert.userId().equals(r.expertId())) {
            throw new OutOfScopeException();
        }
        var now = clock.instant();
        var changed = jdbc.sql("""
                update care_referral set status = 'ACKNOWLEDGED', acknowledged_at = :now
                where id = :id and status in ('OPEN', 'ESCALATED')""")
                .param("now", Timestamp.from(now)).param("id", id).update();
        if (changed != 1) {
            throw new InvalidValueException("care.referral.not-open");
        }
        alerts.closeAbout(id, AlertKind.URGENT_REFERRAL, expert.displayName(), "acknowledged", now);
    }

    @Transactional
    public void session(LiandongUser expert, UUID id, @Nullable String note) {
        var r = get(expert, id);
        if (!expert.userId().equals(r.expertId())) {
            throw new OutOfScopeException();
        }
        var text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("care.referral.note-required");
        }
        if (text.length() > 500) {
            throw new InvalidValueException("care.referral.note-too-long");
        }
        jdbc.sql("""
                insert into care_referral_session (id, referral_id, at, by_name, note_cipher) values (:id, :r, :at, :by, :n)""")
                .param("id", UUID.randomUUID()).param("r", id).param("at", Timestamp.from(clock.instant()))
                .param("by", expert.displayName()).param("n", cipher.encrypt(text)).update();
    }

    @Transactional
    public void close(LiandongUser me, UUID id) {
        var r = get(me, id);
        if (me.role() == Role.EXPERT && !me.userId().equals(r.expertId())) {
            throw new OutOfScopeException();
        }
        var now = clock.instant();
        var changed = jdbc.sql("update care_referral set status = 'CLOSED', closed_at = :now where id = :id and status <> 'CLOSED'")
                .param("now", Timestamp.from(now)).param("id", id).update();
        if (changed != 1) {
            throw new InvalidValueException("care.referral.not-open");
        }
        alerts.closeAbout(id, null, me.displayName(), "closed", now);
    }

    public List<Session> sessions(UUID id) {
        return jdbc.sql("select * from care_referral_session where referral_id = :r order by at").param("r", id)
                .query((rs, n) -> new Session(rs.getTimestamp("at").toInstant(), rs.getString("by_name"),
                        cipher.decrypt(rs.getString("note_cipher")))).list();
    }

    public @Nullable String reason(UUID id) {
        var stored = jdbc.sql("select reason_cipher from care_referral where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single();
        return stored.map(cipher::decrypt).orElse(null);
    }

    /** One referral: for the expert it was made to, or staff of the community (audited). */
    public Referral get(LiandongUser me, UUID id) {
        var r = find(id).orElseThrow(OutOfScopeException::new);
        if (me.role() == Role.EXPERT) {
            if (!me.userId().equals(r.expertId())) {
                throw new OutOfScopeException();
            }
        } else if (me.role().staff()) {
            me.scope().check(r.communityId());
        } else {
            throw new OutOfScopeException();
        }
        return r;
    }

    /** Like {@link #get} and writes the view to the audit log. */
    public Referral view(LiandongUser me, UUID id) {
        var r = get(me, id);
        audit.record(me, "VIEW_HEALTH_DATA", "referral", id.toString(), r.personName(), r.communityId(), null);
        return r;
    }

    public List<Referral> forExpert(UUID expertId) {
        return jdbc.sql("select * from care_referral where expert_id = :e order by urgent desc, created_at desc limit 200")
                .param("e", expertId).query(this::referral).list();
    }

    public List<Referral> list(AccessScope scope) {
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("select * from care_referral" + (scope.everything() ? "" : " where community_id in (:ids)")
                + " order by case status when 'CLOSED' then 1 else 0 end, urgent desc, created_at desc limit 300");
        return (scope.everything() ? spec : spec.param("ids", scope.communityIds())).query(this::referral).list();
    }

    public Optional<Referral> find(UUID id) {
        return jdbc.sql("select * from care_referral where id = :id").param("id", id).query(this::referral).optional();
    }

    /** Referrals nobody acknowledged in time are marked escalated (their alert escalates with the same deadline). */
    @Override
    @Transactional
    public int check(Instant now) {
        return jdbc.sql("""
                update care_referral set status = 'ESCALATED', escalated_at = :now
                where status = 'OPEN' and acknowledge_by < :now""")
                .param("now", Timestamp.from(now)).update();
    }

    static LocalDateTime local(Instant at) {
        return at.atZone(ServiceHours.ZONE).toLocalDateTime();
    }

    private Referral referral(ResultSet rs, int n) throws SQLException {
        var ack = rs.getTimestamp("acknowledged_at");
        var esc = rs.getTimestamp("escalated_at");
        return new Referral(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getObject("resident_id", UUID.class), rs.getObject("person_user_id", UUID.class),
                rs.getString("person_name"), Source.valueOf(rs.getString("source")),
                rs.getObject("screening_id", UUID.class), rs.getBoolean("urgent"), rs.getObject("expert_id", UUID.class),
                rs.getString("expert_name"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("acknowledge_by").toInstant(), ack == null ? null : ack.toInstant(),
                esc == null ? null : esc.toInstant());
    }
}
