package org.liandong.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The pages anyone may use without an account refuse a flood from one address, or guessing for one phone. */
@LiandongTest
@TestPropertySource(properties = {
        "liandong.rate-limits.buckets.volunteer-apply.limit=3",
        "liandong.rate-limits.buckets.volunteer-status-phone.limit=4",
        "liandong.rate-limits.buckets.resident-register.limit=2"})
class PublicFormLimitIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    long applications(String communityId) {
        return jdbc.sql("select count(*) from volunteer_application where community_id = :c").param("c", communityId)
                .query(Long.class).single();
    }

    @Test
    void aFloodOfApplicationsFromOneAddressIsStoppedAfterTheLimitAndWritesNothing() throws Exception {
        var street = fixtures.street();
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/volunteer/apply").params(ApplicationParams.valid(street.a().id()))
                    .with(from("198.51.100.7")).with(csrf())).andExpect(redirectedUrl("/volunteer/apply/submitted"));
        }
        mvc.perform(post("/volunteer/apply").params(ApplicationParams.valid(street.a().id()))
                        .with(from("198.51.100.7")).with(csrf()))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString("尝试次数太多")));
        mvc.perform(post("/volunteer/apply").params(ApplicationParams.valid(street.a().id())).locale(Locale.ENGLISH)
                        .param("lang", "en").with(from("198.51.100.7")).with(csrf()))
                .andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("Too many attempts")));
        assertThat(applications(street.a().id())).isEqualTo(3);
        // a neighbour on another connection is not affected
        mvc.perform(post("/volunteer/apply").params(ApplicationParams.valid(street.a().id()))
                .with(from("198.51.100.8")).with(csrf())).andExpect(redirectedUrl("/volunteer/apply/submitted"));
        assertThat(applications(street.a().id())).isEqualTo(4);
    }

    @Test
    void guessingReferenceCodesForOnePhoneIsStoppedWhateverTheAddress() throws Exception {
        var phone = "13700001234";
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/volunteer/status").param("phone", phone).param("code", "GUESS" + i)
                    .with(from("203.0.113." + i)).with(csrf())).andExpect(status().isOk());
        }
        mvc.perform(post("/volunteer/status").param("phone", phone).param("code", "GUESS9")
                .with(from("203.0.113.99")).with(csrf())).andExpect(status().isTooManyRequests());
        mvc.perform(post("/volunteer/status/password").param("phone", phone).param("code", "GUESS9")
                        .param("password", "long-enough-1").param("passwordAgain", "long-enough-1")
                        .with(from("203.0.113.98")).with(csrf()))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void residentSignUpIsLimitedPerAddress() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/register").param("phone", "1380013800" + i).param("name", "测试")
                    .param("password", "x").param("passwordAgain", "y").with(from("192.0.2.5")).with(csrf()))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/register").param("phone", "13800138009").param("name", "测试")
                        .param("password", "long-enough-1").param("passwordAgain", "long-enough-1")
                        .with(from("192.0.2.5")).with(csrf()))
                .andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("select count(*) from user_account where username = '13800138009'").query(Long.class)
                .single()).isZero();
    }
}
