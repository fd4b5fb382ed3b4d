package org.liandong.notice.thread;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.liandong.notice.Notification;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A thread per volunteer team for its members and the staff of its community, with unread counts per
 * person; a new message reaches the other members' inboxes through the outbox.
 */
@Service
public class TeamThreads {

    public record TeamRow(UUID teamId, String name, String communityName, long unread) {
    }

    public record Conversation(UUID teamId, String name, String communityName,
                               List<HouseholdThreads.Message> messages) {
    }

    private final JdbcClient jdbc;
    private final Teams teams;
    private final VolunteerDirectory volunteers;
    private final Notifications notifications;
    private final MessageSource messages;
    private final Clock clock;

    TeamThreads(JdbcClient jdbc, Teams teams, VolunteerDirectory volunteers, Notifications notifications,
                MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.volunteers = volunteers;
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    /** The teams this person may talk in: their own as a volunteer, those of their communities as staff. */
    public List<TeamRow> mine(LiandongUser me) {
        var rows = new ArrayList<TeamRow>();
        if (me.role().staff()) {
            teams.list(me.scope()).forEach(t -> rows.add(new TeamRow(t.id(), t.name(), t.communityName(),
                    unread(me, t.id()))));
        } else {
            teams.teamsOf(me.userId()).forEach(t -> rows.add(new TeamRow(t.teamId(), t.teamName(), t.communityName(),
                    unread(me, t.teamId()))));
        }
        return rows;
    }

    @Transactional
    public Conversation read(LiandongUser me, UUID teamId) {
        var team = team(me, teamId);
        var now = Timestamp.from(clock.instant());
        if (jdbc.sql("update team_thread_read set read_at = :at where team_id = :t and user_id = :u")
                .param("at", now).param("t", teamId).param("u", me.userId()).update() == 0) {
            jdbc.sql("insert into team_thread_read (team_id, user_id, read_at) values (:t, :u, :at)")
                    .param("t", teamId).param("u", me.userId()).param("at", now).update();
        }
        var list = jdbc.sql("""
                select from_staff, author_name, body, created_at from team_thread_message where team_id = :t
                order by created_at, id""").param("t", teamId)
                .query((rs, n) -> new HouseholdThreads.Message(rs.getBoolean(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
        return new Conversation(teamId, team.name(), team.communityName(), list);
    }

    @Transactional
    public void write(LiandongUser me, UUID teamId, String body) {
        var team = team(me, teamId);
        var text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidValueException("notice.thread.empty");
        }
        if (text.length() > HouseholdThreads.BODY_MAX) {
            throw new InvalidValueException("notice.thread.too-long", HouseholdThreads.BODY_MAX);
        }
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into team_thread_message (id, team_id, community_id, author_id, author_name, from_staff, body,
                    created_at) values (:id, :t, :c, :a, :name, :staff, :body, :at)""")
                .param("id", UUID.randomUUID()).param("t", teamId).param("c", team.communityId())
                .param("a", me.userId()).param("name", me.displayName()).param("staff", me.role().staff())
                .param("body", text).param("at", now).update();
        var others = team.members().stream().map(m -> volunteers.byId(m.volunteerId())).flatMap(Optional::stream)
                .map(VolunteerDirectory.VolunteerView::userId).filter(u -> !u.equals(me.userId()))
                .map(Recipient::user).toList();
        if (!others.isEmpty()) {
            var title = messages.getMessage("notice.team-thread.new-message", new Object[] {team.name(), me.displayName()},
                    Locale.SIMPLIFIED_CHINESE);
            notifications.enqueue(Notification.of("TEAM_MESSAGE", title, text, others).in(team.communityId())
                    .about("team:" + teamId, "/team-threads/" + teamId));
        }
    }

    private long unread(LiandongUser me, UUID teamId) {
        return jdbc.sql("""
                select count(*) from team_thread_message m where m.team_id = :t and m.author_id <> :u
                  and m.created_at > coalesce((select r.read_at from team_thread_read r
                                               where r.team_id = :t and r.user_id = :u), :epoch)""")
                .param("t", teamId).param("u", me.userId()).param("epoch", Timestamp.valueOf("2000-01-01 00:00:00"))
                .query(Long.class).single();
    }

    private Teams.Team team(LiandongUser me, UUID teamId) {
        if (me.role().staff()) {
            return teams.team(me.scope(), teamId);
        }
        var member = teams.teamsOf(me.userId()).stream().anyMatch(t -> t.teamId().equals(teamId));
        if (!member) {
            throw new OutOfScopeException();
        }
        return teams.team(AccessScope.all(), teamId);
    }
}
