package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.dependant.Dependants;
import org.liandong.care.observation.Observations;
import org.liandong.community.Registry;
import org.liandong.platform.AccessScope;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The story the platform exists for: a guardian is put under observation → the disabled teenager she cares for
 * is flagged → the building-group leader visits and records who looks after him now → the alert closes.
 */
@LiandongTest
class DependantScenarioIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Observations observations;
    @Autowired Dependants dependants;
    @Autowired CareAlerts alerts;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails staffA;
    UserDetails leader;
    UserDetails otherLeader;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
        leader = leader(0, "孙建国");       // lives in 1号楼组, like the teenager
        otherLeader = leader(2, "钱楼长");  // 2号楼组
    }

    UserDetails leader(int household, String name) {
        var username = "leader-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, name, Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(), List.of(street.a().id()),
                street.a().households().get(household));
        return users.loadUserByUsername(username);
    }

    Dependants.Flag awaitFlag(UUID dependant) {
        await().atMost(Duration.ofSeconds(10)).until(() -> dependants.flags(AccessScope.of(List.of(street.a().id())), false)
                .stream().anyMatch(f -> f.dependantId().equals(dependant)));
        return dependants.flags(AccessScope.of(List.of(street.a().id())), false).stream()
                .filter(f -> f.dependantId().equals(dependant)).findFirst().orElseThrow();
    }

    @Test
    void carerUnderObservationDependantFlaggedLeaderVisitsAlertClosed() throws Exception {
        var teen = street.a().disabledWithCarer();
        var observation = observations.open((LiandongUser) staffA, street.a().carerOfDisabled(), "FEVER", 14);
        var flag = awaitFlag(teen);
        assertThat(flag.dependantName()).isEqualTo("赵小明");
        assertThat(flag.reason()).isEqualTo(ResidentIsolated.Reason.OBSERVATION);
        var alert = alerts.about(flag.id()).getFirst();
        assertThat(alert.kind().name()).isEqualTo("DEPENDANT_WITHOUT_CARER");
        assertThat(alert.status()).isEqualTo(CareAlerts.Status.OPEN);

        // the social worker sees it; the alert cannot just be closed
        mvc.perform(get("/care/dependants").with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("赵小明")));
        mvc.perform(post("/care/alerts/{id}/close", alert.id()).param("resolution", "ok").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", "要先记录现在由谁照顾这位居民，提醒才能关闭。"));

        // the carer also goes to hospital: still one flag
        observations.close((LiandongUser) staffA, observation, "HOSPITAL");
        assertThat(dependants.carerIsolated(new ResidentIsolated(street.a().carerOfDisabled(), street.a().id(),
                ResidentIsolated.Reason.HOSPITAL, Instant.now()))).isZero();

        // the leader of the teenager's building group has a welfare visit; the other leader does not
        var task = dependants.welfareTasks((LiandongUser) leader).stream().filter(t -> t.residentId().equals(teen))
                .findFirst().orElseThrow();
        mvc.perform(get("/care/welfare").with(user(leader)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("去看看 赵小明")));
        mvc.perform(get("/care/welfare").with(user(otherLeader)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("赵小明"))));
        mvc.perform(post("/care/welfare/{id}/done", task.id()).param("note", "x").with(user(otherLeader)).with(csrf()))
                .andExpect(status().isNotFound());
        // a bad phone number: nothing changes
        mvc.perform(post("/care/welfare/{id}/done", task.id()).param("note", "孩子在家，情绪稳定")
                        .param("carerName", "李阿姨").param("carerPhone", "12345").with(user(leader)).with(csrf()))
                .andExpect(flash().attributeExists("problem"));
        assertThat(alerts.about(flag.id()).getFirst().status()).isEqualTo(CareAlerts.Status.OPEN);

        mvc.perform(post("/care/welfare/{id}/done", task.id()).param("note", "孩子在家，情绪稳定")
                        .param("carerName", "李阿姨").param("carerPhone", "13812345678").param("relation", "NEIGHBOUR")
                        .with(user(leader)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.welfare.done"));

        assertThat(alerts.about(flag.id()).getFirst().status()).isEqualTo(CareAlerts.Status.CLOSED);
        assertThat(dependants.flag(flag.id()).orElseThrow().status()).isEqualTo(Dependants.FlagStatus.RESOLVED);
        assertThat(dependants.flag(flag.id()).orElseThrow().newCarer()).contains("李阿姨");
        assertThat(registry.carersOf(teen)).extracting(Registry.CarerView::name).contains("李阿姨");
        assertThat(jdbc.sql("select status from care_welfare_task where id = :id").param("id", task.id())
                .query(String.class).single()).isEqualTo("DONE");
    }

    @Test
    void anUnreachableCarerFlagsDependantsAndSomeoneCaringForNobodyIsRefused() throws Exception {
        var carerHousehold = street.a().households().get(1);
        mvc.perform(post("/care/dependants/unreachable").with(user(staffA)).with(csrf())
                        .param("community", street.a().id()).param("building", street.a().buildingNames().get(1))
                        .param("room", "102").param("name", "张1"))
                .andExpect(flash().attribute("ok", "care.dependant.marked-unreachable"));
        var flag = awaitFlag(street.a().disabledWithCarer());
        assertThat(flag.reason()).isEqualTo(ResidentIsolated.Reason.UNREACHABLE);
        assertThat(carerHousehold).isNotNull();

        mvc.perform(post("/care/dependants/unreachable").with(user(staffA)).with(csrf())
                        .param("community", street.a().id()).param("building", street.a().buildingNames().get(0))
                        .param("room", "101").param("name", "张0"))
                .andExpect(flash().attribute("problem", "登记表中 张0 没有照顾任何人。"));
        // staff record the new carer themselves
        mvc.perform(post("/care/dependants/{id}/resolve", flag.id()).with(user(staffA)).with(csrf())
                        .param("carerName", "赵叔叔").param("carerPhone", "13900001111").param("relation", "RELATIVE"))
                .andExpect(flash().attribute("ok", "care.dependant.resolved"));
        assertThat(alerts.about(flag.id()).getFirst().status()).isEqualTo(CareAlerts.Status.CLOSED);
    }
}
