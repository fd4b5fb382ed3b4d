package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.ApplicationQueue;
import org.liandong.volunteer.ApplicationStatus;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.TaskStatus;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.VolunteerTasks;
import org.liandong.volunteer.gate.GateDesk;
import org.liandong.volunteer.roster.DutyRosters;
import org.liandong.volunteer.roster.Post;
import org.liandong.volunteer.roster.PostKind;
import org.liandong.volunteer.roster.Posts;
import org.liandong.volunteer.roster.RosterStatus;
import org.liandong.volunteer.roster.ShiftTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's volunteers, in the same small demo as {@link DemoDataIntegrationTests} (same context): the queue,
 * the teams, the posts and gates of 张家浜居委会, and the {@code volunteer} login with published shifts, tasks,
 * hours and a certificate.
 */
@LiandongTest
@TestPropertySource(properties = {"liandong.demo.enabled=true", "liandong.demo.populated-communities-per-street=2",
        "liandong.demo.residents-per-community=200"})
class DemoVolunteersIntegrationTests {

    static final String ZHANGJIABANG = DemoDataIntegrationTests.ZHANGJIABANG;
    static final String JIANSHE = "420102017001";

    @Autowired DemoVolunteers demo;
    @Autowired UserDetailsService users;
    @Autowired ApplicationQueue queue;
    @Autowired VolunteerDirectory directory;
    @Autowired VolunteerTasks tasks;
    @Autowired ServiceHours hours;
    @Autowired Teams teams;
    @Autowired Posts posts;
    @Autowired DutyRosters rosters;
    @Autowired GateDesk gates;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;

    UUID rosterId;

    @BeforeEach
    void rosterIsPublished() throws Exception {
        rosterId = demo.rosterPublished().get(120, TimeUnit.SECONDS);
    }

    private LiandongUser account(String username) {
        return (LiandongUser) users.loadUserByUsername(username);
    }

    private ApplicationQueue.Page search(ApplicationStatus status, int minScore, boolean referred, boolean duplicates) {
        return queue.search(account("social-worker").scope(), new ApplicationQueue.Query(status, ZHANGJIABANG, null,
                minScore, referred, duplicates, ApplicationQueue.Sort.SCORE), 0);
    }

    @Test
    void theVettingQueueHasSixtyOpenApplicationsWithDuplicatesReferralsAndLowScores() throws Exception {
        var open = search(ApplicationStatus.SUBMITTED, 0, false, false);
        assertThat(open.total()).isEqualTo(60);
        assertThat(open.counts()).containsEntry(ApplicationStatus.APPROVED, 40L)
                .containsEntry(ApplicationStatus.ON_HOLD, 2L).containsEntry(ApplicationStatus.REJECTED, 5L);
        assertThat(search(ApplicationStatus.SUBMITTED, 0, false, true).total()).isEqualTo(3);
        assertThat(search(ApplicationStatus.SUBMITTED, 0, true, false).total()).isBetween(10L, 20L);
        var promising = search(ApplicationStatus.SUBMITTED, 60, false, false).total();
        assertThat(promising).isBetween(15L, 50L);
        assertThat(open.rows()).extracting(ApplicationQueue.Row::motivationScore).anyMatch(s -> s < 40);
        assertThat(search(ApplicationStatus.APPROVED, 0, true, false).total()).isEqualTo(10);

        mvc.perform(get("/volunteer/applications").with(user(users.loadUserByUsername("social-worker"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("张家浜居委会")));
    }

    @Test
    void threeTeamsWithLeadersAndResidentLeadersAndOneInWuhan() {
        var fenglin = teams.list(account("staff-fenglin").scope());
        assertThat(fenglin).extracting(Teams.Summary::name)
                .containsExactlyInAnyOrder(DemoVolunteers.TEAM_1, DemoVolunteers.TEAM_2, DemoVolunteers.TEAM_DELIVERY);
        for (var summary : fenglin) {
            var team = teams.team(account("staff-fenglin").scope(), summary.id());
            assertThat(team.members()).hasSizeGreaterThanOrEqualTo(7);
            assertThat(team.members()).anyMatch(Teams.Member::leader).anyMatch(Teams.Member::residentLeader);
        }
        var wuhan = teams.list(account("staff-wuhan").scope());
        assertThat(wuhan).singleElement().satisfies(t -> {
            assertThat(t.communityId()).isEqualTo(JIANSHE);
            assertThat(t.members()).isEqualTo(6);
        });
    }

    @Test
    void fourGatePostsWithThreeShiftsAroundTheClockAPickUpPointAndMatchingGates() {
        var staff = account("staff-fenglin");
        var all = posts.of(staff.scope(), ZHANGJIABANG);
        var gatePosts = all.stream().filter(p -> p.kind() == PostKind.GATE).toList();
        assertThat(gatePosts).extracting(Post::name).containsExactlyInAnyOrderElementsOf(DemoVolunteers.GATES);
        for (var post : gatePosts) {
            assertThat(post.templates()).extracting(ShiftTemplate::start)
                    .containsExactly(LocalTime.of(6, 0), LocalTime.of(14, 0), LocalTime.of(22, 0));
            assertThat(post.templates()).allMatch(t -> t.hours() == 8);
        }
        assertThat(all).anyMatch(p -> p.kind() == PostKind.PICKUP_POINT && p.name().equals(DemoVolunteers.PICKUP_POINT));
        assertThat(gates.gates(staff.scope(), ZHANGJIABANG)).extracting(GateDesk.Gate::name)
                .containsExactlyInAnyOrderElementsOf(DemoVolunteers.GATES);
        assertThat(gates.policy(ZHANGJIABANG)).contains(new GateDesk.Policy(1, 2));
        var events = jdbc.queryForList("select kind, flag from gate_event where community_id = ?", ZHANGJIABANG);
        assertThat(events).extracting(e -> e.get("kind")).contains("OUT", "IN", "REFUSED", "VISITOR", "DELIVERY");
        assertThat(events).extracting(e -> e.get("flag")).contains("QUOTA_USED", "UNKNOWN_PASS");
    }

    @Test
    void aPublishedTwoWeekRosterFromThisWeek() {
        var staff = account("staff-fenglin");
        var roster = rosters.roster(staff.scope(), rosterId);
        assertThat(roster.communityId()).isEqualTo(ZHANGJIABANG);
        assertThat(roster.status()).isEqualTo(RosterStatus.PUBLISHED);
        assertThat(roster.weeks()).isEqualTo(2);
        var today = LocalDate.now(clock);
        assertThat(roster.start()).isAfter(today.minusDays(7)).isBeforeOrEqualTo(today);
        assertThat(roster.seats()).isEqualTo(14 * (4 * 3 + 2));
        assertThat(roster.filled()).isGreaterThan(roster.seats() / 2);
        assertThat(rosters.explain(staff.scope(), rosterId).feasible()).isTrue();
    }

    @Test
    void theVolunteerLoginHasShiftsTasksHoursACertificateAndACheckIn() throws Exception {
        var login = account(DemoVolunteers.VOLUNTEER_LOGIN);
        var me = directory.byUser(login.userId()).orElseThrow();
        assertThat(me.communityId()).isEqualTo(ZHANGJIABANG);
        assertThat(me.name()).isEqualTo(login.displayName());

        var today = LocalDate.now(clock);
        var shifts = rosters.publishedShiftsOf(me.id(), today);
        assertThat(shifts).hasSizeGreaterThanOrEqualTo(DemoVolunteers.LOGIN_SHIFTS);
        assertThat(shifts).allMatch(s -> s.rosterId().equals(rosterId));
        mvc.perform(get("/volunteer/me/shifts").with(user(users.loadUserByUsername("volunteer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(shifts.getFirst().postName())));

        assertThat(tasks.mine(me.id())).extracting(VolunteerTasks.TaskView::status)
                .contains(TaskStatus.DONE, TaskStatus.ACCEPTED, TaskStatus.OPEN);
        assertThat(teams.teamsOf(login.userId())).extracting(Teams.Membership::teamName)
                .contains(DemoVolunteers.TEAM_1, DemoVolunteers.TEAM_DELIVERY);
        assertThat(hours.totals(me.id()).minutes()).isGreaterThanOrEqualTo(16 * 60);
        assertThat(hours.entries(me.id())).extracting(ServiceHours.Entry::source)
                .contains(ServiceHours.Source.TASK, ServiceHours.Source.CORRECTION);
        assertThat(jdbc.queryForObject("select count(*) from volunteer_certificate where volunteer_id = ?",
                Long.class, me.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from wellbeing_checkin where user_id = ?", Long.class,
                login.userId())).isEqualTo(1);
        var states = jdbc.queryForList("select distinct status from volunteer_task where community_id = ?",
                String.class, ZHANGJIABANG);
        assertThat(states).containsExactlyInAnyOrder("OPEN", "ACCEPTED", "DONE", "DECLINED", "CANCELLED");
        // the thank-you board of the month has the volunteer login and the gate volunteers with paper hours
        assertThat(hours.month(ZHANGJIABANG, java.time.YearMonth.now(ServiceHours.ZONE)))
                .hasSizeGreaterThanOrEqualTo(10).anyMatch(line -> line.volunteerId().equals(me.id()));
    }
}
