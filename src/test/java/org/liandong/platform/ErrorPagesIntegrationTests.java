package org.liandong.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input gets a clear page in the person's language: never a 500, never a stack trace. */
@LiandongTest
class ErrorPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;

    Fixtures.TestStreet street;
    UserDetails staff;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staff = users.loadUserByUsername(street.a().staffUsername());
    }

    @Test
    void malformedIdsAndParametersAnswer400WithAMessage() throws Exception {
        mvc.perform(get("/residents/not-a-uuid").with(user(staff)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("请求的内容不正确")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(get("/residents").param("page", "abc").with(user(staff))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/residents/123").with(user(staff)))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/json"));
        mvc.perform(post("/residents/{id}/carers", street.a().elderlyAloneWithoutCarer()).param("relation", "NOPE")
                .with(user(staff)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/communities/{id}/stage", street.a().id()).param("stage", "PANIC").param("reason", "x")
                .with(user(staff)).with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void unknownRecordsAndPagesAnswer404() throws Exception {
        mvc.perform(get("/residents/{id}", java.util.UUID.randomUUID()).with(user(staff)))
                .andExpect(status().isNotFound()).andExpect(content().string(containsString("没有找到")));
        mvc.perform(get("/no/such/page").with(user(staff))).andExpect(status().isNotFound());
        mvc.perform(get("/communities/999999999999").with(user(staff))).andExpect(status().isNotFound());
    }

    @Test
    void htmlInInputIsShownAsTextNeverAsMarkup() throws Exception {
        mvc.perform(post("/residents/{id}/carers", street.a().elderlyAloneWithoutCarer())
                .param("carerName", "<script>alert(1)</script>").param("carerPhone", "13912345678")
                .param("relation", "NEIGHBOUR").with(user(staff)).with(csrf()));
        mvc.perform(get("/residents/{id}", street.a().elderlyAloneWithoutCarer()).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
        mvc.perform(get("/residents").param("q", "<b>x</b>").with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("<b>x</b>"))));
    }

    @Test
    void invalidCarerGetsAFieldMessageAndNothingIsWritten() throws Exception {
        mvc.perform(post("/residents/{id}/carers", street.a().elderlyAloneWithoutCarer()).param("carerName", "邻居")
                        .param("carerPhone", "12345").param("relation", "NEIGHBOUR").with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/residents/{id}", street.a().elderlyAloneWithoutCarer()).with(user(staff)))
                .andExpect(content().string(not(containsString("邻居 ("))));
    }

    @Test
    void englishAndLargeTextAreRemembered() throws Exception {
        mvc.perform(get("/lang").param("lang", "en")).andExpect(cookie().value("ld-lang", "en"));
        mvc.perform(get("/login").cookie(new Cookie("ld-lang", "en")))
                .andExpect(content().string(containsString("Sign in")));
        mvc.perform(get("/text-size").param("size", "large")).andExpect(cookie().value("ld-text", "large"));
        mvc.perform(get("/login").cookie(new Cookie("ld-text", "large")))
                .andExpect(content().string(containsString("large-text")));
    }

    @Test
    void theHomePageShowsWhatNeedsAttention() throws Exception {
        mvc.perform(get("/").with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("无人照护的困难居民")))
                .andExpect(content().string(containsString(street.a().name())))
                .andExpect(content().string(not(containsString(street.b().name()))));
    }
}
