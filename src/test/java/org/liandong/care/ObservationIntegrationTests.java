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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.observation.Observations;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** Tier 2: check-ins, fever and missed check-in alerts, escalation, closed cases, who sees the health data. */
@LiandongTest
@RecordApplicationEvents
class ObservationIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Observations observations;
    @Autowired CareWatch watch;
    @Autowired CareAlerts alerts;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    Fixtures.TestStreet street;
    UserDetails staffA;
    UserDetails otherStaffA;
    UserDetails supervisor;
    UserDetails household;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
        var other = "staff2-" + street.a().id();
        accounts.create(other, "另一位社区工作者", Fixtures.PASSWORD, Role.COMMUNITY_STAFF, List.of(), List.of(street.a().id()),
                null);
        otherStaffA = users.loadUserByUsername(other);
        supervisor = users.loadUserByUsername(street.streetAdminUsername());
        var phone = "136" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        accounts.create(phone, "张先生", Fixtures.PASSWORD, Role.RESIDENT, List.of(), List.of(), street.a().households().get(1));
        household = users.loadUserByUsername(phone);
    }

    UUID openForCarer() throws Exception {
        var result = mvc.perform(post("/care/observations").with(user(staffA)).with(csrf())
                        .param("community", street.a().id()).param("building", street.a().buildingNames().get(1))
                        .param("room", "102").param("name", "张1").param("reason", "FEVER").param("days", "14"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "care.observation.opened"))
                .andReturn();
        var location = result.getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    int checkIns(UUID id) {
        return jdbc.sql("select count(*) from care_checkin where observation_id = :o").param("o", id)
                .query(Integer.class).single();
    }

    @Test
    void feverAlertsTheResponsibleWorkerImplausibleTemperaturesAndClosedCasesAreRefused() throws Exception {
        var id = openForCarer();
        assertThat(events.stream(ResidentIsolated.class)).anyMatch(e -> e.residentId().equals(street.a().carerOfDisabled())
                && e.reason() == ResidentIsolated.Reason.OBSERVATION);

        for (var typo : List.of("3.7", "73", "abc")) {
            mvc.perform(post("/care/observations/{id}/check-ins", id).with(user(household)).with(csrf())
                            .param("temperature", typo))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(typo)))
                    .andExpect(content().string(containsString(typo.equals("abc") ? "不是体温数字" : "34.0 到 42.5")));
        }
        assertThat(checkIns(id)).isZero();

        var token = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/care/observations/{id}/check-ins", id).with(user(household)).with(csrf())
                            .param("temperature", "38.2").param("symptoms", "COUGH", "FATIGUE").param("needs", "退烧药")
                            .param("clientToken", token))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "care.checkin.recorded"));
        }
        assertThat(checkIns(id)).as("a double submit is one check-in").isEqualTo(1);
        var fever = alerts.about(id);
        assertThat(fever).singleElement().satisfies(a -> {
            assertThat(a.kind().name()).isEqualTo("FEVER");
            assertThat(a.responsibleId()).isEqualTo(((LiandongUser) staffA).userId());
        });
        assertThat(events.stream(CareAlertRaised.class)).anyMatch(e -> e.alertId().equals(fever.get(0).id()));
        // symptoms and needs are stored encrypted
        assertThat(jdbc.sql("select needs_cipher from care_checkin where observation_id = :o").param("o", id)
                .query(String.class).single()).doesNotContain("退烧药");

        // health data: the responsible worker, the supervisor and the household; not other staff
        mvc.perform(get("/care/observations/{id}", id).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("38.2")))
                .andExpect(content().string(containsString("退烧药")));
        mvc.perform(get("/care/observations/{id}", id).with(user(supervisor)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("38.2")));
        mvc.perform(get("/care/observations/{id}", id).with(user(household)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("38.2")));
        mvc.perform(get("/care/observations/{id}", id).with(user(otherStaffA))).andExpect(status().isNotFound());
        mvc.perform(get("/care/observations").with(user(otherStaffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("张1")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("38.2"))));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'VIEW_HEALTH_DATA' and subject_id = :s")
                .param("s", id.toString()).query(Integer.class).single()).as("staff views audited, the household's not")
                .isEqualTo(2);

        mvc.perform(post("/care/observations/{id}/close", id).param("outcome", "HOSPITAL").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.observation.closed-ok"));
        assertThat(alerts.about(id)).allMatch(a -> a.status() == CareAlerts.Status.CLOSED);
        mvc.perform(post("/care/observations/{id}/check-ins", id).with(user(household)).with(csrf())
                        .param("temperature", "36.5"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已经结束")));
        assertThat(checkIns(id)).isEqualTo(1);
    }

    @Test
    void aMissedCheckInAlertsTheWorkerAndEscalatesWhenNobodyActs() throws Exception {
        var id = openForCarer();
        var started = observations.find(id).orElseThrow().startedAt();
        var later = started.plus(Duration.ofHours(25));
        watch.run(later);
        var missed = alerts.about(id).stream().filter(a -> a.kind().name().equals("MISSED_CHECK_IN")).toList();
        assertThat(missed).isNotEmpty().allMatch(a -> a.level() == CareAlerts.Level.WORKER);
        watch.run(later);
        assertThat(alerts.about(id)).as("raised once per slot").hasSameSizeAs(missed);

        // nobody acts within two hours: the supervisor is alerted. Two hours on, a further slot may have passed
        // (it depends on the time of day the test runs); its fresh alert is the worker's, so only the first ones count.
        watch.run(later.plus(Duration.ofHours(2)).plusSeconds(60));
        var firstIds = missed.stream().map(CareAlerts.Alert::id).toList();
        assertThat(alerts.about(id)).filteredOn(a -> firstIds.contains(a.id())).hasSameSizeAs(missed)
                .allMatch(a -> a.level() == CareAlerts.Level.SUPERVISOR);
        assertThat(events.stream(CareAlertEscalated.class)).anyMatch(e -> e.alertId().equals(missed.get(0).id()));
        mvc.perform(get("/care/alerts").with(user(supervisor)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已上报督导")));
    }

    @Test
    void anAcknowledgedAlertDoesNotEscalate() throws Exception {
        var id = openForCarer();
        var later = observations.find(id).orElseThrow().startedAt().plus(Duration.ofHours(25));
        watch.run(later);
        for (var a : alerts.about(id)) {
            mvc.perform(post("/care/alerts/{a}/acknowledge", a.id()).with(user(staffA)).with(csrf()))
                    .andExpect(flash().attribute("ok", "care.alert.acknowledged"));
        }
        watch.run(later.plus(Duration.ofHours(3)));
        assertThat(alerts.about(id)).isNotEmpty().allMatch(a -> a.level() == CareAlerts.Level.WORKER);
    }

    @Autowired org.liandong.care.family.FamilySupport families;

    @Test
    void aConfirmedCaseOpensFamilySupportWithPlanContactsAndNeeds() throws Exception {
        var id = openForCarer();
        mvc.perform(post("/care/observations/{id}/close", id).param("outcome", "CONFIRMED").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.observation.closed-ok"));
        var family = families.list(((LiandongUser) staffA).scope()).stream()
                .filter(f -> f.householdId().equals(street.a().households().get(1))).findFirst().orElseThrow();
        assertThat(family.patientName()).isEqualTo("张1");
        assertThat(family.contactDue(families.today())).isTrue();
        mvc.perform(post("/care/my").with(user(household)).with(csrf()).param("kind", "GROCERIES")
                .param("details", "家里两个人隔离，缺米和菜").param("clientToken", UUID.randomUUID().toString()));
        mvc.perform(post("/care/families/{id}/plan", family.id()).param("plan", "每两天电话，孩子由邻居照看")
                .param("every", "2").with(user(staffA)).with(csrf())).andExpect(flash().attribute("ok", "care.family.planned"));
        mvc.perform(post("/care/families/{id}/contacts", family.id()).param("note", "妈妈情绪低落，约心理老师")
                .with(user(staffA)).with(csrf())).andExpect(flash().attribute("ok", "care.family.contacted"));
        var after = families.find(family.id()).orElseThrow();
        assertThat(after.nextContact()).isEqualTo(families.today().plusDays(2));
        assertThat(after.contactDue(families.today())).isFalse();
        mvc.perform(get("/care/families/{id}", family.id()).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("缺米和菜")))
                .andExpect(content().string(containsString("孩子由邻居照看")));
        mvc.perform(get("/care/families/{id}", family.id()).with(user(users.loadUserByUsername(street.b().staffUsername()))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/care/families/{id}/plan", family.id()).param("every", "30").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", "联系间隔是 1 到 14 天。"));
    }
}
