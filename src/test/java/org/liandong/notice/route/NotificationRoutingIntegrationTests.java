package org.liandong.notice.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.AccountEmails;
import org.liandong.account.Accounts;
import org.liandong.care.CareAlertRaised;
import org.liandong.care.alert.AlertKind;
import org.liandong.care.alert.CareAlerts;
import org.liandong.notice.Channel;
import org.liandong.notice.Notifications;
import org.liandong.notice.board.NoticeBoard;
import org.liandong.platform.AccessScope;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Other modules' events reach people through the outbox: tasks (volunteer or team), care alerts raised and
 * escalated; in-app always, e-mail where the account has an address, the community's group robots for team
 * tasks; resident names and doors never leave Liandong; an event handled twice notifies once.
 */
@LiandongTest
class NotificationRoutingIntegrationTests {

    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired VolunteerTasks tasks;
    @Autowired Teams teams;
    @Autowired CareAlerts alerts;
    @Autowired Accounts accounts;
    @Autowired AccountEmails emails;
    @Autowired NoticeBoard board;
    @Autowired Notifications notifications;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    record Sent(String title, String body, String link, Channel channel, UUID userId, String address) {
    }

    List<Sent> sent(String subjectRef) {
        return jdbc.sql("""
                select n.title, n.body, n.link, d.channel, d.user_id, d.address from notification n
                join notification_delivery d on d.notification_id = n.id where n.subject_ref = :r order by n.created_at""")
                .param("r", subjectRef)
                .query((rs, i) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3),
                        Channel.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6))).list();
    }

    List<Sent> waitFor(String subjectRef, int deliveries) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sent(subjectRef).size() >= deliveries);
        return sent(subjectRef);
    }

    @Test
    void aTaskReachesItsVolunteerInTheInboxAndByEmailWithoutTheResidentsName() {
        var street = fixtures.street();
        var v = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        emails.set(v.userId(), "wu.xiaowen@example.org");
        var task = tasks.create(street.a().id(), TaskKind.DELIVER, "给 1号楼 101 周秀兰送降压药", null,
                VolunteerTasks.Assignee.volunteer(v.id()), Instant.parse("2026-04-02T02:00:00Z"), "社工");

        var sent = waitFor("task:" + task, 2);
        assertThat(sent).hasSize(2);
        var inApp = sent.stream().filter(s -> s.channel() == Channel.IN_APP).findFirst().orElseThrow();
        assertThat(inApp.userId()).isEqualTo(v.userId());
        assertThat(inApp.title()).isEqualTo("新任务：给 1号楼 101 周秀兰送降压药");
        assertThat(inApp.body()).contains("配送").contains("4月2日 10:00");
        assertThat(inApp.link()).isEqualTo("/volunteer/me/tasks");
        var mail = sent.stream().filter(s -> s.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertThat(mail.address()).isEqualTo("wu.xiaowen@example.org");
        assertThat(mail.title() + mail.body()).contains("新的志愿任务").doesNotContain("周秀兰").doesNotContain("101");
    }

    @Test
    void aTeamTaskReachesEveryMemberAndTheCommunitysGroupRobotAndAReassignmentIsANewMessage() {
        var street = fixtures.street();
        var cats = Set.of(VolunteerCategory.GATE);
        var alice = volunteerFixtures.volunteer(street.a().id(), cats, Availability.always());
        var bob = volunteerFixtures.volunteer(street.a().id(), cats, Availability.always());
        var carol = volunteerFixtures.volunteer(street.a().id(), cats, Availability.always());
        var scope = AccessScope.of(List.of(street.a().id()));
        var team = teams.create(scope, street.a().id(), "东门防控队", "守东门");
        teams.addMembers(scope, team, List.of(alice.id(), bob.id()));
        board.addWebhook(scope, street.a().id(), "居委会工作群", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=t");

        var task = tasks.create(street.a().id(), TaskKind.DISINFECT, "东门岗亭消杀", null,
                VolunteerTasks.Assignee.team(team), null, "社工");
        var sent = waitFor("task:" + task, 3);
        assertThat(sent).filteredOn(s -> s.channel() == Channel.IN_APP).extracting(Sent::userId)
                .containsExactlyInAnyOrder(alice.userId(), bob.userId());
        assertThat(sent).filteredOn(s -> s.channel() == Channel.WEBHOOK).singleElement()
                .satisfies(s -> assertThat(s.body()).contains("东门防控队"));

        var staff = (LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        tasks.reassign(staff, task, VolunteerTasks.Assignee.volunteer(carol.id()));
        await().atMost(Duration.ofSeconds(20)).until(() -> sent("task:" + task).stream()
                .anyMatch(s -> carol.userId().equals(s.userId())));
    }

    @Test
    void aCareAlertReachesItsWorkerAndAnEscalationTheStreetAdminsOnceEach() {
        var street = fixtures.street();
        var worker = accounts.create("sw-" + UUID.randomUUID().toString().substring(0, 8), "社工小李", Fixtures.PASSWORD,
                Role.SOCIAL_WORKER, List.of(), List.of(street.a().id()), null);
        emails.set(worker, "li@example.org");
        var now = Instant.now();
        var alert = alerts.raise(new CareAlerts.NewAlert(street.a().id(), AlertKind.FEVER, "observation",
                UUID.randomUUID(), street.a().elderlyAloneWithoutCarer(), "王独居", "38.6 °C",
                "test:" + UUID.randomUUID(), null, Duration.ofMinutes(30)), now).orElseThrow();

        var sent = waitFor("care-alert:" + alert, 2);
        assertThat(sent).extracting(Sent::channel).containsExactlyInAnyOrder(Channel.IN_APP, Channel.EMAIL);
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.title()).startsWith("照护提醒：发热");
            assertThat(s.title() + s.body()).doesNotContain("王独居");
            assertThat(s.link()).isEqualTo("/care/alerts");
        });
        assertThat(sent).filteredOn(s -> s.channel() == Channel.IN_APP).extracting(Sent::userId).containsExactly(worker);

        // the same event delivered again (republished after a crash) notifies nobody twice
        tx.executeWithoutResult(s -> events.publishEvent(new CareAlertRaised(alert, street.a().id(), "FEVER", null,
                now.plusSeconds(1800), now)));
        alerts.escalateDue(now.plus(Duration.ofHours(1)));
        var admin = accounts.idOf(street.streetAdminUsername()).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> sent("care-alert:" + alert).stream()
                .anyMatch(s -> admin.equals(s.userId())));
        var all = sent("care-alert:" + alert);
        assertThat(all).filteredOn(s -> s.title().startsWith("照护提醒已升级")).extracting(Sent::userId)
                .containsExactly(admin);
        assertThat(jdbc.sql("select count(*) from notification where subject_ref = :r")
                .param("r", "care-alert:" + alert).query(Long.class).single())
                .as("one for the worker, one for the escalation").isEqualTo(2L);
    }
}
