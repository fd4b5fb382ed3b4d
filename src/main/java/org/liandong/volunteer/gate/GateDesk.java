package org.liandong.volunteer.gate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.platform.PhoneNumber;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gates and out-passes: the community sets how often a household may go out, issues each household a
 * pass, and the volunteer on duty scans passes and logs visitors and deliveries at the gate.
 */
@Service
public class GateDesk {

    public record Gate(UUID id, String communityId, String name) {
    }

    public record Policy(int outings, int periodDays) {
    }

    public record Scan(PassCheck check, Registry.@Nullable HouseholdView household) {
    }

    public record DayCount(String gate, Map<String, Long> byKind) {
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Registry registry;
    private final Places places;
    private final VolunteerDirectory volunteers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    GateDesk(JdbcClient jdbc, Registry registry, Places places, VolunteerDirectory volunteers, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.places = places;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    public List<Gate> gates(AccessScope scope, String communityId) {
        scope.check(communityId);
        return jdbc.sql("select id, community_id, name from gate where community_id = :c order by name")
                .param("c", communityId).query(Gate.class).list();
    }

    /** The gates of the community a volunteer serves (none for someone who is not a volunteer). */
    List<Gate> gatesOfVolunteer(LiandongUser person) {
        return volunteers.byUser(person.userId()).filter(VolunteerDirectory.VolunteerView::active)
                .map(v -> jdbc.sql("select id, community_id, name from gate where community_id = :c order by name")
                        .param("c", v.communityId()).query(Gate.class).list())
                .orElse(List.of());
    }

    @Transactional
    public void addGate(LiandongUser staff, String communityId, String name) {
        staff.scope().check(communityId);
        places.community(communityId).orElseThrow(OutOfScopeException::new);
        var n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 50) {
            throw new InvalidValueException("gate.error.name");
        }
        var exists = jdbc.sql("select count(*) from gate where community_id = :c and name = :n")
                .param("c", communityId).param("n", n).query(Long.class).single();
        if (exists > 0) {
            throw new InvalidValueException("gate.error.duplicate");
        }
        jdbc.sql("insert into gate (id, community_id, name, created_at) values (:id, :c, :n, :at)")
                .param("id", UUID.randomUUID()).param("c", communityId).param("n", n)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    public Optional<Policy> policy(String communityId) {
        return jdbc.sql("select outings, period_days from pass_policy where community_id = :c")
                .param("c", communityId).query(Policy.class).optional();
    }

    @Transactional
    public void setPolicy(LiandongUser staff, String communityId, int outings, int periodDays) {
        staff.scope().check(communityId);
        if (outings < 1 || outings > 30 || periodDays < 1 || periodDays > 30) {
            throw new InvalidValueException("gate.error.policy");
        }
        var now = Timestamp.from(clock.instant());
        var updated = jdbc.sql("""
                update pass_policy set outings = :o, period_days = :d, updated_at = :at, updated_by = :by
                where community_id = :c""")
                .param("o", outings).param("d", periodDays).param("at", now).param("by", staff.displayName())
                .param("c", communityId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into pass_policy (community_id, outings, period_days, updated_at, updated_by)
                    values (:c, :o, :d, :at, :by)""")
                    .param("c", communityId).param("o", outings).param("d", periodDays).param("at", now)
                    .param("by", staff.displayName()).update();
        }
    }

    /** Gives every household of the community that has none a pass; returns how many were issued. */
    @Transactional
    public int issuePasses(LiandongUser staff, String communityId) {
        var households = registry.householdIds(staff.scope(), communityId);
        var existing = new java.util.HashSet<>(jdbc.sql("select household_id from household_pass where community_id = :c")
                .param("c", communityId).query(UUID.class).list());
        var now = Timestamp.from(clock.instant());
        int issued = 0;
        for (var household : households) {
            if (existing.contains(household)) {
                continue;
            }
            jdbc.sql("""
                    insert into household_pass (id, household_id, community_id, token, issued_at)
                    values (:id, :h, :c, :t, :at)""")
                    .param("id", UUID.randomUUID()).param("h", household).param("c", communityId)
                    .param("t", newToken()).param("at", now).update();
            issued++;
        }
        return issued;
    }

    public Optional<String> passToken(UUID householdId) {
        return jdbc.sql("select token from household_pass where household_id = :h").param("h", householdId)
                .query(String.class).optional();
    }

    Gate gateFor(LiandongUser operator, UUID gateId) {
        var gate = jdbc.sql("select id, community_id, name from gate where id = :id").param("id", gateId)
                .query(Gate.class).optional().orElseThrow(OutOfScopeException::new);
        var volunteer = volunteers.byUser(operator.userId());
        boolean mayOperate = operator.scope().covers(gate.communityId())
                || volunteer.map(v -> v.active() && v.communityId().equals(gate.communityId())).orElse(false);
        if (!mayOperate) {
            throw new OutOfScopeException();
        }
        return gate;
    }

    /** The volunteer scanned a pass at their gate: out, back in, or stopped. Every scan is recorded. */
    @Transactional
    public Scan scan(LiandongUser operator, UUID gateId, String token) {
        var gate = gateFor(operator, gateId);
        var pass = jdbc.sql("select id, household_id, community_id from household_pass where token = :t")
                .param("t", token == null ? "" : token.strip())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3)}).optional();
        var policy = policy(gate.communityId()).orElse(new Policy(0, 1));
        if (pass.isEmpty()) {
            var check = PassCheck.decide(false, false, false, 0, policy.outings());
            record(gate, operator, check, null, null);
            return new Scan(check, null);
        }
        var passId = (UUID) pass.get()[0];
        var household = (UUID) pass.get()[1];
        var since = Timestamp.from(clock.instant().minus(Duration.ofDays(policy.periodDays())));
        var last = jdbc.sql("""
                select kind from gate_event where pass_id = :p and kind in ('OUT', 'IN') order by at desc limit 1""")
                .param("p", passId).query(String.class).optional();
        var outings = jdbc.sql("select count(*) from gate_event where pass_id = :p and kind = 'OUT' and at >= :since")
                .param("p", passId).param("since", since).query(Long.class).single().intValue();
        var check = PassCheck.decide(true, gate.communityId().equals(pass.get()[2]), last.filter("OUT"::equals)
                .isPresent(), outings, policy.outings());
        record(gate, operator, check, passId, household);
        var view = check.flag() == PassCheck.Flag.OTHER_COMMUNITY ? null
                : registry.household(AccessScope.of(List.of(gate.communityId())), household);
        return new Scan(check, view);
    }

    @Transactional
    public void logVisitor(LiandongUser operator, UUID gateId, String kind, String name, @Nullable String phone,
                    @Nullable String note) {
        var gate = gateFor(operator, gateId);
        if (!"VISITOR".equals(kind) && !"DELIVERY".equals(kind)) {
            throw new InvalidValueException("error.bad-request");
        }
        var n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 50) {
            throw new InvalidValueException("gate.error.visitor-name");
        }
        String p = null;
        if (phone != null && !phone.isBlank()) {
            if (!PhoneNumber.isValid(phone)) {
                throw new InvalidValueException("phone.error.format");
            }
            p = PhoneNumber.normalise(phone);
        }
        var text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 200) {
            throw new InvalidValueException("gate.error.note");
        }
        jdbc.sql("""
                insert into gate_event (id, gate_id, community_id, kind, visitor_name, phone, note, at, by_user, by_name)
                values (:id, :g, :c, :k, :n, :p, :note, :at, :u, :by)""")
                .param("id", UUID.randomUUID()).param("g", gate.id()).param("c", gate.communityId()).param("k", kind)
                .param("n", n).param("p", p).param("note", text).param("at", Timestamp.from(clock.instant()))
                .param("u", operator.userId()).param("by", operator.displayName()).update();
    }

    /** Today's passages per gate of the community, by kind (OUT, IN, VISITOR, DELIVERY, REFUSED). */
    public List<DayCount> countsOn(AccessScope scope, String communityId, LocalDate day) {
        scope.check(communityId);
        var from = Timestamp.from(day.atStartOfDay(ZONE).toInstant());
        var to = Timestamp.from(day.plusDays(1).atStartOfDay(ZONE).toInstant());
        var counts = new TreeMap<String, Map<String, Long>>();
        gates(scope, communityId).forEach(g -> counts.put(g.name(), new TreeMap<>()));
        jdbc.sql("""
                select g.name, e.kind, count(*) n from gate_event e join gate g on g.id = e.gate_id
                where e.community_id = :c and e.at >= :from and e.at < :to group by g.name, e.kind""")
                .param("c", communityId).param("from", from).param("to", to)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return counts.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList();
    }

    private void record(Gate gate, LiandongUser operator, PassCheck check, @Nullable UUID passId,
                        @Nullable UUID household) {
        jdbc.sql("""
                insert into gate_event (id, gate_id, community_id, kind, pass_id, household_id, flag, at, by_user, by_name)
                values (:id, :g, :c, :k, :p, :h, :f, :at, :u, :by)""")
                .param("id", UUID.randomUUID()).param("g", gate.id()).param("c", gate.communityId())
                .param("k", check.kind().name()).param("p", passId).param("h", household)
                .param("f", check.flag() == PassCheck.Flag.NONE ? null : check.flag().name())
                .param("at", Timestamp.from(clock.instant())).param("u", operator.userId())
                .param("by", operator.displayName()).update();
    }

    private String newToken() {
        var bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
