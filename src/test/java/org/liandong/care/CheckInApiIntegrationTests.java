package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.care.observation.CheckInLinks;
import org.liandong.care.observation.Observations;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The JSON check-in API for phones: the signed code instead of a login, group commit, fever alert in the same
 * commit, and every bad input answered with a message and nothing written.
 */
@LiandongTest
class CheckInApiIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
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

    ResultActions send(String json) throws Exception {
        return mvc.perform(post("/api/v1/care/check-ins").contentType(MediaType.APPLICATION_JSON).content(json)
                .header("Accept-Language", "zh-CN"));
    }

    static String body(String code, String temperature, String token) {
        return """
                {"code": "%s", "temperature": "%s", "symptoms": ["COUGH"], "needs": "缺体温计电池", "clientToken": "%s"}"""
                .formatted(code, temperature, token);
    }

    int checkIns() {
        return jdbc.sql("select count(*) from care_checkin where observation_id = :o").param("o", caseId)
                .query(Integer.class).single();
    }

    int feverAlerts() {
        return jdbc.sql("select count(*) from care_alert where subject_id = :o and kind = 'FEVER'").param("o", caseId)
                .query(Integer.class).single();
    }

    @Test
    void aPhoneChecksInWithTheCodeOnceEvenWhenItSendsTwiceAndAFeverAlertsTheWorker() throws Exception {
        var token = UUID.randomUUID().toString();
        var first = send(body(code, "36,6", token)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECORDED")).andExpect(jsonPath("$.fever").value(false))
                .andReturn().getResponse().getContentAsString();
        send(body(code, "36,6", token)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DUPLICATE"))
                .andExpect(jsonPath("$.message").value(containsString("不会重复记录")));
        assertThat(first).contains(observations.checkIns(caseId).getFirst().id().toString());
        assertThat(checkIns()).isEqualTo(1);
        var stored = observations.checkIns(caseId).getFirst();
        assertThat(stored.temperature().tenths()).isEqualTo(366);
        assertThat(stored.needs()).isEqualTo("缺体温计电池"); // encrypted at rest, read back by the worker
        assertThat(jdbc.sql("select needs_cipher from care_checkin where observation_id = :o").param("o", caseId)
                .query(String.class).single()).doesNotContain("电池");
        assertThat(feverAlerts()).isZero();

        // a fever: the alert is committed with the check-in, so it is on the worker's list when the phone hears back
        send(body(code, "38.4℃", UUID.randomUUID().toString())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.fever").value(true));
        assertThat(feverAlerts()).isEqualTo(1);
        mvc.perform(get("/care/alerts").with(user((org.springframework.security.core.userdetails.UserDetails) staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("张1")));
    }

    @Test
    void manyPhonesAtOnceAreWrittenTogetherAndEachAnswered() throws Exception {
        var tokens = new ArrayList<String>();
        for (var i = 0; i < 40; i++) {
            tokens.add("t" + (i % 30)); // ten sent twice, as flaky phones do
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (var token : tokens) {
                answers.add(pool.submit(() -> send(body(code, "36.8", token)).andReturn().getResponse().getStatus()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isIn(200, 201);
            }
        }
        assertThat(checkIns()).isEqualTo(30);
    }

    @Test
    void badInputIsRefusedWithAMessageAndWritesNothing() throws Exception {
        for (var typo : List.of("3.7", "73", "abc", "")) {
            send(body(code, typo, UUID.randomUUID().toString())).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.message").value(containsString("体温")));
        }
        send(body(code, "36.5", "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("clientToken")));
        send(body(code, "36.5", "x".repeat(65))).andExpect(status().isBadRequest());
        send("""
                {"code": "%s", "temperature": "36.5", "symptoms": ["FLYING"], "clientToken": "s1"}""".formatted(code))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("FLYING")));
        send("{not json").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("看不懂")));
        // a forged or altered code, or one for another case id, is not accepted
        var forged = caseId + "." + "0".repeat(32);
        send(body(forged, "36.5", "f1")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(containsString("打卡码无效")));
        send(body(links.code(UUID.randomUUID(), 1), "36.5", "f2")).andExpect(status().isNotFound());
        send(body("nonsense", "36.5", "f3")).andExpect(status().isNotFound());
        assertThat(checkIns()).isZero();

        // a closed case takes no more check-ins
        observations.close(staffA, caseId, "RELEASED");
        send(body(code, "36.5", "after")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.message").value(containsString("已经结束")));
        assertThat(checkIns()).isZero();
    }

    @Test
    void theApiAnswersOnlyPostsAndNeverWithAPageOrACookie() throws Exception {
        mvc.perform(get("/api/v1/care/check-ins")).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", "POST"))
                .andExpect(jsonPath("$.message").value(containsString("POST")));
        send(body(code, "36.5", "h1")).andExpect(status().isCreated())
                .andExpect(content().contentType("application/json"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.id").value(observations.checkIns(caseId).getFirst().id().toString()));
        // the answer's language follows the platform's cookie; unreadable JSON changes nothing
        mvc.perform(post("/api/v1/care/check-ins").contentType(MediaType.APPLICATION_JSON).content("[1, 2]")
                        .cookie(new jakarta.servlet.http.Cookie("ld-lang", "en")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("could not be read")));
        send(body(code, "36.5", "big").replace("缺体温计电池", "药".repeat(20_000))).andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.message").value(containsString("16 KB")));
        assertThat(checkIns()).isEqualTo(1);
        // answered before the dispatcher, described all the same
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/care/check-ins'].post.responses['410']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/care/check-ins'].post.requestBody.content['application/json']"
                        + ".schema.required").value(org.hamcrest.Matchers.hasItem("clientToken")));
    }

    @Test
    void theStaffCasePageShowsTheCode() throws Exception {
        mvc.perform(get("/care/observations/{id}", caseId).with(user((org.springframework.security.core.userdetails.UserDetails) staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString(code)));
    }
}
