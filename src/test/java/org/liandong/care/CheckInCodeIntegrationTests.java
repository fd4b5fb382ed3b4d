package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.care.observation.CheckInLinks;
import org.liandong.care.observation.Observations;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The check-in code beyond the JSON API: the page its link opens on a phone (no sign-in, the API's checks and
 * messages), and rotation — the old code refused at once, on the page and the API, the new one taken, audited.
 */
@LiandongTest
class CheckInCodeIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired Observations observations;
    @Autowired CheckInLinks links;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    LiandongUser staffA;
    UUID caseId;
    String code;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = (LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        caseId = observations.open(staffA, street.a().carerOfDisabled(), "CLOSE_CONTACT", 14);
        code = links.code(caseId, 1);
    }

    ResultActions api(String code, String temperature, String token) throws Exception {
        return mvc.perform(post("/api/v1/care/check-ins").contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "zh-CN")
                .content("""
                        {"code": "%s", "temperature": "%s", "clientToken": "%s"}""".formatted(code, temperature, token)));
    }

    ResultActions page(String code, String temperature, String token) throws Exception {
        return mvc.perform(post("/care/c/" + code).with(csrf()).header("Accept-Language", "zh-CN")
                .param("temperature", temperature).param("symptoms", "COUGH").param("clientToken", token));
    }

    int checkIns() {
        return jdbc.sql("select count(*) from care_checkin where observation_id = :o").param("o", caseId)
                .query(Integer.class).single();
    }

    String rotate(UserDetails who) throws Exception {
        mvc.perform(post("/care/observations/{id}/check-in-code", caseId).with(user(who)).with(csrf()))
                .andExpect(redirectedUrl("/care/observations/" + caseId));
        return links.code(caseId, observations.find(caseId).orElseThrow().codeVersion());
    }

    @Test
    void codesAreSignedOverTheirVersionAndVersionOneKeepsTheOriginalForm() {
        assertThat(code).hasSize(36 + 1 + 32); // the form phones already hold
        assertThat(links.verify(code)).contains(new CheckInLinks.Code(caseId, 1));
        var second = links.code(caseId, 2);
        assertThat(second).startsWith(caseId + ".2.");
        assertThat(links.verify(second)).contains(new CheckInLinks.Code(caseId, 2));
        // another version number with the same signature, or version 1 written out, is forged
        assertThat(links.verify(second.replace(caseId + ".2.", caseId + ".3."))).isEmpty();
        assertThat(links.verify(caseId + ".1." + code.substring(37))).isEmpty();
        assertThat(links.verify(caseId + ".x." + code.substring(37))).isEmpty();
        assertThat(links.verify(second.substring(0, second.length() - 1) + "0")).isEmpty();
    }

    @Test
    void theLinkOpensACheckInPageWithoutSignInThatChecksAsTheApiDoes() throws Exception {
        mvc.perform(get("/care/c/" + code).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(containsString("给 张* 打卡")))
                .andExpect(content().string(containsString("name=\"clientToken\"")));
        mvc.perform(get("/care/c/" + code).cookie(new jakarta.servlet.http.Cookie("ld-lang", "en"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Check-in for 张*")));

        // a slip is refused with the API's message and writes nothing; the form keeps what was typed
        for (var typo : List.of("73", "3.7", "abc")) {
            page(code, typo, "p1").andExpect(status().isOk())
                    .andExpect(content().string(containsString(typo.equals("abc") ? "不是体温数字" : "34.0 到 42.5")))
                    .andExpect(content().string(containsString("value=\"" + typo + "\"")))
                    .andExpect(content().string(containsString("value=\"p1\"")));
        }
        assertThat(checkIns()).isZero();

        // recorded once, even when the phone sends the same form twice; a fever raises the worker's alert
        page(code, "38.2", "p1").andExpect(redirectedUrl("/care/c/" + code))
                .andExpect(flash().attribute("ok", "care.checkin.api.recorded-fever"));
        page(code, "38.2", "p1").andExpect(redirectedUrl("/care/c/" + code))
                .andExpect(flash().attribute("ok", "care.checkin.api.duplicate"));
        assertThat(checkIns()).isEqualTo(1);
        assertThat(observations.checkIns(caseId).getFirst().byName()).isEqualTo("张1");
        assertThat(jdbc.sql("select count(*) from care_alert where subject_id = :o and kind = 'FEVER'")
                .param("o", caseId).query(Integer.class).single()).isEqualTo(1);

        // a forged code finds nothing; a closed case says so and shows no form
        mvc.perform(get("/care/c/" + caseId + "." + "0".repeat(32)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("打卡码无效")))
                .andExpect(content().string(not(containsString("send-checkin"))));
        page(caseId + "." + "0".repeat(32), "36.5", "p2").andExpect(status().isNotFound());
        observations.close(staffA, caseId, "RELEASED");
        mvc.perform(get("/care/c/" + code).header("Accept-Language", "zh-CN")).andExpect(status().isOk())
                .andExpect(content().string(containsString("已经结束")))
                .andExpect(content().string(not(containsString("send-checkin"))));
        page(code, "36.5", "p3").andExpect(content().string(containsString("已经结束")));
        assertThat(checkIns()).isEqualTo(1);
    }

    @Test
    void aRotatedCodeIsRefusedAtOnceAndTheNewOneWorks() throws Exception {
        api(code, "36.5", "a1").andExpect(status().isCreated());
        var fresh = rotate((UserDetails) staffA);
        assertThat(fresh).isNotEqualTo(code);

        api(code, "36.6", "a2").andExpect(status().isGone())
                .andExpect(jsonPath("$.message").value(containsString("打卡码已经失效")));
        // even a repeat of a check-in the old code made learns nothing more
        api(code, "36.5", "a1").andExpect(status().isGone());
        mvc.perform(post("/api/v1/care/check-ins").contentType(MediaType.APPLICATION_JSON)
                        .cookie(new jakarta.servlet.http.Cookie("ld-lang", "en"))
                        .content("{\"code\": \"%s\", \"temperature\": \"36.6\", \"clientToken\": \"a3\"}".formatted(code)))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.message").value("This check-in code is no longer valid: ask your worker for the new one."));
        mvc.perform(get("/care/c/" + code).header("Accept-Language", "zh-CN")).andExpect(status().isGone())
                .andExpect(content().string(containsString("请向负责您的社工要新的打卡码")));
        page(code, "36.6", "a4").andExpect(status().isGone());
        assertThat(checkIns()).isEqualTo(1);

        api(fresh, "36.6", "a5").andExpect(status().isCreated());
        page(fresh, "36.7", "a6").andExpect(redirectedUrl("/care/c/" + fresh));
        assertThat(checkIns()).isEqualTo(3);

        // the case page shows the new code and link; the rotation is in the audit log
        mvc.perform(get("/care/observations/{id}", caseId).with(user((UserDetails) staffA)))
                .andExpect(content().string(containsString(fresh)))
                .andExpect(content().string(containsString("/care/c/" + fresh)))
                .andExpect(content().string(not(containsString(code + "<"))));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ROTATE_CHECK_IN_CODE' and subject_id = :s")
                .param("s", caseId.toString()).query(Integer.class).single()).isEqualTo(1);

        // twice more: only the newest works
        var third = rotate((UserDetails) staffA);
        api(fresh, "36.6", "a7").andExpect(status().isGone());
        api(third, "36.6", "a7").andExpect(status().isCreated());
    }

    @Test
    void onlyStaffWhoMaySeeTheOpenCaseRotateItsCode() throws Exception {
        var other = "staff2-" + street.a().id();
        accounts.create(other, "另一位社区工作者", Fixtures.PASSWORD, Role.COMMUNITY_STAFF, List.of(),
                List.of(street.a().id()), null);
        mvc.perform(post("/care/observations/{id}/check-in-code", caseId).with(user(users.loadUserByUsername(other)))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/care/observations/{id}/check-in-code", caseId)
                .with(user(users.loadUserByUsername(street.b().staffUsername()))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/care/observations/{id}/check-in-code", caseId)).andExpect(status().isForbidden());
        assertThat(observations.find(caseId).orElseThrow().codeVersion()).isEqualTo(1);

        observations.close(staffA, caseId, "RELEASED");
        mvc.perform(post("/care/observations/{id}/check-in-code", caseId).with(user((UserDetails) staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", "这个观察已经结束了。"));
        assertThat(observations.find(caseId).orElseThrow().codeVersion()).isEqualTo(1);
    }

    @Test
    void theCasePageShowsTheQrCodeOfTheLink() throws Exception {
        var png = mvc.perform(get("/care/observations/{id}/check-in-code.png", caseId).with(user((UserDetails) staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        mvc.perform(get("/care/observations/{id}/check-in-code.png", caseId)
                .with(user(users.loadUserByUsername(street.b().staffUsername())))).andExpect(status().isNotFound());
    }
}
