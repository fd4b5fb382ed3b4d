package org.liandong.volunteer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteers and teams lent to another community for a period, as the street decides on its coordination board,
 * and the figures the board shows beside each community: active volunteers, open tasks, who is lent out and in.
 * The loan is also a task for the volunteer or team in the home community (due at the end of the period), so it
 * reaches their phone like any other assignment. The caller checks that both communities are in its scope.
 */
@Service
public class Secondments {

    /** Why a loan was refused; nothing was written. */
    public enum Problem { NOT_IN_COMMUNITY, SAME_COMMUNITY, ALREADY_LENT }

    public static final class Refused extends RuntimeException {

        private final Problem problem;

        Refused(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** A volunteer or team of the community, as the lending form offers them. */
    public record Lendable(VolunteerTasks.Assignee who, String name, boolean team) {

        public String code() {
            return team ? "t:" + who.teamId() : "v:" + who.volunteerId();
        }
    }

    public record Loan(UUID id, VolunteerTasks.Assignee who, String name, String fromCommunityId,
                       String toCommunityId, LocalDate startsOn, LocalDate endsOn, @Nullable String note, UUID taskId) {
    }

    /** One community's people today: active volunteers, open tasks, and loans running today out and in. */
    public record Figures(int activeVolunteers, int openTasks, int lentOut, int lentIn) {

        public static final Figures NONE = new Figures(0, 0, 0, 0);
    }

    private final JdbcClient jdbc;
    private final VolunteerTasks tasks;
    private final Clock clock;

    Secondments(JdbcClient jdbc, VolunteerTasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Active volunteers and the teams of one community. */
    public List<Lendable> lendable(String communityId) {
        var teams = jdbc.sql("select id, name from volunteer_team where community_id = :c order by name")
                .param("c", communityId)
                .query((rs, n) -> new Lendable(VolunteerTasks.Assignee.team(rs.getObject(1, UUID.class)),
                        rs.getString(2), true)).list();
        var people = jdbc.sql("select id, name from volunteer where community_id = :c and active = true order by name")
                .param("c", communityId)
                .query((rs, n) -> new Lendable(VolunteerTasks.Assignee.volunteer(rs.getObject(1, UUID.class)),
                        rs.getString(2), false)).list();
        var all = new java.util.ArrayList<>(teams);
        all.addAll(people);
        return all;
    }

    /**
     * Lends a volunteer or team of {@code from} to {@code to} from {@code startsOn} to {@code endsOn} (the caller
     * has checked the dates and both communities): refused when they are not of {@code from}, when the two are the
     * same, or when the same volunteer or team is already lent for an overlapping period.
     */
    @Transactional
    public UUID lend(VolunteerTasks.Assignee who, String from, String to, LocalDate startsOn, LocalDate endsOn,
                     String taskTitle, @Nullable String note, String by) {
        if (from.equals(to)) {
            throw new Refused(Problem.SAME_COMMUNITY);
        }
        var column = who.teamId() != null ? "team_id" : "volunteer_id";
        var whoId = who.teamId() != null ? who.teamId() : who.volunteerId();
        // locking the volunteer's (or team's) row serialises two loans of the same person
        boolean home = jdbc.sql(who.teamId() != null
                        ? "select id from volunteer_team where id = :id and community_id = :c for update"
                        : "select id from volunteer where id = :id and community_id = :c and active = true for update")
                .param("id", whoId).param("c", from).query(UUID.class).optional().isPresent();
        if (!home) {
            throw new Refused(Problem.NOT_IN_COMMUNITY);
        }
        boolean overlapping = jdbc.sql("select count(*) from volunteer_secondment where " + column
                        + " = :id and starts_on <= :e and ends_on >= :s").param("id", whoId)
                .param("s", Date.valueOf(startsOn)).param("e", Date.valueOf(endsOn)).query(Integer.class).single() > 0;
        if (overlapping) {
            throw new Refused(Problem.ALREADY_LENT);
        }
        var due = endsOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        var taskId = tasks.create(from, TaskKind.OTHER, taskTitle, note, who, due, by);
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer_secondment (id, volunteer_id, team_id, from_community_id, to_community_id,
                    starts_on, ends_on, note, task_id, created_by, created_at)
                values (:id, :v, :t, :from, :to, :s, :e, :note, :task, :by, :at)""")
                .param("id", id).param("v", who.volunteerId()).param("t", who.teamId()).param("from", from)
                .param("to", to).param("s", Date.valueOf(startsOn)).param("e", Date.valueOf(endsOn))
                .param("note", note).param("task", taskId).param("by", by)
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    /** Loans out of or in to the communities that have not ended before {@code day}, soonest first. */
    public List<Loan> loans(Collection<String> communityIds, LocalDate day) {
        if (communityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select s.*, coalesce(v.name, t.name) who_name from volunteer_secondment s
                left join volunteer v on v.id = s.volunteer_id left join volunteer_team t on t.id = s.team_id
                where (s.from_community_id in (:c) or s.to_community_id in (:c)) and s.ends_on >= :d
                order by s.starts_on, s.created_at""").param("c", communityIds).param("d", Date.valueOf(day))
                .query(Secondments::loan).list();
    }

    /** Today's figures of each community asked for (communities without any come back as {@link Figures#NONE}). */
    public Map<String, Figures> figures(Collection<String> communityIds) {
        var result = new HashMap<String, Figures>();
        if (communityIds.isEmpty()) {
            return result;
        }
        var today = Date.valueOf(LocalDate.now(clock));
        var active = counts("select community_id, count(*) from volunteer where active = true and community_id in (:c)"
                + " group by community_id", communityIds, null);
        var open = counts("select community_id, count(*) from volunteer_task where status in ('OPEN', 'ACCEPTED')"
                + " and community_id in (:c) group by community_id", communityIds, null);
        var out = counts("select from_community_id, count(*) from volunteer_secondment where from_community_id in (:c)"
                + " and starts_on <= :d and ends_on >= :d group by from_community_id", communityIds, today);
        var in = counts("select to_community_id, count(*) from volunteer_secondment where to_community_id in (:c)"
                + " and starts_on <= :d and ends_on >= :d group by to_community_id", communityIds, today);
        for (var c : communityIds) {
            result.put(c, new Figures(active.getOrDefault(c, 0), open.getOrDefault(c, 0), out.getOrDefault(c, 0),
                    in.getOrDefault(c, 0)));
        }
        return result;
    }

    private Map<String, Integer> counts(String sql, Collection<String> communityIds, @Nullable Date day) {
        var spec = jdbc.sql(sql).param("c", communityIds);
        if (day != null) {
            spec = spec.param("d", day);
        }
        var map = new HashMap<String, Integer>();
        spec.query((rs, n) -> map.put(rs.getString(1), rs.getInt(2))).list();
        return map;
    }

    private static Loan loan(ResultSet rs, int n) throws SQLException {
        var team = rs.getObject("team_id", UUID.class);
        var who = team != null ? VolunteerTasks.Assignee.team(team)
                : VolunteerTasks.Assignee.volunteer(rs.getObject("volunteer_id", UUID.class));
        return new Loan(rs.getObject("id", UUID.class), who, rs.getString("who_name"), rs.getString("from_community_id"),
                rs.getString("to_community_id"), rs.getDate("starts_on").toLocalDate(),
                rs.getDate("ends_on").toLocalDate(), rs.getString("note"), rs.getObject("task_id", UUID.class));
    }
}
