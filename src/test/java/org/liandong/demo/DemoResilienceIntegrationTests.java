package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.liandong.platform.LiandongUser;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The demo's resilience surveys, in the same small demo as {@link DemoDataIntegrationTests} (same context). */
@LiandongTest
@TestPropertySource(properties = {"liandong.demo.enabled=true", "liandong.demo.populated-communities-per-street=2",
        "liandong.demo.residents-per-community=200"})
class DemoResilienceIntegrationTests {

    static final String NEIGHBOUR = "310104008002";

    @Autowired DemoResilience demo;
    @Autowired SurveyRounds rounds;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;

    @Test
    void twoCommunitiesHaveABaselineAndAPulseWithRealNumbers() throws Exception {
        var worker = (LiandongUser) users.loadUserByUsername("social-worker");
        for (var community : List.of(DemoDataIntegrationTests.ZHANGJIABANG, NEIGHBOUR)) {
            var list = rounds.rounds(worker.scope(), community);
            assertThat(list).extracting(SurveyRounds.Round::form).containsExactlyInAnyOrder(Form.FULL, Form.PULSE);
            var baseline = list.stream().filter(r -> r.form() == Form.FULL).findFirst().orElseThrow();
            assertThat(baseline.open()).isFalse();
            assertThat(baseline.responses()).isGreaterThanOrEqualTo(20);
            mvc.perform(get("/resilience/communities/" + community).with(user((UserDetails) worker)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"radar-chart\"")))
                    .andExpect(content().string(containsString("id=\"changes\"")))
                    .andExpect(content().string(not(containsString("NaN"))));
        }
        mvc.perform(get("/resilience/streets/310104008").with(user(users.loadUserByUsername("street-fenglin"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("张家浜居委会")));
    }

    @Test
    void loadingAgainAddsNothing() {
        var worker = (LiandongUser) users.loadUserByUsername("social-worker");
        var before = rounds.rounds(worker.scope(), DemoDataIntegrationTests.ZHANGJIABANG);
        demo.load(Divisions.load(), DemoStory.of(20200123L));
        assertThat(rounds.rounds(worker.scope(), DemoDataIntegrationTests.ZHANGJIABANG)).hasSize(before.size());
    }
}
