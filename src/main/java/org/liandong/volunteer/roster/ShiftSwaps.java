package org.liandong.volunteer.roster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A volunteer hands a published shift to a colleague of the same community. The swap is refused at once
 * when the colleague could not take it (category, availability, rest, hours); otherwise a team leader or
 * staff approve it, and the rules are checked again then.
 */
@Service
public class ShiftSwaps {

    public record SwapView(UUID id, UUID shiftId, UUID rosterId, String postName, LocalDateTime start,
                           LocalDateTime end, UUID fromVolunteer, String fromName, UUID toVolunteer, String toName,
                           String status, String communityId) {
    }

    private final JdbcClient jdbc;
    private final DutyRosters rosters;
    private final RosterSolver solver;
    private final VolunteerDirectory directory;
    private final Clock clock;

    ShiftSwaps(JdbcClient jdbc, DutyRosters rosters, RosterSolver solver, VolunteerDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.solver = solver;
        this.directory = directory;
        this.clock = clock;
    }

    /** Asks to hand one's own published shift to {@code toVolunteer}; throws with the reason when refused. */
    @Transactional
    public UUID request(LiandongUser me, UUID shiftId, @Nullable UUID toVolunteer) {
        var from = directory.byUser(me.userId()).orElseThrow(OutOfScopeException::new);
        var shift = publishedShift(shiftId);
        if (!from.id().equals(shift.volunteerId())) {
            throw new OutOfScopeException();
        }
        if (toVolunteer == null || toVolunteer.equals(from.id())) {
            throw new InvalidValueException("roster.swap.problem.colleague");
        }
        var to = directory.byId(toVolunteer).filter(v -> v.active() && v.communityId().equals(from.communityId()))
                .orElseThrow(() -> new InvalidValueException("roster.swap.problem.colleague"));
        if (!shift.start().isAfter(LocalDateTime.now(clock))) {
            throw new InvalidValueException("roster.swap.problem.past");
        }
        var open = jdbc.sql("select count(*) from volunteer_swap_request where shift_id = :s and status = 'PENDING'")
                .param("s", shiftId).query(Integer.class).single();
        if (open > 0) {
            throw new InvalidValueException("roster.swap.problem.pending");
        }
        check(shift, to.id());
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer_swap_request (id, shift_id, from_volunteer, to_volunteer, status, requested_at)
                values (:id, :s, :from, :to, 'PENDING', :at)""")
                .param("id", id).param("s", shiftId).param("from", from.id()).param("to", to.id())
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    /** Approves (after checking the rules again) or refuses a pending swap. */
    @Transactional
    public void decide(LiandongUser me, UUID swapId, boolean approve) {
        var swap = swap(swapId);
        if (!mayDecide(me, swap.communityId())) {
            throw new OutOfScopeException();
        }
        if (!swap.status().equals("PENDING")) {
            throw new InvalidValueException("roster.swap.problem.decided");
        }
        if (approve) {
            try {
                check(publishedShift(swap.shiftId()), swap.toVolunteer());
            } catch (InvalidValueException e) {
                close(swapId, "REFUSED", me, e.messageKey());
                throw e;
            }
            jdbc.sql("update volunteer_shift set volunteer_id = :to where id = :s and volunteer_id = :from")
                    .param("to", swap.toVolunteer()).param("s", swap.shiftId()).param("from", swap.fromVolunteer())
                    .update();
        }
        close(swapId, approve ? "APPROVED" : "REFUSED", me, null);
    }

    /** Pending swaps a person may decide: staff for their communities, team leaders for theirs. */
    public List<SwapView> pendingFor(LiandongUser me) {
        return jdbc.sql(SWAPS + " where w.status = 'PENDING' order by s.starts_at").query(ShiftSwaps::row).list()
                .stream().filter(s -> mayDecide(me, s.communityId())).toList();
    }

    public List<SwapView> mine(UUID volunteerId) {
        return jdbc.sql(SWAPS + " where (w.from_volunteer = :v or w.to_volunteer = :v) order by w.requested_at desc")
                .param("v", volunteerId).query(ShiftSwaps::row).list();
    }

    boolean mayDecide(LiandongUser me, String communityId) {
        if (me.role().staff()) {
            return me.scope().covers(communityId);
        }
        var volunteer = directory.byUser(me.userId());
        return volunteer.isPresent() && jdbc.sql("""
                select count(*) from volunteer_team_member m join volunteer_team t on t.id = m.team_id
                where m.volunteer_id = :v and m.leader = true and t.community_id = :c""")
                .param("v", volunteer.get().id()).param("c", communityId).query(Integer.class).single() > 0;
    }

    /** Would the colleague break a hard rule by taking the shift? Throws naming the first rule broken. */
    private void check(DutyRosters.ShiftView shift, UUID to) {
        var colleague = rosters.volunteers(List.of(to)).stream().findFirst()
                .orElseThrow(() -> new InvalidValueException("roster.swap.problem.colleague"));
        var roster = jdbc.sql("select * from volunteer_roster where id = :id").param("id", shift.rosterId())
                .query(DutyRosters::rosterRow).single();
        var plan = rosters.plan(roster, List.of());
        var before = solver.explain(plan);
        var seat = plan.shifts().stream().filter(s -> s.id().equals(shift.id())).findFirst().orElseThrow();
        if (!colleague.canServe(seat)) {
            throw new InvalidValueException("roster.swap.problem.category");
        }
        if (!colleague.availableFor(seat)) {
            throw new InvalidValueException("roster.swap.problem.unavailable");
        }
        var pool = new java.util.ArrayList<>(plan.volunteers());
        if (!pool.contains(colleague)) {
            pool.add(colleague);
        }
        seat.assign(colleague);
        var after = solver.explain(new DutyRosterPlan(pool, plan.shifts(), plan.rules()));
        for (var breach : DutyRosters.worse(before, after)) {
            if (breach.hardRule()) {
                throw new InvalidValueException("roster.swap.problem." + breach.constraint());
            }
        }
    }

    private DutyRosters.ShiftView publishedShift(UUID shiftId) {
        return jdbc.sql(DutyRosters.SHIFTS + " join volunteer_roster r on r.id = s.roster_id"
                        + " where s.id = :id and r.status = 'PUBLISHED'")
                .param("id", shiftId).query(DutyRosters::shiftRow).optional().orElseThrow(OutOfScopeException::new);
    }

    private SwapView swap(UUID id) {
        return jdbc.sql(SWAPS + " where w.id = :id").param("id", id).query(ShiftSwaps::row).optional()
                .orElseThrow(OutOfScopeException::new);
    }

    private void close(UUID swapId, String status, LiandongUser me, @Nullable String reason) {
        jdbc.sql("""
                update volunteer_swap_request set status = :st, decided_at = :at, decided_by = :by, reason = :r
                where id = :id""")
                .param("st", status).param("at", Timestamp.from(clock.instant())).param("by", me.displayName())
                .param("r", reason).param("id", swapId).update();
    }

    private static final String SWAPS = """
            select w.*, s.roster_id, s.starts_at, s.ends_at, p.name as post_name, p.community_id,
                   f.name as from_name, t.name as to_name
            from volunteer_swap_request w join volunteer_shift s on s.id = w.shift_id
            join volunteer_post p on p.id = s.post_id
            join volunteer f on f.id = w.from_volunteer join volunteer t on t.id = w.to_volunteer""";

    private static SwapView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SwapView(rs.getObject("id", UUID.class), rs.getObject("shift_id", UUID.class),
                rs.getObject("roster_id", UUID.class), rs.getString("post_name"),
                rs.getTimestamp("starts_at").toLocalDateTime(), rs.getTimestamp("ends_at").toLocalDateTime(),
                rs.getObject("from_volunteer", UUID.class), rs.getString("from_name"),
                rs.getObject("to_volunteer", UUID.class), rs.getString("to_name"), rs.getString("status"),
                rs.getString("community_id"));
    }

}
