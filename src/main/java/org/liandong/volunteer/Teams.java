package org.liandong.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.Masked;
import org.liandong.platform.OutOfScopeException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community prevention teams: approved volunteers of one community, with team leaders and the resident
 * leaders (居民骨干) who hold a team together. Other modules ask it who is in which team.
 */
@Service
public class Teams {

    public record Summary(UUID id, String communityId, String communityName, String name, @Nullable String purpose,
                          int members, int leaders) {
    }

    public record Member(UUID volunteerId, String name, String maskedPhone, List<VolunteerCategory> categories,
                         boolean leader, boolean residentLeader) {
    }

    public record Team(UUID id, String communityId, String communityName, String name, @Nullable String purpose,
                       List<Member> members) {
    }

    /** A volunteer of the team's community who could join it. */
    public record Candidate(UUID id, String name, String maskedPhone, List<VolunteerCategory> categories) {
    }

    /** A team as its member sees it. */
    public record Membership(UUID teamId, String teamName, String communityName, @Nullable String purpose,
                             boolean leader, boolean residentLeader, int members) {
    }

    static final int NAME_MAX = 50;
    static final int PURPOSE_MAX = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    Teams(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public UUID create(AccessScope scope, String communityId, String name, @Nullable String purpose) {
        scope.check(communityId);
        if (jdbc.sql("select count(*) from community where id = :c").param("c", communityId).query(Long.class)
                .single() == 0) {
            throw new OutOfScopeException();
        }
        var text = name == null ? "" : name.strip();
        if (text.isEmpty() || text.length() > NAME_MAX || text.matches(".*[<>\\p{Cntrl}].*")) {
            throw new InvalidValueException("volunteer.team.error.name", NAME_MAX);
        }
        var why = purpose == null ? "" : purpose.strip();
        if (why.length() > PURPOSE_MAX) {
            throw new InvalidValueException("volunteer.apply.error.too-long", PURPOSE_MAX);
        }
        if (jdbc.sql("select count(*) from volunteer_team where community_id = :c and name = :n").param("c", communityId)
                .param("n", text).query(Long.class).single() > 0) {
            throw new InvalidValueException("volunteer.team.error.name-taken");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer_team (id, community_id, name, purpose, created_at) values (:id, :c, :n, :p, :at)""")
                .param("id", id).param("c", communityId).param("n", text).param("p", why.isEmpty() ? null : why)
                .param("at", Timestamp.from(clock.instant())).update();
        return id;
    }

    public List<Summary> list(AccessScope scope) {
        if (!scope.everything() && scope.communityIds().isEmpty()) {
            return List.of();
        }
        var where = scope.everything() ? "" : " where t.community_id in (:ids)";
        var spec = jdbc.sql("""
                select t.id, t.community_id, c.name as community_name, t.name, t.purpose,
                       (select count(*) from volunteer_team_member m where m.team_id = t.id) as members,
                       (select count(*) from volunteer_team_member m where m.team_id = t.id
                            and (m.leader = true or m.resident_leader = true)) as leaders
                from volunteer_team t join community c on c.id = t.community_id""" + where
                + " order by c.name, t.name");
        if (!scope.everything()) {
            spec = spec.param("ids", scope.communityIds());
        }
        return spec.query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("community_id"),
                rs.getString("community_name"), rs.getString("name"), rs.getString("purpose"), rs.getInt("members"),
                rs.getInt("leaders"))).list();
    }

    public Team team(AccessScope scope, UUID id) {
        var team = jdbc.sql("""
                select t.*, c.name as community_name from volunteer_team t join community c on c.id = t.community_id
                where t.id = :id""").param("id", id)
                .query((rs, n) -> new Team(id, rs.getString("community_id"), rs.getString("community_name"),
                        rs.getString("name"), rs.getString("purpose"), List.of()))
                .optional().orElseThrow(OutOfScopeException::new);
        scope.check(team.communityId());
        var members = jdbc.sql("""
                select v.id, v.name, v.phone, v.categories, m.leader, m.resident_leader
                from volunteer_team_member m join volunteer v on v.id = m.volunteer_id where m.team_id = :t
                order by m.leader desc, m.resident_leader desc, v.name""").param("t", id)
                .query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getString("name"),
                        Masked.phone(rs.getString("phone")),
                        List.copyOf(VolunteerDirectory.categories(rs.getString("categories"))),
                        rs.getBoolean("leader"), rs.getBoolean("resident_leader"))).list();
        return new Team(team.id(), team.communityId(), team.communityName(), team.name(), team.purpose(), members);
    }

    /** Active volunteers of the team's community who are not yet members. */
    public List<Candidate> candidates(AccessScope scope, UUID teamId) {
        var team = team(scope, teamId);
        var members = team.members().stream().map(Member::volunteerId).collect(java.util.stream.Collectors.toSet());
        return jdbc.sql("select id, name, phone, categories from volunteer where community_id = :c and active = true "
                        + "order by name").param("c", team.communityId())
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("name"),
                        Masked.phone(rs.getString("phone")),
                        List.copyOf(VolunteerDirectory.categories(rs.getString("categories")))))
                .list().stream().filter(v -> !members.contains(v.id())).toList();
    }

    @Transactional
    public int addMembers(AccessScope scope, UUID teamId, Collection<UUID> volunteerIds) {
        var team = team(scope, teamId);
        int added = 0;
        for (var volunteerId : new java.util.LinkedHashSet<>(volunteerIds)) {
            var community = jdbc.sql("select community_id from volunteer where id = :v and active = true")
                    .param("v", volunteerId).query(String.class).optional();
            if (community.isEmpty() || !community.get().equals(team.communityId())) {
                throw new InvalidValueException("volunteer.team.error.other-community");
            }
            if (team.members().stream().noneMatch(m -> m.volunteerId().equals(volunteerId))) {
                jdbc.sql("""
                        insert into volunteer_team_member (team_id, volunteer_id, leader, resident_leader, joined_at)
                        values (:t, :v, false, false, :at)""")
                        .param("t", teamId).param("v", volunteerId).param("at", Timestamp.from(clock.instant())).update();
                added++;
            }
        }
        return added;
    }

    @Transactional
    public void removeMember(AccessScope scope, UUID teamId, UUID volunteerId) {
        team(scope, teamId);
        jdbc.sql("delete from volunteer_team_member where team_id = :t and volunteer_id = :v").param("t", teamId)
                .param("v", volunteerId).update();
    }

    /** Marks (or unmarks) a member as team leader and/or resident leader. */
    @Transactional
    public void setRoles(AccessScope scope, UUID teamId, UUID volunteerId, boolean leader, boolean residentLeader) {
        team(scope, teamId);
        int n = jdbc.sql("""
                update volunteer_team_member set leader = :l, resident_leader = :r where team_id = :t and volunteer_id = :v""")
                .param("l", leader).param("r", residentLeader).param("t", teamId).param("v", volunteerId).update();
        if (n == 0) {
            throw new OutOfScopeException();
        }
    }

    public List<Membership> teamsOf(UUID userId) {
        return jdbc.sql("""
                select t.id, t.name, c.name as community_name, t.purpose, m.leader, m.resident_leader,
                       (select count(*) from volunteer_team_member o where o.team_id = t.id) as members
                from volunteer v join volunteer_team_member m on m.volunteer_id = v.id
                join volunteer_team t on t.id = m.team_id join community c on c.id = t.community_id
                where v.user_id = :u order by t.name""").param("u", userId)
                .query((rs, n) -> new Membership(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("community_name"), rs.getString("purpose"), rs.getBoolean("leader"),
                        rs.getBoolean("resident_leader"), rs.getInt("members"))).list();
    }
}
