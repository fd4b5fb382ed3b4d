package org.liandong.volunteer.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duty rosters of a community: made from its posts and shift templates, solved in the background,
 * edited by staff, published to volunteers.
 */
@Service
public class DutyRosters {

    public static final int MAX_WEEKS = 4;

    public record RosterView(UUID id, String communityId, LocalDate start, int weeks, RosterStatus status,
                             @Nullable String score, int seats, int filled, Instant createdAt) {

        public LocalDate end() {
            return start.plusWeeks(weeks).minusDays(1);
        }

        public int unfilled() {
            return seats - filled;
        }
    }

    public record ShiftView(UUID id, UUID rosterId, UUID postId, String postName, @Nullable String postAddress,
                            String communityId, LocalDate day, LocalDateTime start, LocalDateTime end, int seat,
                            @Nullable UUID volunteerId, @Nullable String volunteerName) {
    }

    /** A volunteer who may be put on a community's roster. */
    public record Candidate(UUID id, String name, String communityId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate tx;
    private final Posts posts;
    private final RosterSolver solver;
    private final RosterSettings settings;
    private final Clock clock;

    DutyRosters(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate tx, Posts posts, RosterSolver solver,
                RosterSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.tx = tx;
        this.posts = posts;
        this.solver = solver;
        this.settings = settings;
        this.clock = clock;
    }

    /** Creates a roster of the community's posts for 1–4 weeks from {@code start} and starts solving it. */
    public UUID create(LiandongUser me, @Nullable String communityId, @Nullable LocalDate start, int weeks) {
        return create(me, communityId, start, weeks, null);
    }

    /**
     * As {@link #create(LiandongUser, String, LocalDate, int)}, with the solver stopping after {@code timeLimit}
     * rather than the configured time (the demo solves its roster in a few seconds, in the background).
     */
    public UUID create(LiandongUser me, @Nullable String communityId, @Nullable LocalDate start, int weeks,
                       @Nullable Duration timeLimit) {
        if (communityId == null || !me.scope().covers(communityId)) {
            throw new InvalidValueException("roster.problem.community");
        }
        if (start == null) {
            throw new InvalidValueException("roster.problem.start");
        }
        if (start.isBefore(LocalDate.now(clock).minusDays(7)) || start.isAfter(LocalDate.now(clock).plusYears(1))) {
            throw new InvalidValueException("roster.problem.start");
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new InvalidValueException("roster.problem.weeks", MAX_WEEKS);
        }
        var defined = posts.of(me.scope(), communityId).stream().filter(p -> !p.templates().isEmpty()).toList();
        if (defined.isEmpty()) {
            throw new InvalidValueException("roster.problem.no-posts");
        }
        var id = UUID.randomUUID();
        var shifts = new ArrayList<Object[]>();
        for (int d = 0; d < weeks * 7; d++) {
            var day = start.plusDays(d);
            for (var post : defined) {
                for (var t : post.templates()) {
                    for (int seat = 1; seat <= t.headcount(); seat++) {
                        shifts.add(new Object[] {UUID.randomUUID(), id, post.id(), java.sql.Date.valueOf(day),
                                Timestamp.valueOf(t.startOn(day)), Timestamp.valueOf(t.endOn(day)), seat});
                    }
                }
            }
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into volunteer_roster (id, community_id, start_date, weeks, status, seats, filled,
                        created_at, created_by)
                    values (:id, :c, :start, :weeks, 'SOLVING', :seats, 0, :at, :by)""")
                    .param("id", id).param("c", communityId).param("start", java.sql.Date.valueOf(start))
                    .param("weeks", weeks).param("seats", shifts.size()).param("at", Timestamp.from(clock.instant()))
                    .param("by", me.displayName()).update();
            jdbcTemplate.batchUpdate("""
                    insert into volunteer_shift (id, roster_id, post_id, shift_day, starts_at, ends_at, seat)
                    values (?, ?, ?, ?, ?, ?, ?)""", shifts);
        });
        solve(me.scope(), id, timeLimit);
        return id;
    }

    /** Solves (again) in the background, starting from the roster as it stands. */
    public void solve(AccessScope scope, UUID rosterId) {
        solve(scope, rosterId, null);
    }

    /** As {@link #solve(AccessScope, UUID)}, stopping after {@code timeLimit} if one is given. */
    public void solve(AccessScope scope, UUID rosterId, @Nullable Duration timeLimit) {
        var roster = roster(scope, rosterId);
        if (roster.status() == RosterStatus.PUBLISHED) {
            throw new InvalidValueException("roster.problem.published");
        }
        var progress = solver.progress(rosterId);
        if (progress != null && !progress.done()) {
            return;
        }
        jdbc.sql("update volunteer_roster set status = 'SOLVING' where id = :id").param("id", rosterId).update();
        var plan = plan(roster, candidates(scope, roster.communityId()));
        solver.start(rosterId, plan, timeLimit, best -> save(rosterId, best));
    }

    public Optional<RosterSolver.Progress> progress(AccessScope scope, UUID rosterId) {
        roster(scope, rosterId);
        return Optional.ofNullable(solver.progress(rosterId));
    }

    public RosterView roster(AccessScope scope, UUID id) {
        var roster = jdbc.sql("select * from volunteer_roster where id = :id").param("id", id)
                .query(DutyRosters::rosterRow).optional().orElseThrow(OutOfScopeException::new);
        scope.check(roster.communityId());
        return roster;
    }

    public List<RosterView> rosters(AccessScope scope, String communityId) {
        scope.check(communityId);
        return jdbc.sql("select * from volunteer_roster where community_id = :c order by start_date desc, created_at desc")
                .param("c", communityId).query(DutyRosters::rosterRow).list();
    }

    public List<ShiftView> shifts(AccessScope scope, UUID rosterId) {
        roster(scope, rosterId);
        return jdbc.sql(SHIFTS + " where s.roster_id = :r order by s.starts_at, p.name, s.seat")
                .param("r", rosterId).query(DutyRosters::shiftRow).list();
    }

    /** Volunteers of the community's street whom this person may put on duty: home community first. */
    public List<Candidate> candidates(AccessScope scope, String communityId) {
        scope.check(communityId);
        return jdbc.sql("""
                select v.id, v.name, v.community_id from volunteer v join community c on c.id = v.community_id
                where v.active = true
                  and c.street_id = (select street_id from community where id = :c)
                order by case when v.community_id = :c then 0 else 1 end, v.name""")
                .param("c", communityId)
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("community_id")))
                .list().stream().filter(c -> scope.covers(c.communityId())).toList();
    }

    /** The score of the roster as it stands and every rule it breaks. */
    public RosterSolver.Explanation explain(AccessScope scope, UUID rosterId) {
        var roster = roster(scope, rosterId);
        return solver.explain(plan(roster, candidates(scope, roster.communityId())));
    }

    /**
     * What changes if a seat goes to another volunteer: the rules that would be broken more often than now.
     * Nothing is saved.
     */
    public List<RosterSolver.Breach> preview(AccessScope scope, UUID rosterId, UUID shiftId,
                                             @Nullable UUID volunteerId) {
        var roster = roster(scope, rosterId);
        var plan = plan(roster, candidates(scope, roster.communityId()));
        var before = solver.explain(plan);
        reassignIn(plan, shiftId, volunteerId);
        return worse(before, solver.explain(plan));
    }

    /** Puts a volunteer (or nobody) on a seat and rescores; returns the rules broken more than before. */
    public List<RosterSolver.Breach> reassign(AccessScope scope, UUID rosterId, UUID shiftId,
                                              @Nullable UUID volunteerId) {
        var roster = roster(scope, rosterId);
        if (roster.status() == RosterStatus.SOLVING) {
            throw new InvalidValueException("roster.problem.solving");
        }
        var plan = plan(roster, candidates(scope, roster.communityId()));
        var before = solver.explain(plan);
        reassignIn(plan, shiftId, volunteerId);
        var after = solver.explain(plan);
        tx.executeWithoutResult(status -> {
            jdbc.sql("update volunteer_shift set volunteer_id = :v where id = :id and roster_id = :r")
                    .param("v", volunteerId).param("id", shiftId).param("r", rosterId).update();
            jdbc.sql("update volunteer_roster set score = :s, filled = :f where id = :id")
                    .param("s", after.score().toString()).param("f", (int) plan.filled()).param("id", rosterId)
                    .update();
        });
        return worse(before, after);
    }

    public void publish(AccessScope scope, UUID rosterId) {
        var roster = roster(scope, rosterId);
        if (roster.status() != RosterStatus.DRAFT) {
            throw new InvalidValueException(roster.status() == RosterStatus.SOLVING ? "roster.problem.solving"
                    : "roster.problem.published");
        }
        jdbc.sql("update volunteer_roster set status = 'PUBLISHED', published_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", rosterId).update();
    }

    /** A volunteer's published shifts from yesterday on, soonest first. */
    public List<ShiftView> publishedShiftsOf(UUID volunteerId, LocalDate from) {
        return jdbc.sql(SHIFTS + "\n" + """
                 join volunteer_roster r on r.id = s.roster_id
                 where s.volunteer_id = :v and r.status = 'PUBLISHED' and s.shift_day >= :from
                 order by s.starts_at""")
                .param("v", volunteerId).param("from", java.sql.Date.valueOf(from))
                .query(DutyRosters::shiftRow).list();
    }

    /** One shift, whatever its roster's state. */
    public Optional<ShiftView> shift(UUID shiftId) {
        return jdbc.sql(SHIFTS + " where s.id = :id").param("id", shiftId).query(DutyRosters::shiftRow).optional();
    }

    /** The published shifts of one post on one day (the people who should check in there), earliest first. */
    public List<ShiftView> publishedShiftsAt(UUID postId, LocalDate day) {
        return jdbc.sql(SHIFTS + "\n" + """
                 join volunteer_roster r on r.id = s.roster_id
                 where s.post_id = :p and r.status = 'PUBLISHED' and s.shift_day between :before and :day
                 order by s.starts_at, s.seat""")
                .param("p", postId).param("before", java.sql.Date.valueOf(day.minusDays(1)))
                .param("day", java.sql.Date.valueOf(day))
                .query(DutyRosters::shiftRow).list().stream()
                .filter(s -> s.day().equals(day) || s.end().toLocalDate().equals(day) && s.end().toLocalTime().isAfter(java.time.LocalTime.MIDNIGHT))
                .toList();
    }

    static List<RosterSolver.Breach> worse(RosterSolver.Explanation before, RosterSolver.Explanation after) {
        var was = before.breaches().stream().collect(Collectors.toMap(RosterSolver.Breach::constraint,
                Function.identity()));
        var out = new ArrayList<RosterSolver.Breach>();
        for (var b : after.breaches()) {
            var old = was.get(b.constraint());
            var oldPenalty = old == null ? 0 : old.hard() * 1_000_000 + old.medium() * 1000;
            var penalty = b.hard() * 1_000_000 + b.medium() * 1000;
            if (penalty > oldPenalty) {
                out.add(b);
            }
        }
        return out;
    }

    private static void reassignIn(DutyRosterPlan plan, UUID shiftId, @Nullable UUID volunteerId) {
        var shift = plan.shifts().stream().filter(s -> s.id().equals(shiftId)).findFirst()
                .orElseThrow(OutOfScopeException::new);
        if (volunteerId == null) {
            shift.assign(null);
            return;
        }
        var volunteer = plan.volunteers().stream().filter(v -> v.id().equals(volunteerId)).findFirst()
                .orElseThrow(() -> new InvalidValueException("roster.problem.unknown-volunteer"));
        shift.assign(volunteer);
    }

    void save(UUID rosterId, DutyRosterPlan best) {
        var rows = best.shifts().stream()
                .map(s -> new Object[] {s.volunteer() == null ? null : Objects.requireNonNull(s.volunteer()).id(),
                        s.id()})
                .toList();
        tx.executeWithoutResult(status -> {
            jdbcTemplate.batchUpdate("update volunteer_shift set volunteer_id = ? where id = ?", rows);
            jdbc.sql("update volunteer_roster set status = 'DRAFT', score = :s, filled = :f where id = :id")
                    .param("s", String.valueOf(best.score())).param("f", (int) best.filled()).param("id", rosterId)
                    .update();
        });
    }

    /** The roster as a planning problem, with the seats as they are now assigned. */
    DutyRosterPlan plan(RosterView roster, List<Candidate> candidates) {
        var ids = new java.util.LinkedHashSet<UUID>(candidates.stream().map(Candidate::id).toList());
        ids.addAll(jdbc.sql("select distinct volunteer_id from volunteer_shift where roster_id = :r"
                        + " and volunteer_id is not null")
                .param("r", roster.id()).query(UUID.class).list());
        var byId = volunteersById(ids);
        var postInfo = new HashMap<UUID, Post>();
        jdbc.sql("select * from volunteer_post where id in (select post_id from volunteer_shift where roster_id = :r)")
                .param("r", roster.id())
                .query((rs, n) -> new Post(rs.getObject("id", UUID.class), rs.getString("community_id"),
                        PostKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("address"),
                        VolunteerCategory.valueOf(rs.getString("category")), rs.getBoolean("certificate_required"),
                        List.of()))
                .list().forEach(p -> postInfo.put(p.id(), p));
        var shifts = jdbc.sql("select * from volunteer_shift where roster_id = :r order by starts_at, seat")
                .param("r", roster.id())
                .query((rs, n) -> {
                    var post = postInfo.get(rs.getObject("post_id", UUID.class));
                    var volunteerId = rs.getObject("volunteer_id", UUID.class);
                    return new ShiftAssignment(rs.getObject("id", UUID.class), post.id(), post.name(),
                            post.communityId(), post.category(), post.certificateRequired(),
                            rs.getTimestamp("starts_at").toLocalDateTime(), rs.getTimestamp("ends_at").toLocalDateTime(),
                            rs.getInt("seat"), roster.start(), volunteerId == null ? null : byId.get(volunteerId));
                }).list();
        return new DutyRosterPlan(new ArrayList<>(byId.values()), shifts,
                new RosterRules(settings.minRestOrDefault().toMinutes()));
    }

    List<RosterVolunteer> volunteers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var certified = new HashMap<UUID, EnumSet<VolunteerCategory>>();
        var out = new ArrayList<RosterVolunteer>();
        for (var chunk : chunks(List.copyOf(ids), 500)) {
            jdbc.sql("select volunteer_id, category from volunteer_skill where certificate is not null"
                            + " and volunteer_id in (:ids)")
                    .param("ids", chunk)
                    .query((rs, n) -> {
                        certified.computeIfAbsent(rs.getObject("volunteer_id", UUID.class),
                                k -> EnumSet.noneOf(VolunteerCategory.class)).add(VolunteerCategory.valueOf(
                                rs.getString("category")));
                        return null;
                    }).list();
            out.addAll(jdbc.sql("select * from volunteer where id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> {
                        var id = rs.getObject("id", UUID.class);
                        return new RosterVolunteer(id, rs.getString("name"), rs.getString("community_id"),
                                VolunteerDirectory.categories(rs.getString("categories")),
                                certified.getOrDefault(id, EnumSet.noneOf(VolunteerCategory.class)),
                                new Availability(rs.getString("availability")), rs.getInt("hours_per_week"));
                    }).list());
        }
        return out;
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        var out = new ArrayList<List<T>>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }

    static final String SHIFTS = """
            select s.*, p.name as post_name, p.address as post_address, p.community_id as post_community,
                   v.name as volunteer_name
            from volunteer_shift s join volunteer_post p on p.id = s.post_id
            left join volunteer v on v.id = s.volunteer_id""";

    static ShiftView shiftRow(ResultSet rs, int n) throws SQLException {
        return new ShiftView(rs.getObject("id", UUID.class), rs.getObject("roster_id", UUID.class),
                rs.getObject("post_id", UUID.class), rs.getString("post_name"), rs.getString("post_address"),
                rs.getString("post_community"), rs.getDate("shift_day").toLocalDate(),
                rs.getTimestamp("starts_at").toLocalDateTime(), rs.getTimestamp("ends_at").toLocalDateTime(),
                rs.getInt("seat"), rs.getObject("volunteer_id", UUID.class), rs.getString("volunteer_name"));
    }

    static RosterView rosterRow(ResultSet rs, int n) throws SQLException {
        return new RosterView(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getDate("start_date").toLocalDate(), rs.getInt("weeks"), RosterStatus.valueOf(rs.getString("status")),
                rs.getString("score"), rs.getInt("seats"), rs.getInt("filled"),
                rs.getTimestamp("created_at").toInstant());
    }

    Map<UUID, RosterVolunteer> volunteersById(Collection<UUID> ids) {
        return volunteers(ids).stream().collect(Collectors.toMap(RosterVolunteer::id, Function.identity()));
    }
}
