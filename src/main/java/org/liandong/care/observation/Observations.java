package org.liandong.care.observation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.care.CareWatch;
import org.liandong.care.ResidentIsolated;
import org.liandong.care.alert.AlertKind;
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.alert.CareSettings;
import org.liandong.community.Registry;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.Role;
import org.liandong.platform.TimeOrderedIds;
import org.liandong.volunteer.ServiceHours;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tier 2 — home observation. Staff open a case for a resident with fever, symptoms or close contact; the
 * resident (or their building-group leader) checks in twice a day; a fever or a missed check-in raises an
 * alert to the responsible worker, which escalates when nobody acts; the case ends released, sent to
 * hospital or confirmed. Opening a case (and a hospital outcome) publishes {@link ResidentIsolated}.
 */
@Service
public class Observations implements CareWatch.CareCheck {

    public enum Reason { FEVER, SYMPTOMS, CLOSE_CONTACT }

    public enum Slot { AM, PM }

    public record Case(UUID id, String communityId, UUID residentId, String residentName, UUID householdId,
                       String buildingGroup, String address, Reason reason, Instant startedAt, LocalDate plannedEnd,
                       boolean open, @Nullable ObservationOutcome outcome, @Nullable Instant closedAt,
                       @Nullable String closedBy, UUID responsibleId, String responsibleName, int codeVersion) {

        public LocalDateTime startedLocal() {
            return startedAt.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public String reasonKey() {
            return "care.observation.reason." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public record CheckIn(UUID id, LocalDate slotDate, Slot slot, Temperature temperature, Set<Symptom> symptoms,
                          @Nullable String needs, String byName, Instant at) {

        public LocalDateTime local() {
            return at.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    public record Note(Instant at, String byName, String text) {
        public LocalDateTime local() {
            return at.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    /** A case on the staff list: no health data, only whether the viewer may open it. */
    public record Row(Case observation, int checkIns, int openAlerts, boolean mayView) {
    }

    private final JdbcClient jdbc;
    private final Registry registry;
    private final CareAlerts alerts;
    private final CareSettings settings;
    private final HealthAccess access;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final org.liandong.care.family.FamilySupport families;
    private final Clock clock;
    private final AuditLog audit;

    Observations(JdbcClient jdbc, Registry registry, CareAlerts alerts, CareSettings settings, HealthAccess access,
                 PersonalDataCipher cipher, ApplicationEventPublisher events,
                 org.liandong.care.family.FamilySupport families, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.families = families;
        this.jdbc = jdbc;
        this.registry = registry;
        this.alerts = alerts;
        this.settings = settings;
        this.access = access;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    // ---- opening and closing -----------------------------------------------------------------------------

    /** Opens a case; the staff member who opens it is the responsible worker. */
    @Transactional
    public UUID open(LiandongUser staff, UUID residentId, @Nullable String reasonCode, int days) {
        return openSince(staff, residentId, reasonCode, days, clock.instant());
    }

    /**
     * Opens a case that started earlier (the hotline put the resident under observation on paper; the case is
     * typed in afterwards): at most 7 days back.
     */
    @Transactional
    public UUID openSince(LiandongUser staff, UUID residentId, @Nullable String reasonCode, int days, Instant since) {
        if (since.isAfter(clock.instant()) || since.isBefore(clock.instant().minus(java.time.Duration.ofDays(7)))) {
            throw new InvalidValueException("care.observation.since-range");
        }
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var resident = registry.resident(staff.scope(), residentId);
        var reason = parse(reasonCode);
        if (days < 1 || days > 28) {
            throw new InvalidValueException("care.observation.days-range");
        }
        var already = jdbc.sql("select count(*) from care_observation where resident_id = :r and status = 'OPEN'")
                .param("r", residentId).query(Integer.class).single();
        if (already > 0) {
            throw new InvalidValueException("care.observation.already-open", resident.name());
        }
        var now = since;
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into care_observation (id, community_id, resident_id, resident_name, household_id, building_group,
                    address, reason, started_at, planned_end, status, responsible_id, responsible_name, opened_by)
                values (:id, :c, :r, :name, :h, :bg, :addr, :reason, :now, :end, 'OPEN', :resp, :respName, :by)""")
                .param("id", id).param("c", resident.communityId()).param("r", residentId).param("name", resident.name())
                .param("h", resident.householdId()).param("bg", resident.buildingGroup())
                .param("addr", resident.building() + " " + resident.room()).param("reason", reason.name())
                .param("now", Timestamp.from(now))
                .param("end", java.sql.Date.valueOf(LocalDate.ofInstant(now, ServiceHours.ZONE).plusDays(days)))
                .param("resp", staff.userId()).param("respName", staff.displayName()).param("by", staff.displayName())
                .update();
        events.publishEvent(new ResidentIsolated(residentId, resident.communityId(), ResidentIsolated.Reason.OBSERVATION,
                now));
        return id;
    }

    private static Reason parse(@Nullable String code) {
        for (var r : Reason.values()) {
            if (r.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return r;
            }
        }
        throw new InvalidValueException("care.observation.reason-required");
    }

    @Transactional
    public void close(LiandongUser staff, UUID id, @Nullable String outcomeCode) {
        var c = view(staff, id);
        var outcome = java.util.Arrays.stream(ObservationOutcome.values())
                .filter(o -> o.name().equalsIgnoreCase(outcomeCode == null ? "" : outcomeCode)).findFirst()
                .orElseThrow(() -> new InvalidValueException("care.observation.outcome-required"));
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var now = clock.instant();
        var changed = jdbc.sql("""
                update care_observation set status = 'CLOSED', outcome = :o, closed_at = :now, closed_by = :by
                where id = :id and status = 'OPEN'""")
                .param("o", outcome.name()).param("now", Timestamp.from(now)).param("by", staff.displayName())
                .param("id", c.id()).update();
        if (changed != 1) {
            throw new InvalidValueException("care.observation.closed");
        }
        alerts.closeAbout(id, null, staff.displayName(), outcome.name(), now);
        if (outcome == ObservationOutcome.CONFIRMED) {
            families.open(staff, c.residentId(), c.id()); // tier 3 starts at once for the family
        }
        if (outcome != ObservationOutcome.RELEASED) {
            events.publishEvent(new ResidentIsolated(c.residentId(), c.communityId(), ResidentIsolated.Reason.HOSPITAL,
                    now));
        }
    }

    @Transactional
    public void note(LiandongUser staff, UUID id, @Nullable String text) {
        var c = view(staff, id);
        var clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidValueException("care.observation.note-required");
        }
        if (clean.length() > 500) {
            throw new InvalidValueException("care.observation.note-too-long");
        }
        jdbc.sql("""
                insert into care_observation_note (id, observation_id, at, by_name, text_cipher)
                values (:id, :o, :at, :by, :t)""")
                .param("id", UUID.randomUUID()).param("o", c.id()).param("at", Timestamp.from(clock.instant()))
                .param("by", staff.displayName()).param("t", cipher.encrypt(clean)).update();
    }

    /**
     * Gives the case a new phone check-in code (a phone was lost, the code went round a chat group): the code's
     * version goes up, so every earlier code is refused from the next check-in on. Staff who may see the case
     * only; audited. Returns the new version.
     */
    @Transactional
    public int rotateCheckInCode(LiandongUser staff, UUID id) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var c = view(staff, id);
        var changed = jdbc.sql("""
                update care_observation set code_version = code_version + 1 where id = :id and status = 'OPEN'""")
                .param("id", c.id()).update();
        if (changed != 1) {
            throw new InvalidValueException("care.observation.closed");
        }
        audit.record(staff, "ROTATE_CHECK_IN_CODE", "observation", c.id().toString(), c.residentName(),
                c.communityId(), null);
        return find(id).orElseThrow().codeVersion();
    }

    // ---- check-ins ---------------------------------------------------------------------------------------

    /**
     * Records a check-in: by the resident's household, a building-group leader or staff of the community.
     * A fever raises an alert; the same client token twice (a flaky phone) records one check-in.
     */
    @Transactional
    public UUID checkIn(LiandongUser me, UUID id, @Nullable String temperature, @Nullable Collection<String> symptoms,
                        @Nullable String needs, @Nullable String clientToken) {
        return checkInAt(me, id, temperature, symptoms, needs, clientToken, clock.instant());
    }

    /**
     * Records a check-in taken earlier (on paper, or by phone to the leader) and typed in afterwards; its slot
     * is that of the time it was taken, which must lie within the case.
     */
    @Transactional
    public UUID checkInAt(LiandongUser me, UUID id, @Nullable String temperature,
                          @Nullable Collection<String> symptoms, @Nullable String needs, @Nullable String clientToken,
                          Instant at) {
        var c = forCheckIn(me, id);
        if (at.isAfter(clock.instant()) || at.isBefore(c.startedAt())) {
            throw new InvalidValueException("care.checkin.at-range");
        }
        var token = clientToken == null || clientToken.isBlank() ? null : clientToken.strip();
        if (token != null && token.length() > 64) {
            throw new InvalidValueException("care.request.bad-token");
        }
        if (token != null) {
            var existing = byToken(id, token);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        if (!c.open()) {
            throw new InvalidValueException("care.checkin.case-closed");
        }
        var t = Temperature.parse(temperature);
        var reported = Symptom.parse(symptoms);
        var need = needs == null || needs.isBlank() ? null : needs.strip();
        if (need != null && need.length() > 300) {
            throw new InvalidValueException("care.checkin.needs-too-long");
        }
        var now = at;
        var local = now.atZone(ServiceHours.ZONE);
        var slot = local.getHour() < 14 ? Slot.AM : Slot.PM;
        var checkInId = TimeOrderedIds.next(clock);
        try {
            jdbc.sql("""
                    insert into care_checkin (id, observation_id, community_id, slot_date, slot, temperature_tenths,
                        symptoms_cipher, needs_cipher, by_user, by_name, at, client_token)
                    values (:id, :o, :c, :d, :slot, :t, :s, :n, :u, :by, :at, :token)""")
                    .param("id", checkInId).param("o", id).param("c", c.communityId())
                    .param("d", java.sql.Date.valueOf(local.toLocalDate())).param("slot", slot.name())
                    .param("t", t.tenths())
                    .param("s", reported.isEmpty() ? null : cipher.encrypt(reported.stream().map(Enum::name)
                            .collect(Collectors.joining(","))))
                    .param("n", need == null ? null : cipher.encrypt(need)).param("u", me.userId())
                    .param("by", me.displayName()).param("at", Timestamp.from(now)).param("token", token).update();
        } catch (DuplicateKeyException e) {
            return byToken(id, java.util.Objects.requireNonNull(token)).orElseThrow(() -> e);
        }
        if (t.fever()) {
            alerts.raise(new CareAlerts.NewAlert(c.communityId(), AlertKind.FEVER, "observation", c.id(), c.residentId(),
                    c.residentName(), null, "fever:" + checkInId, c.responsibleId(), settings.alertActWithin()), now);
        }
        return checkInId;
    }

    private Optional<UUID> byToken(UUID observationId, String token) {
        return jdbc.sql("select id from care_checkin where observation_id = :o and client_token = :t")
                .param("o", observationId).param("t", token).query(UUID.class).optional();
    }

    /** The case as someone who may check in sees it (no history): its household, a leader or staff in scope. */
    public Case forCheckIn(LiandongUser me, UUID id) {
        var c = find(id).orElseThrow(OutOfScopeException::new);
        if (me.role() == Role.RESIDENT) {
            if (!me.householdId().map(c.householdId()::equals).orElse(false)) {
                throw new OutOfScopeException();
            }
        } else if (me.role() == Role.BUILDING_GROUP_LEADER || me.role().staff()) {
            me.scope().check(c.communityId());
        } else {
            throw new OutOfScopeException();
        }
        return c;
    }

    // ---- reading -----------------------------------------------------------------------------------------

    /** The case with its health data, for those allowed (audited). */
    public Case view(LiandongUser me, UUID id) {
        var c = find(id).orElseThrow(OutOfScopeException::new);
        access.check(me, c.communityId(), c.residentId(), c.householdId(), c.responsibleId(), "observation", c.id(),
                c.residentName());
        return c;
    }

    public List<CheckIn> checkIns(UUID id) {
        return jdbc.sql("select * from care_checkin where observation_id = :o order by at desc").param("o", id)
                .query((rs, n) -> new CheckIn(rs.getObject("id", UUID.class), rs.getDate("slot_date").toLocalDate(),
                        Slot.valueOf(rs.getString("slot")), new Temperature(rs.getInt("temperature_tenths")),
                        symptoms(rs.getString("symptoms_cipher")),
                        rs.getString("needs_cipher") == null ? null : cipher.decrypt(rs.getString("needs_cipher")),
                        rs.getString("by_name"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    public List<Note> notes(UUID id) {
        return jdbc.sql("select * from care_observation_note where observation_id = :o order by at desc").param("o", id)
                .query((rs, n) -> new Note(rs.getTimestamp("at").toInstant(), rs.getString("by_name"),
                        cipher.decrypt(rs.getString("text_cipher")))).list();
    }

    private Set<Symptom> symptoms(@Nullable String stored) {
        if (stored == null) {
            return EnumSet.noneOf(Symptom.class);
        }
        return Symptom.parse(List.of(cipher.decrypt(stored).split(",")));
    }

    /** Cases of the communities in scope (open first), without health data. */
    public List<Row> list(LiandongUser me, boolean includeClosed) {
        var scope = me.scope();
        var sql = "select o.*, (select count(*) from care_checkin k where k.observation_id = o.id) checkins,"
                + " (select count(*) from care_alert a where a.subject_id = o.id and a.status <> 'CLOSED') alerts"
                + " from care_observation o where " + (includeClosed ? "1 = 1" : "o.status = 'OPEN'")
                + (scope.everything() ? "" : " and o.community_id in (:ids)")
                + " order by o.status desc, o.started_at desc limit 500";
        var spec = jdbc.sql(sql);
        if (!scope.everything()) {
            if (scope.communityIds().isEmpty()) {
                return List.of();
            }
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query((rs, n) -> {
            var c = observation(rs, n);
            return new Row(c, rs.getInt("checkins"), rs.getInt("alerts"),
                    access.may(me, c.communityId(), c.residentId(), c.householdId(), c.responsibleId()));
        }).list();
    }

    /** The open cases of the resident's household. */
    public List<Case> ofHousehold(LiandongUser me) {
        var household = me.householdId().orElse(null);
        if (household == null) {
            return List.of();
        }
        return jdbc.sql("select * from care_observation where household_id = :h order by started_at desc")
                .param("h", household).query(this::observation).list();
    }

    public Optional<Case> find(UUID id) {
        return jdbc.sql("select * from care_observation where id = :id").param("id", id).query(this::observation)
                .optional();
    }

    // ---- the watch: missed check-ins ---------------------------------------------------------------------

    /** Raises one alert per check-in slot that passed its due time without a check-in (last three days). */
    @Override
    @Transactional
    public int check(Instant now) {
        var open = jdbc.sql("select * from care_observation where status = 'OPEN' and started_at < :now")
                .param("now", Timestamp.from(now)).query(this::observation).list();
        var raised = 0;
        for (var c : open) {
            for (var missed : missedSlots(c, now)) {
                var key = "missed:" + c.id() + ":" + missed;
                if (alerts.raise(new CareAlerts.NewAlert(c.communityId(), AlertKind.MISSED_CHECK_IN, "observation",
                        c.id(), c.residentId(), c.residentName(), missed, key, c.responsibleId(),
                        settings.alertActWithin()), now).isPresent()) {
                    raised++;
                }
            }
        }
        return raised;
    }

    List<String> missedSlots(Case c, Instant now) {
        var due = new ArrayList<String>();
        var today = LocalDate.ofInstant(now, ServiceHours.ZONE);
        var first = LocalDate.ofInstant(c.startedAt(), ServiceHours.ZONE);
        if (first.isBefore(today.minusDays(3))) {
            first = today.minusDays(3);
        }
        for (var day = first; !day.isAfter(today) && !day.isAfter(c.plannedEnd()); day = day.plusDays(1)) {
            for (var slot : Slot.values()) {
                var dueHour = slot == Slot.AM ? settings.morningCheckInDue() : settings.eveningCheckInDue();
                var dueAt = day.atTime(dueHour, 0).atZone(ServiceHours.ZONE).toInstant();
                // a slot counts once it is due, and only if the case was open for most of its window (6 h)
                if (!dueAt.isAfter(now) && !dueAt.minus(java.time.Duration.ofHours(6)).isBefore(c.startedAt())) {
                    due.add(day + "-" + slot);
                }
            }
        }
        if (due.isEmpty()) {
            return due;
        }
        // the slots checked in since the first, in one look-up of the case's check-ins
        var done = jdbc.sql("""
                        select distinct slot_date, slot from care_checkin where observation_id = :o and slot_date >= :d""")
                .param("o", c.id()).param("d", java.sql.Date.valueOf(first))
                .query((rs, n) -> rs.getDate(1).toLocalDate() + "-" + rs.getString(2)).set();
        due.removeAll(done);
        return due;
    }

    private Case observation(ResultSet rs, int n) throws SQLException {
        var outcome = rs.getString("outcome");
        var closed = rs.getTimestamp("closed_at");
        return new Case(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getObject("resident_id", UUID.class), rs.getString("resident_name"),
                rs.getObject("household_id", UUID.class), rs.getString("building_group"), rs.getString("address"),
                Reason.valueOf(rs.getString("reason")), rs.getTimestamp("started_at").toInstant(),
                rs.getDate("planned_end").toLocalDate(), "OPEN".equals(rs.getString("status")),
                outcome == null ? null : ObservationOutcome.valueOf(outcome), closed == null ? null : closed.toInstant(),
                rs.getString("closed_by"), rs.getObject("responsible_id", UUID.class), rs.getString("responsible_name"),
                rs.getInt("code_version"));
    }

}
