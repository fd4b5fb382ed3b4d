package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.referral.Referrals;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.liandong.volunteer.WellbeingConcernRaised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** A high-risk screening reaches the on-call expert, who acknowledges; unacknowledged referrals escalate. */
@LiandongTest
class ReferralIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Referrals referrals;
    @Autowired CareAlerts alerts;
    @Autowired CareWatch watch;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired TransactionTemplate tx;

    Fixtures.TestStreet street;
    UserDetails staffA;
    UserDetails expert;
    UserDetails otherExpert;

    @BeforeEach
    void setUp() throws Exception {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
        expert = expert("郑志明");
        otherExpert = expert("吴医生");
        mvc.perform(post("/care/expert/duty").param("community", street.a().id()).param("onCall", "true")
                        .with(user(expert)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.expert.on-call"));
    }

    UserDetails expert(String name) {
        var username = "expert-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(username, name, Fixtures.PASSWORD, Role.EXPERT, List.of(), List.of(street.a().id()), null);
        return users.loadUserByUsername(username);
    }

    MockHttpServletRequestBuilder phq9(int... answers) {
        var request = post("/care/screening").with(user(staffA)).with(csrf()).param("instrument", "phq9")
                .param("community", street.a().id()).param("building", street.a().buildingNames().get(0))
                .param("room", "101").param("name", "王独居");
        for (int i = 0; i < answers.length; i++) {
            request = request.param("q" + i, String.valueOf(answers[i]));
        }
        return request;
    }

    Referrals.Referral latestFor(String name) {
        return referrals.list(((LiandongUser) staffA).scope()).stream().filter(r -> r.personName().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void item9ReachesTheExpertOnCallWhoAcknowledgesInTime() throws Exception {
        // a low total, but item 9 answered "on a few days": high risk
        mvc.perform(phq9(1, 1, 1, 1, 1, 1, 1, 0, 1))
                .andExpect(status().isOk()).andExpect(content().string(containsString("高风险")))
                .andExpect(content().string(containsString("已紧急转介给值班专家 郑志明")));
        var referral = latestFor("王独居");
        assertThat(referral.urgent()).isTrue();
        assertThat(referral.expertId()).isEqualTo(((LiandongUser) expert).userId());
        assertThat(Duration.between(referral.createdAt(), referral.acknowledgeBy())).isEqualTo(Duration.ofMinutes(30));
        var alert = alerts.about(referral.id()).getFirst();
        assertThat(alert.responsibleId()).isEqualTo(((LiandongUser) expert).userId());

        // experts see only what was referred to them
        mvc.perform(get("/care/expert").with(user(expert))).andExpect(content().string(containsString("王独居")));
        mvc.perform(get("/care/referrals/{id}", referral.id()).with(user(otherExpert))).andExpect(status().isNotFound());
        mvc.perform(get("/care/referrals/{id}", referral.id()).with(user(expert)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("第 9 题非零")));
        mvc.perform(post("/care/referrals/{id}/acknowledge", referral.id()).with(user(otherExpert)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/care/referrals/{id}/acknowledge", referral.id()).with(user(expert)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.referral.acknowledged"));
        mvc.perform(post("/care/referrals/{id}/sessions", referral.id()).param("note", "电话联系，约明天上门")
                .with(user(expert)).with(csrf())).andExpect(flash().attribute("ok", "care.referral.session-logged"));
        watch.run(Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(referrals.find(referral.id()).orElseThrow().status()).isEqualTo(Referrals.Status.ACKNOWLEDGED);
        assertThat(alerts.about(referral.id()).getFirst().status()).isEqualTo(CareAlerts.Status.CLOSED);
        assertThat(referrals.sessions(referral.id())).singleElement()
                .satisfies(s -> assertThat(s.note()).isEqualTo("电话联系，约明天上门"));
    }

    @Test
    void anUnacknowledgedUrgentReferralEscalatesLowRiskIsNotReferredAndBadInputIsRefused() throws Exception {
        mvc.perform(phq9(3, 3, 2, 3, 2, 2, 2, 1, 0)).andExpect(content().string(containsString("已紧急转介")));
        var referral = latestFor("王独居");
        watch.run(Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(referrals.find(referral.id()).orElseThrow().status()).isEqualTo(Referrals.Status.ESCALATED);
        assertThat(alerts.about(referral.id()).getFirst().level()).isEqualTo(CareAlerts.Level.SUPERVISOR);

        var before = referrals.list(((LiandongUser) staffA).scope()).size();
        mvc.perform(phq9(0, 1, 1, 0, 0, 1, 0, 0, 0)).andExpect(content().string(containsString("低风险")));
        mvc.perform(phq9(0, 1, 1)).andExpect(content().string(containsString("请回答全部 9 道题")));
        mvc.perform(phq9(0, 1, 1, 0, 0, 1, 0, 0, 7)).andExpect(content().string(containsString("请回答全部 9 道题")));
        assertThat(referrals.list(((LiandongUser) staffA).scope())).hasSize(before);

        // an expert who is not on this community's list cannot be chosen
        var outsider = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(post("/care/referrals").with(user(staffA)).with(csrf()).param("community", street.a().id())
                        .param("building", street.a().buildingNames().get(0)).param("room", "101").param("name", "王独居")
                        .param("expert", ((LiandongUser) otherExpert).userId().toString()))
                .andExpect(flash().attribute("problem", "这位专家不在本社区的专家名单里，请选择本社区的专家。"));
        assertThat(outsider).isNotNull();
    }

    @Test
    void aWorryingWellbeingCheckInOpensAPsychologicalSupportReferral() {
        var worker = UUID.randomUUID();
        var checkIn = UUID.randomUUID();
        tx.executeWithoutResult(s -> publisher.publishEvent(new WellbeingConcernRaised(checkIn, worker, street.a().id(),
                "HIGH", Instant.now())));
        await().atMost(Duration.ofSeconds(10)).until(() -> referrals.list(((LiandongUser) staffA).scope()).stream()
                .anyMatch(r -> worker.equals(r.personUserId())));
        var referral = referrals.list(((LiandongUser) staffA).scope()).stream()
                .filter(r -> worker.equals(r.personUserId())).findFirst().orElseThrow();
        assertThat(referral.source()).isEqualTo(Referrals.Source.WELLBEING);
        assertThat(referral.urgent()).isTrue();
        assertThat(referral.expertId()).isEqualTo(((LiandongUser) expert).userId());
    }
}
