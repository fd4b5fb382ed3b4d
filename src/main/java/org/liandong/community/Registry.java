package org.liandong.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.AuditLog;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Masked;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.PhoneNumber;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's entry point: households and residents as staff see them, their carers, the unmasking of
 * ID numbers (audited), and the stage of each community. Every call checks the caller's scope.
 */
@Service
public class Registry {

    public record HouseholdView(UUID id, String communityId, String communityName, String buildingGroup,
                                String building, String address, String room, List<Member> members) {
        public String fullAddress() {
            return address + " " + room;
        }
    }

    public record Member(UUID id, String name, String sex, int age, String relation, String residence,
                         String maskedPhone, String maskedIdNumber, List<VulnerabilityKind> tags) {
    }

    public record ResidentView(UUID id, String communityId, String communityName, UUID householdId,
                               String buildingGroup, String building, String address, String room, String name,
                               String sex, LocalDate birthDate, int age, String maskedPhone, String maskedIdNumber,
                               String relation, String residence, @Nullable LocalDate movedIn,
                               @Nullable String needs, @Nullable LocalDate movedOut, List<Tag> tags,
                               List<CarerView> carers,
                               List<CarerView> caresFor) {
    }

    public record Tag(VulnerabilityKind kind, @Nullable String grade) {
    }

    /** One side of a carer link: the carer (on a dependant's page) or the dependant (on a carer's page). */
    public record CarerView(UUID linkId, @Nullable UUID residentId, String name, String maskedPhone,
                            CarerRelation relation, @Nullable String place) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Registry(JdbcClient jdbc, PersonalDataCipher cipher, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    public HouseholdView household(AccessScope scope, UUID id) {
        var household = jdbc.sql("""
                select h.id, h.community_id, c.name community_name, bg.name building_group, b.name building,
                       b.address, h.room
                from household h join building b on b.id = h.building_id
                join building_group bg on bg.id = b.building_group_id join community c on c.id = h.community_id
                where h.id = :id""").param("id", id)
                .query((rs, n) -> new HouseholdView(rs.getObject("id", UUID.class), rs.getString("community_id"),
                        rs.getString("community_name"), rs.getString("building_group"), rs.getString("building"),
                        rs.getString("address"), rs.getString("room"), List.of()))
                .optional().orElseThrow(OutOfScopeException::new);
        scope.check(household.communityId());
        var members = jdbc.sql("""
                select id, name, sex, birth_date, relation, residence, phone, id_number_cipher from resident
                where household_id = :id and moved_out is null order by case when relation = 'HEAD' then 0 else 1 end, birth_date""")
                .param("id", id)
                .query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("sex"),
                        age(rs), rs.getString("relation"), rs.getString("residence"), maskedPhone(rs),
                        Masked.idNumber(cipher.decrypt(rs.getString("id_number_cipher"))),
                        tags(rs.getObject("id", UUID.class)).stream().map(Tag::kind).toList()))
                .list();
        return new HouseholdView(household.id(), household.communityId(), household.communityName(),
                household.buildingGroup(), household.building(), household.address(), household.room(), members);
    }

    public ResidentView resident(AccessScope scope, UUID id) {
        var r = jdbc.sql("""
                select r.*, c.name community_name, bg.name building_group, b.name building, b.address, h.room
                from resident r join household h on h.id = r.household_id join building b on b.id = h.building_id
                join building_group bg on bg.id = b.building_group_id join community c on c.id = r.community_id
                where r.id = :id""").param("id", id)
                .query((rs, n) -> new ResidentView(id, rs.getString("community_id"), rs.getString("community_name"),
                        rs.getObject("household_id", UUID.class), rs.getString("building_group"),
                        rs.getString("building"), rs.getString("address"), rs.getString("room"), rs.getString("name"),
                        rs.getString("sex"), rs.getDate("birth_date").toLocalDate(), age(rs), maskedPhone(rs),
                        Masked.idNumber(cipher.decrypt(rs.getString("id_number_cipher"))), rs.getString("relation"),
                        rs.getString("residence"),
                        rs.getDate("moved_in") == null ? null : rs.getDate("moved_in").toLocalDate(),
                        rs.getString("needs"),
                        rs.getDate("moved_out") == null ? null : rs.getDate("moved_out").toLocalDate(),
                        List.of(), List.of(), List.of()))
                .optional().orElseThrow(OutOfScopeException::new);
        scope.check(r.communityId());
        return new ResidentView(r.id(), r.communityId(), r.communityName(), r.householdId(), r.buildingGroup(),
                r.building(), r.address(), r.room(), r.name(), r.sex(), r.birthDate(), r.age(), r.maskedPhone(),
                r.maskedIdNumber(), r.relation(), r.residence(), r.movedIn(), r.needs(), r.movedOut(), tags(id), carersOf(id),
                dependantsOf(id));
    }

    /** Shows an ID number in full, and writes who asked, about whom and why into the audit log. */
    public String unmaskIdNumber(LiandongUser viewer, UUID residentId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("registry.unmask.reason-required");
        }
        if (reason.length() > 300) {
            throw new InvalidValueException("registry.unmask.reason-too-long");
        }
        var row = jdbc.sql("select community_id, name, id_number_cipher from resident where id = :id")
                .param("id", residentId)
                .query((rs, n) -> new String[] {rs.getString("community_id"), rs.getString("name"),
                        rs.getString("id_number_cipher")})
                .optional().orElseThrow(OutOfScopeException::new);
        viewer.scope().check(row[0]);
        audit.record(viewer, "UNMASK_ID_NUMBER", "resident", residentId.toString(), row[1], row[0], reason.strip());
        return cipher.decrypt(row[2]);
    }

    public List<Tag> tags(UUID residentId) {
        return jdbc.sql("select kind, grade from vulnerability where resident_id = :id order by kind")
                .param("id", residentId)
                .query((rs, n) -> new Tag(VulnerabilityKind.valueOf(rs.getString("kind")), rs.getString("grade")))
                .list();
    }

    @Transactional
    public void setTags(AccessScope scope, UUID residentId, Set<VulnerabilityKind> kinds, @Nullable String grade) {
        var communityId = communityOfResident(residentId);
        scope.check(communityId);
        if (grade != null && grade.length() > 20) {
            throw new InvalidValueException("registry.tags.grade-too-long");
        }
        jdbc.sql("delete from vulnerability where resident_id = :id").param("id", residentId).update();
        for (var kind : kinds.isEmpty() ? EnumSet.noneOf(VulnerabilityKind.class) : EnumSet.copyOf(kinds)) {
            jdbc.sql("""
                    insert into vulnerability (resident_id, community_id, kind, grade, recorded_at)
                    values (:id, :c, :kind, :grade, :at)""")
                    .param("id", residentId).param("c", communityId).param("kind", kind.name())
                    .param("grade", kind == VulnerabilityKind.DISABILITY && grade != null && !grade.isBlank()
                            ? grade.strip() : null)
                    .param("at", Timestamp.from(clock.instant())).update();
        }
    }

    /** Corrects what changes most often: the phone number (kept when left empty) and the needs staff note down. */
    @Transactional
    public void updateContact(AccessScope scope, UUID residentId, @Nullable String phone, @Nullable String needs) {
        scope.check(communityOfResident(residentId));
        String normal = null;
        if (phone != null && !phone.isBlank()) {
            if (!PhoneNumber.isValid(phone)) {
                throw new InvalidValueException("phone.error.format");
            }
            normal = PhoneNumber.normalise(phone);
        }
        var note = needs == null || needs.isBlank() ? null : needs.strip();
        if (note != null && note.length() > 500) {
            throw new InvalidValueException("registry.needs-too-long");
        }
        jdbc.sql("update resident set phone = coalesce(:p, phone), needs = :n where id = :id")
                .param("p", normal).param("n", note).param("id", residentId).update();
    }

    /** Records that a resident moved away; they leave searches and lists but stay on record. */
    @Transactional
    public void moveOut(AccessScope scope, UUID residentId, LocalDate on) {
        scope.check(communityOfResident(residentId));
        if (on.isAfter(LocalDate.now(clock))) {
            throw new InvalidValueException("registry.moved-out-future");
        }
        jdbc.sql("update resident set moved_out = :d where id = :id").param("d", java.sql.Date.valueOf(on))
                .param("id", residentId).update();
    }

    /** Names a carer for a resident: another resident in the viewer's scope, or someone outside the registry. */
    @Transactional
    public UUID addCarer(AccessScope scope, UUID dependantId, @Nullable UUID carerResidentId,
                         @Nullable String carerName, @Nullable String carerPhone, CarerRelation relation) {
        var communityId = communityOfResident(dependantId);
        scope.check(communityId);
        String phone = null;
        String name = null;
        if (carerResidentId != null) {
            if (carerResidentId.equals(dependantId)) {
                throw new InvalidValueException("registry.carer.self");
            }
            scope.check(communityOfResident(carerResidentId));
            var exists = jdbc.sql("select count(*) from carer_link where dependant_id = :d and carer_resident_id = :c")
                    .param("d", dependantId).param("c", carerResidentId).query(Long.class).single();
            if (exists > 0) {
                throw new InvalidValueException("registry.carer.duplicate");
            }
        } else {
            name = carerName == null ? "" : carerName.strip();
            if (name.isEmpty()) {
                throw new InvalidValueException("registry.carer.name-required");
            }
            if (name.length() > 50) {
                throw new InvalidValueException("registry.carer.name-too-long");
            }
            if (carerPhone == null || carerPhone.isBlank() || !PhoneNumber.isValid(carerPhone)) {
                throw new InvalidValueException("phone.error.format");
            }
            phone = PhoneNumber.normalise(carerPhone);
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into carer_link (id, community_id, dependant_id, carer_resident_id, carer_name, carer_phone,
                    relation, created_at) values (:id, :c, :d, :cr, :name, :phone, :rel, :at)""")
                .param("id", id).param("c", communityId).param("d", dependantId).param("cr", carerResidentId)
                .param("name", name).param("phone", phone).param("rel", relation.name())
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    @Transactional
    public UUID removeCarer(AccessScope scope, UUID linkId) {
        var link = jdbc.sql("select community_id, dependant_id from carer_link where id = :id").param("id", linkId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})
                .optional().orElseThrow(OutOfScopeException::new);
        scope.check((String) link[0]);
        jdbc.sql("delete from carer_link where id = :id").param("id", linkId).update();
        return (UUID) link[1];
    }

    public List<CarerView> carersOf(UUID residentId) {
        return jdbc.sql("""
                select l.id, l.carer_resident_id, coalesce(r.name, l.carer_name) name, coalesce(r.phone, l.carer_phone) phone,
                       l.relation, b.name building, h.room
                from carer_link l left join resident r on r.id = l.carer_resident_id
                left join household h on h.id = r.household_id left join building b on b.id = h.building_id
                where l.dependant_id = :id order by l.created_at""")
                .param("id", residentId).query(this::carer).list();
    }

    public List<CarerView> dependantsOf(UUID residentId) {
        return jdbc.sql("""
                select l.id, r.id carer_resident_id, r.name, r.phone, l.relation, b.name building, h.room
                from carer_link l join resident r on r.id = l.dependant_id
                join household h on h.id = r.household_id join building b on b.id = h.building_id
                where l.carer_resident_id = :id order by r.name""")
                .param("id", residentId).query(this::carer).list();
    }

    /** Household members with their ids, for "who in this household cares for whom". */
    public Optional<UUID> householdOf(UUID residentId) {
        return jdbc.sql("select household_id from resident where id = :id").param("id", residentId)
                .query(UUID.class).optional();
    }

    public String communityOfResident(UUID residentId) {
        return jdbc.sql("select community_id from resident where id = :id").param("id", residentId)
                .query(String.class).optional().orElseThrow(OutOfScopeException::new);
    }

    /** Finds a household by its address, for a resident who claims it. */
    public Optional<UUID> findHousehold(String communityId, String building, String room) {
        return jdbc.sql("""
                select h.id from household h join building b on b.id = h.building_id
                where h.community_id = :c and b.name = :b and h.room = :r""")
                .param("c", communityId).param("b", building.strip()).param("r", room.strip())
                .query(UUID.class).optional();
    }

    /** Every household of a community, e.g. to issue each one an out-pass. */
    public List<UUID> householdIds(AccessScope scope, String communityId) {
        scope.check(communityId);
        return jdbc.sql("select id from household where community_id = :c order by id").param("c", communityId)
                .query(UUID.class).list();
    }

    /** Whether someone of this name lives in the household (a first check of a resident's claim). */
    public boolean livesIn(UUID householdId, String name) {
        return jdbc.sql("select count(*) from resident where household_id = :h and name = :n and moved_out is null")
                .param("h", householdId).param("n", name.strip()).query(Long.class).single() > 0;
    }

    public Optional<String> communityOfHousehold(UUID householdId) {
        return jdbc.sql("select community_id from household where id = :id").param("id", householdId)
                .query(String.class).optional();
    }

    /** Switches a community into another stage, with the reason recorded and an event for other modules. */
    @Transactional
    public void changeStage(LiandongUser actor, String communityId, Stage to, String reason) {
        actor.scope().check(communityId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("stage.reason-required");
        }
        if (reason.length() > 500) {
            throw new InvalidValueException("stage.reason-too-long");
        }
        var from = jdbc.sql("select stage from community where id = :id").param("id", communityId)
                .query(String.class).optional().map(Stage::valueOf).orElseThrow(OutOfScopeException::new);
        if (from == to) {
            throw new InvalidValueException("stage.unchanged");
        }
        var now = clock.instant();
        jdbc.sql("""
                update community set stage = :to, stage_reason = :reason, stage_changed_at = :at, stage_changed_by = :by
                where id = :id""")
                .param("to", to.name()).param("reason", reason.strip()).param("at", Timestamp.from(now))
                .param("by", actor.displayName()).param("id", communityId).update();
        jdbc.sql("""
                insert into community_stage_change (id, community_id, from_stage, to_stage, reason, changed_at, changed_by)
                values (:id, :c, :from, :to, :reason, :at, :by)""")
                .param("id", UUID.randomUUID()).param("c", communityId).param("from", from.name())
                .param("to", to.name()).param("reason", reason.strip()).param("at", Timestamp.from(now))
                .param("by", actor.displayName()).update();
        events.publishEvent(new CommunityStageChanged(communityId, from, to, reason.strip(), now));
    }

    private CarerView carer(ResultSet rs, int n) throws SQLException {
        var phone = rs.getString("phone");
        var building = rs.getString("building");
        return new CarerView(rs.getObject("id", UUID.class), rs.getObject("carer_resident_id", UUID.class),
                rs.getString("name"), phone == null ? "" : Masked.phone(phone),
                CarerRelation.valueOf(rs.getString("relation")),
                building == null ? null : building + " " + rs.getString("room"));
    }

    private int age(ResultSet rs) throws SQLException {
        return Period.between(rs.getDate("birth_date").toLocalDate(), LocalDate.now(clock)).getYears();
    }

    private static String maskedPhone(ResultSet rs) throws SQLException {
        var phone = rs.getString("phone");
        return phone == null ? "" : Masked.phone(phone);
    }
}
