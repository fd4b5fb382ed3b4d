package org.liandong.care.family;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Registry;
import org.liandong.platform.AccessScope;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.volunteer.ServiceHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tier 3 — the family of a confirmed patient: a case with an emotional-support plan, a contact schedule
 * (every N days; overdue contacts show first), contact notes, and the household's help requests as its
 * material needs. Opened by staff, or at once when a home observation ends "confirmed".
 */
@Service
public class FamilySupport {

    public record FamilyCase(UUID id, String communityId, UUID householdId, String address, String patientName,
                             Instant openedAt, String openedBy, UUID responsibleId, String responsibleName,
                             int contactEvery, LocalDate nextContact, boolean open) {

        public LocalDateTime openedLocal() {
            return openedAt.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public boolean contactDue(LocalDate today) {
            return open && !nextContact.isAfter(today);
        }
    }

    public record Contact(Instant at, String byName, String note) {
        public LocalDateTime local() {
            return at.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    private final JdbcClient jdbc;
    private final Registry registry;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    FamilySupport(JdbcClient jdbc, Registry registry, PersonalDataCipher cipher, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a case for the patient's household (one open case per household); returns its id. */
    @Transactional
    public UUID open(LiandongUser staff, UUID patientId, @Nullable UUID observationId) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var patient = registry.resident(staff.scope(), patientId);
        var existing = jdbc.sql("select id from care_family_case where household_id = :h and status = 'OPEN'")
                .param("h", patient.householdId()).query(UUID.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        var id = UUID.randomUUID();
        var now = clock.instant();
        jdbc.sql("""
                insert into care_family_case (id, community_id, household_id, address, patient_name, observation_id,
                    opened_at, opened_by, responsible_id, responsible_name, contact_every, next_contact, status)
                values (:id, :c, :h, :addr, :p, :o, :now, :by, :resp, :respName, 1, :next, 'OPEN')""")
                .param("id", id).param("c", patient.communityId()).param("h", patient.householdId())
                .param("addr", patient.buildingGroup() + " · " + patient.building() + " " + patient.room())
                .param("p", patient.name()).param("o", observationId).param("now", Timestamp.from(now))
                .param("by", staff.displayName()).param("resp", staff.userId()).param("respName", staff.displayName())
                .param("next", java.sql.Date.valueOf(today())).update();
        return id;
    }

    @Transactional
    public void plan(LiandongUser staff, UUID id, @Nullable String plan, int every) {
        var c = get(staff, id);
        var text = plan == null ? "" : plan.strip();
        if (text.length() > 800) {
            throw new InvalidValueException("care.family.plan-too-long");
        }
        if (every < 1 || every > 14) {
            throw new InvalidValueException("care.family.every-range");
        }
        jdbc.sql("""
                update care_family_case set plan_cipher = :p, contact_every = :e, next_contact = :next where id = :id""")
                .param("p", text.isEmpty() ? null : cipher.encrypt(text)).param("e", every)
                .param("next", java.sql.Date.valueOf(lastContactDay(c.id()).orElse(today()).plusDays(
                        lastContactDay(c.id()).isPresent() ? every : 0)))
                .param("id", id).update();
    }

    @Transactional
    public void contact(LiandongUser staff, UUID id, @Nullable String note) {
        var c = get(staff, id);
        if (!c.open()) {
            throw new InvalidValueException("care.family.closed");
        }
        var text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("care.family.note-required");
        }
        if (text.length() > 800) {
            throw new InvalidValueException("care.family.note-too-long");
        }
        var now = clock.instant();
        jdbc.sql("""
                insert into care_family_contact (id, case_id, at, by_name, note_cipher) values (:id, :c, :at, :by, :n)""")
                .param("id", UUID.randomUUID()).param("c", id).param("at", Timestamp.from(now))
                .param("by", staff.displayName()).param("n", cipher.encrypt(text)).update();
        jdbc.sql("update care_family_case set next_contact = :next where id = :id")
                .param("next", java.sql.Date.valueOf(today().plusDays(c.contactEvery()))).param("id", id).update();
    }

    @Transactional
    public void close(LiandongUser staff, UUID id) {
        get(staff, id);
        var changed = jdbc.sql("update care_family_case set status = 'CLOSED', closed_at = :now where id = :id and status = 'OPEN'")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (changed != 1) {
            throw new InvalidValueException("care.family.closed");
        }
    }

    public FamilyCase get(LiandongUser staff, UUID id) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var c = find(id).orElseThrow(OutOfScopeException::new);
        staff.scope().check(c.communityId());
        return c;
    }

    /** The case with its plan and contacts; the view is audited (family circumstances are sensitive). */
    public FamilyCase view(LiandongUser staff, UUID id) {
        var c = get(staff, id);
        audit.record(staff, "VIEW_FAMILY_CASE", "family_case", id.toString(), c.patientName(), c.communityId(), null);
        return c;
    }

    public @Nullable String planOf(UUID id) {
        return jdbc.sql("select plan_cipher from care_family_case where id = :id").param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().map(cipher::decrypt).orElse(null);
    }

    public List<Contact> contacts(UUID id) {
        return jdbc.sql("select * from care_family_contact where case_id = :c order by at desc").param("c", id)
                .query((rs, n) -> new Contact(rs.getTimestamp("at").toInstant(), rs.getString("by_name"),
                        cipher.decrypt(rs.getString("note_cipher")))).list();
    }

    public List<FamilyCase> list(AccessScope scope) {
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("select * from care_family_case" + (scope.everything() ? "" : " where community_id in (:ids)")
                + " order by status desc, next_contact limit 300");
        return (scope.everything() ? spec : spec.param("ids", scope.communityIds())).query(this::familyCase).list();
    }

    public Optional<FamilyCase> find(UUID id) {
        return jdbc.sql("select * from care_family_case where id = :id").param("id", id).query(this::familyCase)
                .optional();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ServiceHours.ZONE));
    }

    private Optional<LocalDate> lastContactDay(UUID id) {
        return jdbc.sql("select max(at) from care_family_contact where case_id = :c").param("c", id)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))).single()
                .map(t -> LocalDate.ofInstant(t.toInstant(), ServiceHours.ZONE));
    }

    private FamilyCase familyCase(ResultSet rs, int n) throws SQLException {
        return new FamilyCase(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getObject("household_id", UUID.class), rs.getString("address"), rs.getString("patient_name"),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"),
                rs.getObject("responsible_id", UUID.class), rs.getString("responsible_name"), rs.getInt("contact_every"),
                rs.getDate("next_contact").toLocalDate(), "OPEN".equals(rs.getString("status")));
    }
}
