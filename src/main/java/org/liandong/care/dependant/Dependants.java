package org.liandong.care.dependant;

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
import org.liandong.care.ResidentIsolated;
import org.liandong.care.alert.AlertKind;
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.alert.CareSettings;
import org.liandong.community.CarerRelation;
import org.liandong.community.Registry;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PhoneNumber;
import org.liandong.platform.Role;
import org.liandong.volunteer.ServiceHours;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * No dependant left alone. When a carer is isolated ({@link ResidentIsolated}), every person they care for in
 * the registry is flagged, the leader of the dependant's building group gets a welfare visit to make (a care
 * task), and the community's social workers an alert that stays open until someone records who cares for the
 * dependant now — which also adds that person to the registry as a carer.
 */
@Service
public class Dependants {

    public enum FlagStatus { OPEN, RESOLVED }

    public record Flag(UUID id, String communityId, UUID dependantId, String dependantName, UUID carerId,
                       String carerName, ResidentIsolated.Reason reason, String buildingGroup, String address,
                       Instant flaggedAt, FlagStatus status, @Nullable String newCarer, @Nullable Instant resolvedAt,
                       @Nullable String resolvedBy) {

        public LocalDateTime flaggedLocal() {
            return flaggedAt.atZone(ServiceHours.ZONE).toLocalDateTime();
        }

        public String reasonKey() {
            return "care.dependant.reason." + reason.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record WelfareTask(UUID id, String communityId, String buildingGroup, @Nullable UUID flagId, UUID residentId,
                              String residentName, String address, boolean done, Instant createdAt,
                              @Nullable Instant doneAt, @Nullable String doneBy, @Nullable String note) {

        public LocalDateTime createdLocal() {
            return createdAt.atZone(ServiceHours.ZONE).toLocalDateTime();
        }
    }

    /** Who cares for the dependant now: a name and a mobile number, and what they are to them. */
    public record NewCarer(@Nullable String name, @Nullable String phone, @Nullable String relation) {

        boolean given() {
            return name != null && !name.isBlank();
        }
    }

    private final JdbcClient jdbc;
    private final Registry registry;
    private final CareAlerts alerts;
    private final CareSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Dependants(JdbcClient jdbc, Registry registry, CareAlerts alerts, CareSettings settings,
               ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.alerts = alerts;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Flags everyone the isolated resident cares for; a dependant already flagged for this carer is not again. */
    @Transactional
    public int carerIsolated(ResidentIsolated event) {
        var carerScope = AccessScope.of(List.of(event.communityId()));
        var carer = registry.resident(carerScope, event.residentId());
        var n = 0;
        for (var link : registry.dependantsOf(event.residentId())) {
            var dependantId = link.residentId();
            if (dependantId == null) {
                continue;
            }
            var open = jdbc.sql("""
                    select count(*) from care_dependant_flag where dependant_id = :d and carer_id = :c and status = 'OPEN'""")
                    .param("d", dependantId).param("c", event.residentId()).query(Integer.class).single();
            if (open > 0) {
                continue;
            }
            var community = registry.communityOfResident(dependantId);
            var dependant = registry.resident(AccessScope.of(List.of(community)), dependantId);
            var flagId = UUID.randomUUID();
            var address = dependant.building() + " " + dependant.room();
            jdbc.sql("""
                    insert into care_dependant_flag (id, community_id, dependant_id, dependant_name, carer_id, carer_name,
                        reason, building_group, address, flagged_at, status)
                    values (:id, :c, :d, :dn, :carer, :cn, :reason, :bg, :addr, :at, 'OPEN')""")
                    .param("id", flagId).param("c", community).param("d", dependantId).param("dn", dependant.name())
                    .param("carer", event.residentId()).param("cn", carer.name()).param("reason", event.reason().name())
                    .param("bg", dependant.buildingGroup()).param("addr", address).param("at", Timestamp.from(event.at()))
                    .update();
            jdbc.sql("""
                    insert into care_welfare_task (id, community_id, building_group, flag_id, resident_id, resident_name,
                        address, status, created_at)
                    values (:id, :c, :bg, :flag, :r, :rn, :addr, 'OPEN', :at)""")
                    .param("id", UUID.randomUUID()).param("c", community).param("bg", dependant.buildingGroup())
                    .param("flag", flagId).param("r", dependantId).param("rn", dependant.name()).param("addr", address)
                    .param("at", Timestamp.from(event.at())).update();
            alerts.raise(new CareAlerts.NewAlert(community, AlertKind.DEPENDANT_WITHOUT_CARER, "dependant_flag", flagId,
                    dependantId, dependant.name(), carer.name(), "dependant:" + flagId, null, settings.alertActWithin()),
                    event.at());
            n++;
        }
        return n;
    }

    /** Staff mark a carer as unreachable (phone off, nobody opens): their dependants are flagged like the rest. */
    @Transactional
    public void markUnreachable(LiandongUser staff, UUID residentId) {
        if (!staff.role().staff()) {
            throw new OutOfScopeException();
        }
        var resident = registry.resident(staff.scope(), residentId);
        if (resident.caresFor().isEmpty()) {
            throw new InvalidValueException("care.dependant.cares-for-nobody", resident.name());
        }
        events.publishEvent(new ResidentIsolated(residentId, resident.communityId(), ResidentIsolated.Reason.UNREACHABLE,
                clock.instant()));
    }

    public List<Flag> flags(AccessScope scope, boolean includeResolved) {
        var sql = "select * from care_dependant_flag where " + (includeResolved ? "1 = 1" : "status = 'OPEN'")
                + (scope.everything() ? "" : " and community_id in (:ids)") + " order by flagged_at desc limit 500";
        var spec = jdbc.sql(sql);
        if (!scope.everything()) {
            if (scope.communityIds().isEmpty()) {
                return List.of();
            }
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query(this::mapFlag).list();
    }

    public Optional<Flag> flag(UUID id) {
        return jdbc.sql("select * from care_dependant_flag where id = :id").param("id", id).query(this::mapFlag).optional();
    }

    /** Records who cares for the dependant now: the flag is resolved, the alert closed, the registry updated. */
    @Transactional
    public void resolve(LiandongUser me, UUID flagId, NewCarer carer) {
        var flag = flag(flagId).orElseThrow(OutOfScopeException::new);
        checkReach(me, flag.communityId(), flag.buildingGroup());
        if (flag.status() != FlagStatus.OPEN) {
            throw new InvalidValueException("care.dependant.already-resolved");
        }
        if (!carer.given()) {
            throw new InvalidValueException("care.dependant.carer-required");
        }
        var name = carer.name().strip();
        var phone = carer.phone() == null ? "" : carer.phone().strip();
        if (!PhoneNumber.isValid(phone)) {
            throw new InvalidValueException("phone.error.format");
        }
        var relation = java.util.Arrays.stream(CarerRelation.values())
                .filter(r -> r.name().equalsIgnoreCase(carer.relation() == null ? "" : carer.relation())).findFirst()
                .orElse(CarerRelation.NEIGHBOUR);
        registry.addCarer(AccessScope.of(List.of(flag.communityId())), flag.dependantId(), null, name, phone, relation);
        var now = clock.instant();
        // the full number goes to the registry carer link; the flag and the alert keep it masked
        var who = name + " " + org.liandong.platform.Masked.phone(PhoneNumber.normalise(phone));
        var changed = jdbc.sql("""
                update care_dependant_flag set status = 'RESOLVED', new_carer = :who, resolved_at = :now, resolved_by = :by
                where id = :id and status = 'OPEN'""")
                .param("who", who.length() > 120 ? who.substring(0, 120) : who).param("now", Timestamp.from(now))
                .param("by", me.displayName()).param("id", flagId).update();
        if (changed != 1) {
            throw new InvalidValueException("care.dependant.already-resolved");
        }
        alerts.closeAbout(flagId, AlertKind.DEPENDANT_WITHOUT_CARER, me.displayName(), who, now);
    }

    // ---- welfare tasks -----------------------------------------------------------------------------------

    /** Open welfare visits: a leader sees those of their building group, staff those of their communities. */
    public List<WelfareTask> welfareTasks(LiandongUser me) {
        if (me.role() == Role.BUILDING_GROUP_LEADER) {
            var group = leaderGroup(me);
            if (group == null) {
                return List.of();
            }
            return jdbc.sql("""
                    select * from care_welfare_task where community_id = :c and building_group = :bg
                    order by status desc, created_at desc limit 200""")
                    .param("c", group[0]).param("bg", group[1]).query(this::mapTask).list();
        }
        var scope = me.scope();
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var spec = jdbc.sql("select * from care_welfare_task" + (scope.everything() ? "" : " where community_id in (:ids)")
                + " order by status desc, created_at desc limit 500");
        return (scope.everything() ? spec : spec.param("ids", scope.communityIds())).query(this::mapTask).list();
    }

    public WelfareTask welfareTask(LiandongUser me, UUID id) {
        var task = jdbc.sql("select * from care_welfare_task where id = :id").param("id", id).query(this::mapTask)
                .optional().orElseThrow(OutOfScopeException::new);
        checkReach(me, task.communityId(), task.buildingGroup());
        return task;
    }

    /** The leader (or staff) made the visit; naming who cares now resolves the flag and closes the alert. */
    @Transactional
    public void completeWelfareTask(LiandongUser me, UUID id, @Nullable String note, NewCarer carer) {
        var task = welfareTask(me, id);
        if (task.done()) {
            throw new InvalidValueException("care.welfare.already-done");
        }
        var text = note == null || note.isBlank() ? null : note.strip();
        if (text == null) {
            throw new InvalidValueException("care.welfare.note-required");
        }
        if (text.length() > 300) {
            throw new InvalidValueException("care.welfare.note-too-long");
        }
        if (carer.given() && task.flagId() != null && flag(task.flagId()).map(f -> f.status() == FlagStatus.OPEN)
                .orElse(false)) {
            resolve(me, task.flagId(), carer);
        }
        // every visit counts as reaching the resident (for the daily rounds' coverage)
        jdbc.sql("""
                insert into care_welfare_contact (id, community_id, resident_id, at, reached, by_name, note)
                values (:id, :c, :r, :at, true, :by, :note)""")
                .param("id", UUID.randomUUID()).param("c", task.communityId()).param("r", task.residentId())
                .param("at", Timestamp.from(clock.instant())).param("by", me.displayName()).param("note", text).update();
        var changed = jdbc.sql("""
                update care_welfare_task set status = 'DONE', done_at = :now, done_by = :by, note = :note
                where id = :id and status = 'OPEN'""")
                .param("now", Timestamp.from(clock.instant())).param("by", me.displayName()).param("note", text)
                .param("id", id).update();
        if (changed != 1) {
            throw new InvalidValueException("care.welfare.already-done");
        }
    }

    private void checkReach(LiandongUser me, String communityId, String buildingGroup) {
        if (me.role() == Role.BUILDING_GROUP_LEADER) {
            var group = leaderGroup(me);
            if (group == null || !group[0].equals(communityId) || !group[1].equals(buildingGroup)) {
                throw new OutOfScopeException();
            }
            return;
        }
        if (!me.role().staff()) {
            throw new OutOfScopeException();
        }
        me.scope().check(communityId);
    }

    /** The leader's community and building group: those of their own household. */
    private String @Nullable [] leaderGroup(LiandongUser me) {
        var household = me.householdId().orElse(null);
        if (household == null) {
            return null;
        }
        var community = registry.communityOfHousehold(household).orElse(null);
        if (community == null || !me.scope().covers(community)) {
            return null;
        }
        return new String[] {community, registry.household(me.scope(), household).buildingGroup()};
    }

    private Flag mapFlag(ResultSet rs, int n) throws SQLException {
        var resolved = rs.getTimestamp("resolved_at");
        return new Flag(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getObject("dependant_id", UUID.class), rs.getString("dependant_name"),
                rs.getObject("carer_id", UUID.class), rs.getString("carer_name"),
                ResidentIsolated.Reason.valueOf(rs.getString("reason")), rs.getString("building_group"),
                rs.getString("address"), rs.getTimestamp("flagged_at").toInstant(),
                FlagStatus.valueOf(rs.getString("status")), rs.getString("new_carer"),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"));
    }

    private WelfareTask mapTask(ResultSet rs, int n) throws SQLException {
        var done = rs.getTimestamp("done_at");
        return new WelfareTask(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getString("building_group"), rs.getObject("flag_id", UUID.class),
                rs.getObject("resident_id", UUID.class), rs.getString("resident_name"), rs.getString("address"),
                "DONE".equals(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getString("note"));
    }
}
