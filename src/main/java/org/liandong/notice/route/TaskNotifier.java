package org.liandong.notice.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.liandong.notice.Notification;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.liandong.notice.board.NoticeBoard;
import org.liandong.platform.AccessScope;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.VolunteerTaskAssigned;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A task given to a volunteer or a team reaches them: in their inbox with the task's title; by e-mail (and,
 * for a team, in the community's group robots) only as "a new task of this kind", because titles often name
 * a resident and a door ("给 1号楼 101 周秀兰送降压药") and those stay inside Liandong.
 */
@Component
class TaskNotifier {

    static final String LINK = "/volunteer/me/tasks";

    private final Notifications notifications;
    private final VolunteerDirectory volunteers;
    private final Teams teams;
    private final NoticeBoard board;
    private final People people;

    TaskNotifier(Notifications notifications, VolunteerDirectory volunteers, Teams teams, NoticeBoard board,
                 People people) {
        this.notifications = notifications;
        this.volunteers = volunteers;
        this.teams = teams;
        this.board = board;
        this.people = people;
    }

    @ApplicationModuleListener
    void on(VolunteerTaskAssigned event) {
        var users = new ArrayList<UUID>();
        String teamName = null;
        if (event.volunteerId() != null) {
            volunteers.byId(event.volunteerId()).ifPresent(v -> users.add(v.userId()));
        } else if (event.teamId() != null) {
            var team = teams.team(AccessScope.of(List.of(event.communityId())), event.teamId());
            teamName = team.name();
            team.members().stream().map(m -> volunteers.byId(m.volunteerId())).flatMap(Optional::stream)
                    .forEach(v -> users.add(v.userId()));
        }
        if (users.isEmpty()) {
            return; // a team without members: the staff's task list still shows it as open
        }
        var kind = people.text(event.kind().messageKey());
        var due = event.due() == null ? "" : people.text("notice.route.task.due", People.when(event.due()));
        var team = teamName == null ? "" : people.text("notice.route.task.team", teamName);
        var key = "task-assigned:" + event.taskId() + ":" + event.at().toEpochMilli();
        var ref = "task:" + event.taskId();
        notifications.enqueue(Notification.of("TASK", people.text("notice.route.task.title", event.title()),
                        people.text("notice.route.task.body", kind, due + team), people.inApp(users))
                .in(event.communityId()).about(ref, LINK).once(key));
        var outside = new ArrayList<Recipient>(people.byEmail(users));
        if (teamName != null) {
            board.webhooks(List.of(event.communityId())).forEach(url -> outside.add(Recipient.webhook(url)));
        }
        if (!outside.isEmpty()) {
            notifications.enqueue(Notification.of("TASK", people.text("notice.route.task.external-title", kind),
                            people.text("notice.route.task.external-body", kind, due + team), outside)
                    .in(event.communityId()).about(ref, LINK).once(key + ":outside"));
        }
    }
}
