package org.liandong.notice.rumour;

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

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A rumour is asked, answered false with a source by an expert, the asker is told, and anyone finds it. */
@LiandongTest
class RumourCheckIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired RumourChecks checks;

    @Test
    void askedAnsweredToldAndFound() throws Exception {
        var street = fixtures.street();
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        var marker = UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/rumours").with(user(resident)).with(csrf()).param("question", "听说自来水会传播病毒 " + marker))
                .andExpect(flash().attribute("ok", "notice.rumour.submitted"));
        mvc.perform(post("/rumours").with(user(resident)).with(csrf()).param("question", "水"))
                .andExpect(flash().attribute("problem", "请用 4 到 1000 个字说明您听到了什么。"));

        var expertName = "expert-" + marker;
        accounts.create(expertName, "郑医生", Fixtures.PASSWORD, Role.EXPERT, List.of(), List.of(), null);
        var expert = users.loadUserByUsername(expertName);
        var question = checks.open((LiandongUser) expert).stream().filter(c -> c.question().contains(marker))
                .findFirst().orElseThrow();
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(post("/rumours/" + question.id() + "/answer").with(user(staffB)).with(csrf())
                .param("verdict", "FALSE").param("answer", "x").param("source", "y")).andExpect(status().isNotFound());
        mvc.perform(post("/rumours/" + question.id() + "/answer").with(user(expert)).with(csrf())
                        .param("verdict", "FALSE").param("answer", "自来水经过消毒，不会传播病毒。").param("source", " "))
                .andExpect(flash().attribute("problem", "请注明依据（网址或权威出处），最多 500 个字。"));
        mvc.perform(post("/rumours/" + question.id() + "/answer").with(user(expert)).with(csrf())
                        .param("verdict", "FALSE").param("answer", "自来水经过消毒，不会传播病毒。")
                        .param("source", "https://www.who.int/"))
                .andExpect(flash().attribute("ok", "notice.rumour.answered"));
        mvc.perform(post("/rumours/" + question.id() + "/answer").with(user(expert)).with(csrf())
                        .param("verdict", "TRUE").param("answer", "x").param("source", "y"))
                .andExpect(flash().attribute("problem", "这个问题已经有人解答了。"));

        mvc.perform(get("/inbox").with(user(resident))).andExpect(content().string(containsString("您问的传言已有解答：不实")));
        var other = users.loadUserByUsername(fixtures.residentAccount(street.b()));
        mvc.perform(get("/rumours").with(user(other)).param("q", "自来水 " + marker))
                .andExpect(content().string(containsString("自来水经过消毒，不会传播病毒。")))
                .andExpect(content().string(containsString("href=\"https://www.who.int/\"")));
        mvc.perform(get("/rumours").with(user(other)).param("q", "自来水 nothing-" + marker))
                .andExpect(content().string(not(containsString("自来水经过消毒"))));
        mvc.perform(get("/rumours").with(user(other)).param("q", "100%_"))
                .andExpect(status().isOk());
    }
}
