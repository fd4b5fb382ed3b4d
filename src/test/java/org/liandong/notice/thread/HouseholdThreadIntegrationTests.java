package org.liandong.notice.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A household writes to its committee; staff see it as unread and as "nobody answered"; an answer clears
 * both and reaches the household's inbox; other communities' staff see nothing of it.
 */
@LiandongTest
class HouseholdThreadIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired HouseholdThreads threads;

    Fixtures.TestStreet street;
    UserDetails resident;
    UserDetails staffA;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        staffA = users.loadUserByUsername(street.a().staffUsername());
    }

    @Test
    void aQuestionWaitsUntilStaffAnswerAndTheAnswerReachesTheHousehold() throws Exception {
        mvc.perform(post("/messages").with(user(resident)).with(csrf()).param("body", "家里降压药只剩两天，<b>能帮忙</b>买吗？"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "notice.thread.sent"));
        mvc.perform(post("/messages").with(user(resident)).with(csrf()).param("body", "  "))
                .andExpect(flash().attribute("problem", "留言不能为空。"));

        mvc.perform(get("/threads").with(user(staffA)).param("community", street.a().id()))
                .andExpect(content().string(containsString("还没人回复的家庭：1")))
                .andExpect(content().string(containsString("1 条未读")));
        var me = (LiandongUser) staffA;
        var thread = threads.ofCommunity(me.scope(), street.a().id(), true).getFirst();
        assertThat(thread.householdId()).isEqualTo(street.a().households().getFirst());

        mvc.perform(get("/threads/" + thread.id()).with(user(staffA)))
                .andExpect(content().string(containsString("&lt;b&gt;能帮忙&lt;/b&gt;")));
        mvc.perform(get("/threads").with(user(staffA)).param("community", street.a().id()))
                .andExpect(content().string(not(containsString("1 条未读"))))
                .andExpect(content().string(containsString("还没人回复的家庭：1")));

        mvc.perform(post("/threads/" + thread.id()).with(user(staffA)).with(csrf()).param("body", "明天志愿者送到门口。"))
                .andExpect(status().is3xxRedirection());
        assertThat(threads.unansweredCount(me.scope(), street.a().id())).isZero();
        assertThat(threads.unreadForHousehold((LiandongUser) resident)).isEqualTo(1);
        mvc.perform(get("/inbox").with(user(resident))).andExpect(content().string(containsString("明天志愿者送到门口。")));
        mvc.perform(get("/messages").with(user(resident))).andExpect(content().string(containsString("明天志愿者送到门口。")));
        assertThat(threads.unreadForHousehold((LiandongUser) resident)).isZero();

        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(get("/threads/" + thread.id()).with(user(staffB))).andExpect(status().isNotFound());
        mvc.perform(post("/threads/" + thread.id()).with(user(staffB)).with(csrf()).param("body", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/threads/" + UUID.randomUUID()).with(user(staffA))).andExpect(status().isNotFound());
    }
}
