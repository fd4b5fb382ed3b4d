package org.liandong.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.OutOfScopeException;
import org.liandong.resilience.score.RoundScores;
import org.liandong.resilience.statistics.Raking;
import org.liandong.resilience.survey.Demographics;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.Instrument;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Survey rounds end to end: answering by login and by household code, and every bad input refused cleanly. */
@LiandongTest
@Import(ResilienceFixtures.class)
class SurveyIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired ResilienceFixtures survey;
    @Autowired SurveyRounds rounds;
    @Autowired RoundScores scores;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    @Test
    void aResidentAnswersThePulseOnceAndTheRoundCountsIt() throws Exception {
        var staff = survey.user(street.a().staffUsername());
        var id = rounds.open(staff, street.a().id(), Instrument.LIANDONG_ID, "RESPOND", "PULSE");
        var code = rounds.round(staff.scope(), id).code();
        var phone = fixtures.residentAccount(street.a());
        var resident = survey.user(phone);

        // the open survey is on the resident's home page
        mvc.perform(get("/").with(as(resident))).andExpect(content().string(containsString("/resilience/s/" + code)));
        mvc.perform(get("/resilience/s/" + code).with(as(resident)))
                .andExpect(content().string(containsString("出了事，我相信居委会会把真实情况告诉大家。")))
                .andExpect(content().string(not(containsString("id=\"token\""))));

        mvc.perform(answer(code, pulse(4)).param("ageBand", "A45_59").param("sex", "F").with(as(resident)))
                .andExpect(redirectedUrl("/resilience/s/" + code + "/thanks"));
        assertThat(rounds.round(staff.scope(), id).responses()).isEqualTo(1);
        // nothing in the response leads back to the account
        var key = jdbc.sql("select respondent_key from resilience_response where round_id = :r").param("r", id)
                .query(String.class).single();
        assertThat(key).startsWith("u:").doesNotContain(resident.userId().toString());

        // a second submission is refused, and the home page no longer asks
        mvc.perform(answer(code, pulse(2)).with(as(resident)))
                .andExpect(content().string(containsString("您已经回答过这次问卷了")));
        assertThat(rounds.round(staff.scope(), id).responses()).isEqualTo(1);
        mvc.perform(get("/").with(as(resident))).andExpect(content().string(not(containsString("open-survey"))));

        // live participation by building group, as the htmx fragment
        mvc.perform(get("/resilience/rounds/" + id + "/participation").header("HX-Request", "true")
                        .with(as(staff)))
                .andExpect(content().string(containsString("1号楼组")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void householdCodesWorkOnceAndOnlyForTheirRound() throws Exception {
        var staff = survey.user(street.a().staffUsername());
        var id = rounds.open(staff, street.a().id(), Instrument.LIANDONG_ID, "PREPARE", "PULSE");
        assertThat(rounds.issueTokens(staff, id)).isEqualTo(6);
        assertThat(rounds.issueTokens(staff, id)).isZero(); // one code per household
        var tokens = rounds.tokens(staff.scope(), id);
        var code = rounds.round(staff.scope(), id).code();

        mvc.perform(answer(code, pulse(5)).param("token", tokens.get(0).code().toLowerCase()))
                .andExpect(redirectedUrl("/resilience/s/" + code + "/thanks"));
        mvc.perform(answer(code, pulse(5)).param("token", tokens.get(0).code()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("这个问卷码已经用过了")));
        mvc.perform(answer(code, pulse(5)).param("token", "ZZZZ2222"))
                .andExpect(content().string(containsString("这个问卷码不对")));
        // a code of community A's round does not open community B's round
        var other = rounds.open(survey.user(street.b().staffUsername()), street.b().id(), Instrument.LIANDONG_ID,
                "PREPARE", "PULSE");
        var otherCode = rounds.round(survey.user(street.b().staffUsername()).scope(), other).code();
        mvc.perform(answer(otherCode, pulse(5)).param("token", tokens.get(1).code()))
                .andExpect(content().string(containsString("这个问卷码不对")));
        assertThat(rounds.round(staff.scope(), id).responses()).isEqualTo(1);
        assertThat(rounds.participation(staff.scope(), id).tokenCompletes()).isEqualTo(1);
        assertThat(rounds.tokens(staff.scope(), id)).filteredOn(SurveyRounds.TokenLine::used).hasSize(1);
    }

    @Test
    void incompleteOrAllDontKnowAnswersAreRefusedAndNothingIsStored() throws Exception {
        var staff = survey.user(street.a().staffUsername());
        var id = rounds.open(staff, street.a().id(), Instrument.LIANDONG_ID, "PREPARE", "PULSE");
        rounds.issueTokens(staff, id);
        var token = rounds.tokens(staff.scope(), id).get(0).code();
        var code = rounds.round(staff.scope(), id).code();

        var missing = pulse(3);
        missing.remove("org.network.1");
        missing.remove("cul.relation.1");
        mvc.perform(answer(code, missing).param("token", token))
                .andExpect(content().string(containsString("还有题目没有选：第 5, 9 题")))
                // what was already chosen stays chosen
                .andExpect(content().string(containsString("value=\"3\" checked")));
        var allDontKnow = new HashMap<String, String>();
        Instrument.LIANDONG.items(Form.PULSE).forEach(i -> allDontKnow.put(i.id(), "dk"));
        mvc.perform(answer(code, allDontKnow).param("token", token))
                .andExpect(content().string(containsString("所有题目都选了“不知道”")));
        var outOfRange = pulse(3);
        outOfRange.put("psy.trust.1", "9");
        mvc.perform(answer(code, outOfRange).param("token", token))
                .andExpect(content().string(containsString("第 1 题的答案不对")));
        mvc.perform(answer(code, pulse(3)).param("token", token).param("householdSize", "0"))
                .andExpect(content().string(containsString("家里人口请填 1 到 20 之间的数字")));
        assertThat(rounds.round(staff.scope(), id).responses()).isZero();
        // the code was not used up by the refused attempts
        assertThat(rounds.tokens(staff.scope(), id)).noneMatch(SurveyRounds.TokenLine::used);
        mvc.perform(answer(code, pulse(3)).param("token", token).param("lang", "en"))
                .andExpect(redirectedUrl("/resilience/s/" + code + "/thanks"));
    }

    @Test
    void aRoundClosedWhileSomeoneAnswersRefusesTheirAnswerWithAReason() throws Exception {
        var staff = survey.user(street.a().staffUsername());
        var id = rounds.open(staff, street.a().id(), Instrument.LIANDONG_ID, "RESPOND", "PULSE");
        rounds.issueTokens(staff, id);
        var token = rounds.tokens(staff.scope(), id).get(0).code();
        var code = rounds.round(staff.scope(), id).code();
        mvc.perform(get("/resilience/s/" + code)).andExpect(content().string(containsString("id=\"token\"")));
        // staff close the round while the resident is still on the page
        mvc.perform(post("/resilience/rounds/" + id + "/close").with(as(staff)).with(csrf()))
                .andExpect(redirectedUrl("/resilience/rounds/" + id));
        mvc.perform(answer(code, pulse(4)).param("token", token))
                .andExpect(status().isOk()).andExpect(content().string(containsString("这次问卷已经结束")));
        assertThat(rounds.round(staff.scope(), id).responses()).isZero();
        assertThat(rounds.tokens(staff.scope(), id)).noneMatch(SurveyRounds.TokenLine::used);
        assertThatThrownBy(() -> rounds.close(staff, id)).extracting(e -> ((InvalidValueException) e).messageKey())
                .isEqualTo("resilience.round.already-closed");
    }

    @Test
    void aRoundWithThreeResponsesShowsAReasonInsteadOfStatistics() throws Exception {
        var staff = survey.user(street.a().staffUsername());
        var id = survey.answeredRound(street.a(), "PREPARE", Form.FULL, ResilienceFixtures.generate(Form.FULL, 3, 3.5, 1));
        var result = scores.of(staff.scope(), id);
        assertThat(result.suppressedKey()).isEqualTo(RoundScores.TOO_FEW_RESPONSES);
        assertThat(result.scales()).isEmpty();
        mvc.perform(get("/resilience/rounds/" + id + "/results").with(as(staff)))
                .andExpect(content().string(containsString("只收到 3 份回答，少于 10 份")))
                .andExpect(content().string(not(containsString("NaN"))));
        mvc.perform(get("/resilience/communities/" + street.a().id()).with(as(staff)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("NaN"))));
        // the export refuses too, with the reason, and the report PDF still renders
        mvc.perform(get("/resilience/rounds/" + id + "/responses.xlsx").with(as(staff)))
                .andExpect(redirectedUrl("/resilience/rounds/" + id));
        mvc.perform(get("/resilience/rounds/" + id + "/report.pdf").with(as(staff)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));
    }

    @Test
    void weightsThatCannotBeRakedAreNotUsedAndTheReasonIsShown() throws Exception {
        var staff = survey.user(street.a().staffUsername());
        survey.moreHouseholds(street.a(), 20);
        // the registry's adults are 45–59 (men and women) and one woman of 88; nobody aged 75+ answers here
        var generated = ResilienceFixtures.generate(Form.PULSE, 14, 3.2, 2);
        var answers = new java.util.ArrayList<ResilienceFixtures.Answered>();
        for (int i = 0; i < generated.size(); i++) {
            answers.add(new ResilienceFixtures.Answered(new Demographics(Demographics.AgeBand.A45_59,
                    i % 2 == 0 ? "M" : "F", null, null), generated.get(i).answers()));
        }
        var id = survey.answeredRound(street.a(), "PREPARE", Form.PULSE, answers);
        var result = scores.of(staff.scope(), id);
        assertThat(result.weighting().raked()).isFalse();
        assertThat(result.weighting().problemKey()).isEqualTo(Raking.EMPTY_CELL);
        assertThat(result.weighting().designEffect()).isEqualTo(1.0);
        assertThat(result.scale(Instrument.TOTAL).score().available()).isTrue();
        mvc.perform(get("/resilience/rounds/" + id + "/results").with(as(staff)))
                .andExpect(content().string(containsString("没有年龄段为“75 岁及以上”的受访者，无法按户籍资料加权")));
    }

    @Test
    void staffSeeOnlyTheirCommunitysRoundsAndOpenOneAtATime() throws Exception {
        var staffA = survey.user(street.a().staffUsername());
        var staffB = survey.user(street.b().staffUsername());
        var id = rounds.open(staffA, street.a().id(), Instrument.LIANDONG_ID, "PREPARE", "FULL");
        assertThatThrownBy(() -> rounds.round(staffB.scope(), id)).isInstanceOf(OutOfScopeException.class);
        mvc.perform(get("/resilience/rounds/" + id).with(as(staffB))).andExpect(status().isNotFound());
        mvc.perform(get("/resilience/communities/" + street.a().id()).with(as(staffB)))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> rounds.open(staffB, street.a().id(), Instrument.LIANDONG_ID, "PREPARE", "FULL"))
                .isInstanceOf(OutOfScopeException.class);
        mvc.perform(post("/resilience/rounds").param("communityId", street.a().id())
                        .param("instrumentId", Instrument.LIANDONG_ID).param("stage", "RESPOND").param("form", "PULSE")
                        .with(as(staffA)).with(csrf()))
                .andExpect(redirectedUrl("/resilience"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", containsString("这个社区已经有一轮进行中的问卷")));
        mvc.perform(post("/resilience/rounds").param("communityId", street.b().id())
                        .param("instrumentId", Instrument.LIANDONG_ID).param("stage", "SOMETIME").param("form", "PULSE")
                        .with(as(staffB)).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", containsString("请选择阶段")));
        // the street comparison is for street admins
        mvc.perform(get("/resilience/streets/" + street.id()).with(as(staffA))).andExpect(status().isForbidden());
        mvc.perform(get("/resilience/streets/" + street.id()).with(as(survey.user(street.streetAdminUsername()))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("相对排名")));
        // the dashboard shows the twelve indicators and the stage playbook beside the survey; a community
        // with nothing to count shows each indicator as suppressed or "no data", never a made-up value
        mvc.perform(get("/resilience/communities/" + street.a().id()).with(as(staffA)))
                .andExpect(content().string(containsString("data-indicator=\"volunteers-per-1000\"")))
                .andExpect(content().string(containsString("data-indicator=\"volunteers-retained\"")))
                .andExpect(content().string(org.hamcrest.Matchers.anyOf(containsString("暂无数据"),
                        containsString("人数太少"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"indicators-none\""))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"playbook-none\""))));
    }

    @Test
    void anAdminLoadsALicensedInstrumentAsIdsFactorsAndScale() throws Exception {
        var admin = survey.user(street.streetAdminUsername());
        var id = "ccram10-test-" + UUID.randomUUID().toString().substring(0, 8);
        var csv = "item,factor,pulse\nc1,leadership,true\nc2,leadership,false\nc3,trust,true\nc4,trust,false\n";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/resilience/instruments")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "ccram.csv", "text/csv",
                                csv.getBytes()))
                        .param("id", id).param("name", "CCRAM10 (licensed)").param("version", "1")
                        .param("scaleMin", "1").param("scaleMax", "5").with(as(admin)).with(csrf()))
                .andExpect(redirectedUrl("/resilience/instruments"));
        var loaded = rounds.open(survey.user(street.a().staffUsername()), street.a().id(), id, "PREPARE", "FULL");
        var code = rounds.round(admin.scope(), loaded).code();
        mvc.perform(get("/resilience/s/" + code)).andExpect(content().string(containsString("第 c1 题（请看纸质问卷）")));
        // junk is refused with the reason, and nothing is stored
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/resilience/instruments")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "bad.json", "application/json",
                                "{\"id\": \"x".getBytes()))
                        .with(as(admin)).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", containsString("不是有效的 JSON")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/resilience/instruments")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "dup.csv", "text/csv",
                                "item,factor\nq1,a\nq1,b\n".getBytes()))
                        .param("id", id + "x").param("name", "dup").param("version", "1")
                        .param("scaleMin", "1").param("scaleMax", "5").with(as(admin)).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("problem", containsString("第 2 题有问题")));
        assertThat(jdbc.sql("select count(*) from resilience_instrument where id = :id").param("id", id + "x")
                .query(Long.class).single()).isZero();
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(
            org.liandong.platform.LiandongUser someone) {
        return user((org.springframework.security.core.userdetails.UserDetails) someone);
    }

    private static MockHttpServletRequestBuilder answer(String code, Map<String, String> answers) {
        var request = post("/resilience/s/" + code).with(csrf());
        answers.forEach((item, value) -> request.param("a_" + item, value));
        return request;
    }

    private static Map<String, String> pulse(int value) {
        var answers = new HashMap<String, String>();
        for (var item : Instrument.LIANDONG.items(Form.PULSE)) {
            answers.put(item.id(), Integer.toString(value));
        }
        return answers;
    }
}
