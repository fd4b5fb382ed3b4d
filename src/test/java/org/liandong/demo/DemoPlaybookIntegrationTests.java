package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.liandong.community.Stage;
import org.liandong.resilience.IndicatorReading.Availability;
import org.liandong.resilience.IndicatorSource;
import org.liandong.resilience.playbook.Playbook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's playbook in the two story communities of 枫林路街道 (same small demo and context as
 * {@link DemoDataIntegrationTests}), loading it again changes nothing, and the indicators read the other chapters'
 * demo data without a value made up where a source has nothing.
 */
@LiandongTest
@TestPropertySource(properties = {"liandong.demo.enabled=true", "liandong.demo.populated-communities-per-street=2",
        "liandong.demo.residents-per-community=200"})
class DemoPlaybookIntegrationTests {

    static final String ZHANGJIABANG = DemoDataIntegrationTests.ZHANGJIABANG;

    @Autowired Playbook playbook;
    @Autowired DemoPlaybook chapter;
    @Autowired IndicatorSource indicators;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;

    @Test
    void thePrepareRoundOfTheStoryCommunitiesIsPartWayThrough() throws Exception {
        var round = playbook.current(ZHANGJIABANG);
        assertThat(round.stage()).isEqualTo(Stage.PREPARE);
        assertThat(round.items()).allSatisfy(i -> assertThat(i.ownerName()).isNotNull());
        assertThat(round.items()).filteredOn(Playbook.Item::done)
                .extracting(Playbook.Item::itemKey).containsExactlyInAnyOrderElementsOf(DemoPlaybook.DONE_FIRST.keySet());
        assertThat(round.items()).filteredOn(Playbook.Item::done)
                .allSatisfy(i -> assertThat(i.evidence()).startsWith("/"));
        var divisions = Divisions.load();
        var second = divisions.communitiesOf(DemoCity.SHANGHAI.streetCode()).get(1).code();
        assertThat(playbook.current(second).done()).isEqualTo(DemoPlaybook.DONE_SECOND.size());

        chapter.load(divisions, DemoStory.of(1));
        assertThat(playbook.rounds(ZHANGJIABANG)).hasSize(1);
        assertThat(playbook.current(ZHANGJIABANG).done()).isEqualTo(DemoPlaybook.DONE_FIRST.size());

        mvc.perform(get("/resilience/playbook/" + ZHANGJIABANG).with(user(users.loadUserByUsername("staff-fenglin"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已完成 4 / 10 项")));
        mvc.perform(get("/resilience/playbook/street/" + DemoCity.SHANGHAI.streetCode())
                        .with(user(users.loadUserByUsername("street-fenglin"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("张家浜居委会")));
    }

    @Test
    void indicatorsOfTheDemoNeverMakeUpAValue() throws Exception {
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var readings = indicators.readings(ZHANGJIABANG, today.minusDays(29), today);
        assertThat(readings).hasSize(12);
        assertThat(readings).allSatisfy(r -> assertThat(r.value() == null)
                .isEqualTo(r.availability() != Availability.MEASURED));
        // the registry of 200 residents with vulnerable residents and carers: measured
        assertThat(readings.get(1).availability()).isEqualTo(Availability.MEASURED);
        // the demo never switches a stage: nothing to count from an activation or from an ended emergency
        assertThat(readings.get(2).availability()).isEqualTo(Availability.NO_DATA);
        assertThat(readings.get(11).availability()).isEqualTo(Availability.NO_DATA);
        readings.forEach(r -> System.out.println("demo indicator " + r.id() + " " + r.availability() + " "
                + r.numerator() + "/" + r.denominator()));
        mvc.perform(get("/resilience/indicators/street/" + DemoCity.SHANGHAI.streetCode())
                        .with(user(users.loadUserByUsername("street-fenglin"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("张家浜居委会")));
    }
}
