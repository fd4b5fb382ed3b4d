package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.care.dependant.Dependants;
import org.liandong.care.dependant.Rounds;
import org.liandong.community.Registry;
import org.liandong.community.Stage;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Tier 1 counts per grid per day; daily rounds for elderly residents alone with the 24-hour coverage. */
@LiandongTest
class Tier1AndRoundsIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Rounds rounds;
    @Autowired Dependants dependants;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails staffA;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
    }

    @Test
    void gridWorkersLogContactsAndSeeCountsPerGridPerDay() throws Exception {
        for (var params : List.of(List.of("answered", "screened"), List.of("screened", "symptomatic", "referred"),
                List.of("answered"))) {
            var request = post("/care/tier1").with(user(staffA)).with(csrf()).param("community", street.a().id())
                    .param("grid", "第一网格");
            for (var p : params) {
                request = request.param(p, "true");
            }
            mvc.perform(request).andExpect(flash().attribute("ok", "care.tier1.logged"));
        }
        mvc.perform(post("/care/tier1").with(user(staffA)).with(csrf()).param("community", street.a().id())
                .param("grid", "第九网格").param("answered", "true"))
                .andExpect(flash().attribute("problem", "本社区没有这个网格。"));
        mvc.perform(post("/care/tier1").with(user(staffA)).with(csrf()).param("community", street.a().id())
                .param("grid", "第一网格")).andExpect(flash().attribute("problem",
                "请至少勾选一项：解答问题、症状筛查或转介。"));
        mvc.perform(post("/care/tier1").with(user(staffA)).with(csrf()).param("community", street.b().id())
                .param("grid", "第一网格").param("answered", "true")).andExpect(status().isNotFound());
        var html = mvc.perform(get("/care/tier1").param("community", street.a().id()).with(user(staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("tier1-row");
        var row = html.substring(html.indexOf("tier1-row"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ")).contains("第一网格 3 2 2 1 1");
    }

    @Test
    void elderlyAloneNotReachedGetAVisitDuringRespondAndCountAsReachedAfterIt() throws Exception {
        var scope = ((LiandongUser) staffA).scope();
        mvc.perform(get("/care/rounds").param("community", street.a().id()).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("24 小时内联系上 0 / 1 人")));
        // prepare stage: the watch leaves the community alone
        assertThat(rounds.check(Instant.now())).isZero();
        registry.changeStage((LiandongUser) staffA, street.a().id(), Stage.RESPOND, "封控");
        assertThat(rounds.check(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(rounds.generate(street.a().id(), Instant.now())).as("one open visit is enough").isZero();

        var leaderName = "leader-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(leaderName, "孙建国", Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(),
                List.of(street.a().id()), street.a().households().get(2 % 2));
        var leader = (LiandongUser) users.loadUserByUsername(leaderName);
        var visit = dependants.welfareTasks(leader).stream()
                .filter(t -> t.residentId().equals(street.a().elderlyAloneWithoutCarer())).findFirst().orElseThrow();
        dependants.completeWelfareTask(leader, visit.id(), "老人身体还好，缺鸡蛋", new Dependants.NewCarer(null, null, null));

        var coverage = rounds.coverage((LiandongUser) staffA, street.a().id());
        assertThat(coverage).singleElement().satisfies(c -> {
            assertThat(c.reached(Instant.now())).isTrue();
            assertThat(c.reached(Instant.now().plus(Duration.ofHours(25)))).isFalse();
        });
        // staff can record a phone call too; "no answer" does not count as reached
        mvc.perform(post("/care/rounds/contact").param("community", street.a().id())
                        .param("resident", street.a().elderlyAloneWithoutCarer().toString()).param("reached", "false")
                        .with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.rounds.recorded"));
        assertThat(jdbc.sql("select count(*) from care_welfare_contact where resident_id = :r and reached = false")
                .param("r", street.a().elderlyAloneWithoutCarer()).query(Integer.class).single()).isEqualTo(1);
        assertThat(scope.covers(street.a().id())).isTrue();
    }
}
