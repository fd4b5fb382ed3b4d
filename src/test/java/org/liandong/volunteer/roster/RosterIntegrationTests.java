package org.liandong.volunteer.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Posts, shifts, solving, publishing, scope, edits and swaps, through the web layer and the services. */
@LiandongTest
class RosterIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired UserDetailsService users;
    @Autowired Posts posts;
    @Autowired DutyRosters rosters;
    @Autowired ShiftSwaps swaps;
    @Autowired JdbcClient jdbc;

    UserDetails account(String username) {
        return users.loadUserByUsername(username);
    }

    int rows(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    @Test
    void staffDefineSolveAndPublishAndVolunteersSeeTheirShifts() throws Exception {
        var street = fixtures.street();
        var staff = account(street.a().staffUsername());
        var team = volunteers.volunteers(street.a().id(), 12, Set.of(VolunteerCategory.GATE), Availability.always());
        mvc.perform(post("/volunteer/rosters/posts").param("community", street.a().id()).param("kind", "GATE")
                        .param("name", "东门").param("category", "GATE").param("address", "测试路1号")
                        .with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "roster.post.saved"));
        var post = posts.of(((LiandongUser) staff).scope(), street.a().id()).getFirst();
        for (var t : new String[][] {{"06:00", "14:00", "false"}, {"14:00", "22:00", "false"}, {"22:00", "06:00", "true"}}) {
            mvc.perform(post("/volunteer/rosters/posts/{p}/templates", post.id()).param("start", t[0]).param("end", t[1])
                            .param("overnight", t[2]).param("headcount", "1").with(user(staff)).with(csrf()))
                    .andExpect(flash().attribute("ok", "roster.template.saved"));
        }
        mvc.perform(get("/volunteer/rosters").param("community", street.a().id()).with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("东门")))
                .andExpect(content().string(containsString("22:00–06:00")));

        var created = mvc.perform(post("/volunteer/rosters").param("community", street.a().id())
                        .param("start", RosterFixtures.nextMonday().toString()).param("weeks", "1")
                        .with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        var location = created.getResponse().getRedirectedUrl();
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/volunteer/rosters/{id}", id).with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("hx-trigger=\"every 1s\"")));
        RosterFixtures.await(rosters, (LiandongUser) staff, id);
        mvc.perform(get("/volunteer/rosters/{id}/progress", id).with(user(staff)).header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"));
        mvc.perform(get("/volunteer/rosters/{id}", id).with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已排 21 / 21 个班位")))
                .andExpect(content().string(containsString("所有班位都已排满")));
        assertThat(rosters.explain(((LiandongUser) staff).scope(), id).feasible()).isTrue();

        // volunteers see nothing until the roster is published
        var someone = team.getFirst();
        mvc.perform(get("/volunteer/me/shifts").with(user(account(someone.username()))))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("东门"))));
        mvc.perform(post("/volunteer/rosters/{id}/publish", id).with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("ok", "roster.published"));
        var onDuty = jdbc.sql("select volunteer_id from volunteer_shift where roster_id = :r and volunteer_id is not null"
                + " order by starts_at").param("r", id).query(UUID.class).list().getFirst();
        var volunteer = team.stream().filter(v -> v.id().equals(onDuty)).findFirst().orElseThrow();
        mvc.perform(get("/volunteer/me/shifts").with(user(account(volunteer.username()))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("东门")))
                .andExpect(content().string(containsString("测试路1号")));
    }

    @Test
    void aTimeLimitGivenWithTheRosterEndsTheSearchBeforeTheConfiguredOne() {
        var street = fixtures.street();
        var staff = (LiandongUser) account(street.a().staffUsername());
        volunteers.volunteers(street.a().id(), 4, Set.of(VolunteerCategory.GATE), Availability.always());
        RosterFixtures.gatePost(posts, staff, street.a().id(), "东门");
        long start = System.nanoTime();
        // the test profile lets a solve run 3 s; a spent limit never ends a search sooner on its own
        var id = rosters.create(staff, street.a().id(), RosterFixtures.nextMonday(), 1, java.time.Duration.ofMillis(200));
        RosterFixtures.await(rosters, staff, id);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(3));
        assertThat(rosters.roster(staff.scope(), id).filled()).isPositive();
    }

    @Test
    void moreSeatsThanPeopleGiveARosterWithEmptySeatsCounted() throws Exception {
        var street = fixtures.street();
        var staff = (LiandongUser) account(street.a().staffUsername());
        volunteers.volunteers(street.a().id(), 2, Set.of(VolunteerCategory.GATE), Availability.always());
        RosterFixtures.gatePost(posts, staff, street.a().id(), "南门");
        RosterFixtures.gatePost(posts, staff, street.a().id(), "北门");
        var id = rosters.create(staff, street.a().id(), RosterFixtures.nextMonday(), 1);
        RosterFixtures.await(rosters, staff, id);
        var explanation = rosters.explain(staff.scope(), id);
        assertThat(explanation.feasible()).isTrue();
        assertThat(explanation.unfilled()).isPositive();
        mvc.perform(get("/volunteer/rosters/{id}", id).with(user(account(street.a().staffUsername()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("还有 " + explanation.unfilled() + " 个班位没人")))
                .andExpect(content().string(containsString("班位空缺")));
        mvc.perform(get("/volunteer/rosters/{id}", id).with(user(account(street.a().staffUsername())))
                        .cookie(new Cookie("ld-lang", "en")))
                .andExpect(content().string(containsString(explanation.unfilled() + " seats have nobody")));
    }

    @Test
    void staffOfAnotherCommunitySeeNothingOfItsRosters() throws Exception {
        var gate = RosterFixtures.published(fixtures, volunteers, users, posts, rosters);
        var staffB = account(gate.street().b().staffUsername());
        mvc.perform(get("/volunteer/rosters/{id}", gate.rosterId()).with(user(staffB))).andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/rosters").param("community", gate.street().a().id()).with(user(staffB)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/rosters/posts/{p}/templates", gate.postId()).param("start", "08:00")
                        .param("end", "12:00").param("headcount", "1").with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/rosters/{id}/print.pdf", gate.rosterId()).param("post", gate.postId().toString())
                        .with(user(staffB)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/rosters/{id}/publish", gate.rosterId()).with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        // volunteers cannot open the staff pages at all
        mvc.perform(get("/volunteer/rosters").with(user(account(gate.volunteers().getFirst().username()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsWritten() throws Exception {
        var street = fixtures.street();
        var staffA = account(street.a().staffUsername());
        var staff = (LiandongUser) staffA;
        var post = RosterFixtures.gatePost(posts, staff, street.a().id(), "西门");
        var templates = rows("volunteer_shift_template");
        mvc.perform(post("/volunteer/rosters/posts/{p}/templates", post).param("start", "14:00").param("end", "06:00")
                        .param("headcount", "1").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("结束时间早于开始时间")));
        mvc.perform(post("/volunteer/rosters/posts/{p}/templates", post).param("start", "06:00").param("end", "14:00")
                        .param("headcount", "0").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("1 到 5 人")));
        mvc.perform(post("/volunteer/rosters/posts/{p}/templates", post).param("start", "6 o'clock")
                        .param("end", "14:00").param("headcount", "1").with(user(staffA)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(rows("volunteer_shift_template")).isEqualTo(templates);

        var rosterRows = rows("volunteer_roster");
        mvc.perform(post("/volunteer/rosters").param("community", street.a().id())
                        .param("start", RosterFixtures.nextMonday().toString()).param("weeks", "5")
                        .with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("1 到 4 周")));
        mvc.perform(post("/volunteer/rosters").param("community", street.b().id())
                        .param("start", RosterFixtures.nextMonday().toString()).param("weeks", "1")
                        .with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("你负责范围内的社区")));
        mvc.perform(post("/volunteer/rosters").param("community", street.a().id()).param("start", "")
                        .param("weeks", "1").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("开始日期")));
        assertThat(rows("volunteer_roster")).isEqualTo(rosterRows);

        mvc.perform(post("/volunteer/rosters/posts").param("community", street.a().id()).param("kind", "GATE")
                        .param("name", "西门").param("category", "GATE").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("已有名为“西门”的岗位")));
        mvc.perform(post("/volunteer/rosters/posts").param("community", street.a().id()).param("kind", "NOPE")
                        .param("name", "后门").param("category", "GATE").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("岗位类型")));

        // an unknown volunteer for a seat: refused, the seat unchanged
        volunteers.volunteers(street.a().id(), 4, Set.of(VolunteerCategory.GATE), Availability.always());
        var id = rosters.create(staff, street.a().id(), RosterFixtures.nextMonday(), 1);
        RosterFixtures.await(rosters, staff, id);
        var shift = rosters.shifts(staff.scope(), id).getFirst();
        mvc.perform(post("/volunteer/rosters/{id}/shifts/{s}", id, shift.id()).param("volunteer",
                        UUID.randomUUID().toString()).with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("找不到这位志愿者")));
        mvc.perform(post("/volunteer/rosters/{id}/shifts/{s}", id, shift.id()).param("volunteer", "x")
                        .with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("找不到这位志愿者")));
        assertThat(rosters.shifts(staff.scope(), id).getFirst().volunteerId()).isEqualTo(shift.volunteerId());
    }

    @Test
    void manualEditsAreSavedWithLiveWarnings() throws Exception {
        var street = fixtures.street();
        var staffA = account(street.a().staffUsername());
        var staff = (LiandongUser) staffA;
        volunteers.volunteers(street.a().id(), 6, Set.of(VolunteerCategory.GATE), Availability.always());
        var driver = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        RosterFixtures.gatePost(posts, staff, street.a().id(), "东门");
        var id = rosters.create(staff, street.a().id(), RosterFixtures.nextMonday(), 1);
        RosterFixtures.await(rosters, staff, id);
        var shift = rosters.shifts(staff.scope(), id).getFirst();
        // the roster page carries no list of volunteers per seat; a seat's editor loads it when asked
        var page = mvc.perform(get("/volunteer/rosters/{id}", id).with(user(staffA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain(">" + driver.name() + "<").contains("seat-" + shift.id());
        mvc.perform(get("/volunteer/rosters/{id}/shifts/{s}", id, shift.id()).header("HX-Request", "true")
                        .with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(driver.name())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
        mvc.perform(get("/volunteer/rosters/{id}/shifts/{s}", id, shift.id()).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<html")));
        mvc.perform(get("/volunteer/rosters/{id}/shifts/{s}", id, UUID.randomUUID()).with(user(staffA)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/rosters/{id}/shifts/{s}", id, shift.id())
                .with(user(account(street.b().staffUsername())))).andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/rosters/{id}/shifts/{s}/check", id, shift.id())
                        .param("volunteer", driver.id().toString()).header("HX-Request", "true").with(user(staffA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("志愿者没有岗位所需的类别或证书")));
        // the warning does not block the save
        mvc.perform(post("/volunteer/rosters/{id}/shifts/{s}", id, shift.id()).param("volunteer", driver.id().toString())
                        .with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "roster.shift.saved"));
        assertThat(rosters.shifts(staff.scope(), id).getFirst().volunteerId()).isEqualTo(driver.id());
        assertThat(rosters.explain(staff.scope(), id).count(RosterConstraints.MISSING_CATEGORY)).isEqualTo(1);
        mvc.perform(get("/volunteer/rosters/{id}", id).with(user(staffA)))
                .andExpect(content().string(containsString("志愿者没有岗位所需的类别或证书")));
    }

    @Test
    void swapsAreRefusedWhenTheColleagueCannotTakeTheShiftAndMoveTheShiftWhenApproved() throws Exception {
        var gate = RosterFixtures.published(fixtures, volunteers, users, posts, rosters);
        var staff = (LiandongUser) account(gate.street().a().staffUsername());
        var shift = rosters.shifts(staff.scope(), gate.rosterId()).getFirst();
        var holder = gate.volunteers().stream().filter(v -> v.id().equals(shift.volunteerId())).findFirst().orElseThrow();
        var me = (LiandongUser) account(holder.username());
        var driver = volunteers.volunteer(gate.street().a().id(), Set.of(VolunteerCategory.DELIVERY),
                Availability.always());
        var never = volunteers.volunteer(gate.street().a().id(), Set.of(VolunteerCategory.GATE),
                Availability.of(new boolean[7][3]));
        var tired = volunteers.volunteer(gate.street().a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        jdbc.sql("update volunteer set hours_per_week = 4 where id = :id").param("id", tired.id()).update();
        var neighbour = volunteers.volunteer(gate.street().b().id(), Set.of(VolunteerCategory.GATE),
                Availability.always());
        var fresh = volunteers.volunteer(gate.street().a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var before = rows("volunteer_swap_request");

        assertThatThrownBy(() -> swaps.request(me, shift.id(), driver.id()))
                .isInstanceOf(InvalidValueException.class).hasMessage("roster.swap.problem.category");
        assertThatThrownBy(() -> swaps.request(me, shift.id(), never.id()))
                .isInstanceOf(InvalidValueException.class).hasMessage("roster.swap.problem.unavailable");
        assertThatThrownBy(() -> swaps.request(me, shift.id(), tired.id()))
                .isInstanceOf(InvalidValueException.class).hasMessage("roster.swap.problem.hours");
        assertThatThrownBy(() -> swaps.request(me, shift.id(), neighbour.id()))
                .isInstanceOf(InvalidValueException.class).hasMessage("roster.swap.problem.colleague");
        mvc.perform(post("/volunteer/me/shifts/{s}/swap", shift.id()).param("colleague", driver.id().toString())
                        .with(user(account(holder.username()))).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("对方没有这个岗位所需的志愿者类别")));
        assertThat(rows("volunteer_swap_request")).isEqualTo(before);

        // a colleague on the roster whose shift is 8 h before or after this one would not rest enough
        var shifts = rosters.shifts(staff.scope(), gate.rosterId());
        var next = shifts.stream().filter(s -> s.start().equals(shift.end()) && s.volunteerId() != null
                && !s.volunteerId().equals(holder.id())).findFirst();
        if (next.isPresent()) {
            var colleague = next.get().volunteerId();
            assertThatThrownBy(() -> swaps.request(me, shift.id(), colleague))
                    .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("roster.swap.problem.");
        }

        mvc.perform(post("/volunteer/me/shifts/{s}/swap", shift.id()).param("colleague", fresh.id().toString())
                        .with(user(account(holder.username()))).with(csrf()))
                .andExpect(flash().attribute("ok", "roster.swap.requested"));
        var swap = swaps.pendingFor(staff).stream().filter(s -> s.shiftId().equals(shift.id())).findFirst().orElseThrow();
        // staff of another community may not decide it
        mvc.perform(post("/volunteer/swaps/{id}", swap.id()).param("approve", "true")
                        .with(user(account(gate.street().b().staffUsername()))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/swaps/{id}", swap.id()).param("approve", "true")
                        .with(user(account(gate.street().a().staffUsername()))).with(csrf()))
                .andExpect(flash().attribute("ok", "roster.swap.approved"));
        assertThat(rosters.shifts(staff.scope(), gate.rosterId()).stream().filter(s -> s.id().equals(shift.id()))
                .findFirst().orElseThrow().volunteerId()).isEqualTo(fresh.id());
        mvc.perform(get("/volunteer/me/shifts").with(user(account(fresh.username()))))
                .andExpect(content().string(containsString("东门")));
    }

    @Test
    void aTeamLeaderOfTheCommunityDecidesSwapsAndAnOrdinaryVolunteerCannot() throws Exception {
        var gate = RosterFixtures.published(fixtures, volunteers, users, posts, rosters);
        var staff = (LiandongUser) account(gate.street().a().staffUsername());
        var shift = rosters.shifts(staff.scope(), gate.rosterId()).stream().filter(s -> s.volunteerId() != null)
                .findFirst().orElseThrow();
        var holder = gate.volunteers().stream().filter(v -> v.id().equals(shift.volunteerId())).findFirst().orElseThrow();
        var fresh = volunteers.volunteer(gate.street().a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var leader = volunteers.volunteer(gate.street().a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var team = UUID.randomUUID();
        jdbc.sql("insert into volunteer_team (id, community_id, name, created_at) values (:id, :c, :n, current_timestamp)")
                .param("id", team).param("c", gate.street().a().id()).param("n", "东门队" + team.toString().substring(0, 6))
                .update();
        jdbc.sql("""
                insert into volunteer_team_member (team_id, volunteer_id, leader, resident_leader, joined_at)
                values (:t, :v, true, false, current_timestamp)""").param("t", team).param("v", leader.id()).update();
        var swap = swaps.request((LiandongUser) account(holder.username()), shift.id(), fresh.id());

        mvc.perform(get("/volunteer/me/shifts").with(user(account(leader.username()))))
                .andExpect(content().string(containsString("待审批的换班")));
        mvc.perform(post("/volunteer/swaps/{id}", swap).param("approve", "true")
                        .with(user(account(fresh.username()))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/swaps/{id}", swap).param("approve", "false")
                        .with(user(account(leader.username()))).with(csrf()))
                .andExpect(flash().attribute("ok", "roster.swap.refused"));
        assertThat(rosters.shifts(staff.scope(), gate.rosterId()).stream().filter(s -> s.id().equals(shift.id()))
                .findFirst().orElseThrow().volunteerId()).isEqualTo(holder.id());
        assertThatThrownBy(() -> swaps.decide((LiandongUser) account(leader.username()), swap, true))
                .isInstanceOf(InvalidValueException.class).hasMessage("roster.swap.problem.decided");
    }
}
