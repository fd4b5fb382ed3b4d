package org.liandong.notice.guide;

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
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Guides keep every version, refuse a lost update, and are found by words in their latest version. */
@LiandongTest
class GuideIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired Guides guides;

    @Test
    void versionsAreKeptAndTheLatestIsSearched() throws Exception {
        var street = fixtures.street();
        var staff = users.loadUserByUsername(street.a().staffUsername());
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        var marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        var location = mvc.perform(post("/guides").with(user(staff)).with(csrf()).param("topic", "HOME_QUARANTINE")
                        .param("title", "居家隔离十条 " + marker).param("body", "每天早晚测体温两次。"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var id = UUID.fromString(location.substring("/guides/".length()));
        mvc.perform(post("/guides/" + id).with(user(staff)).with(csrf()).param("basedOn", "1")
                        .param("title", "居家隔离十条 " + marker).param("body", "每天早晚测体温两次，记录在小程序里。")
                        .param("note", "加上记录方式"))
                .andExpect(flash().attribute("ok", "notice.guide.saved"));
        mvc.perform(post("/guides/" + id).with(user(staff)).with(csrf()).param("basedOn", "1")
                        .param("title", "x").param("body", "y"))
                .andExpect(flash().attribute("problem", "这份指南刚被别人改过了。请刷新页面，在最新版本上修改。"));
        mvc.perform(post("/guides/" + id).with(user(resident)).with(csrf()).param("basedOn", "2")
                .param("title", "x").param("body", "y")).andExpect(status().isForbidden());

        assertThat(guides.history(id)).extracting(Guides.Version::version).containsExactly(2, 1);
        mvc.perform(get("/guides").with(user(resident)).param("q", marker + " 小程序"))
                .andExpect(content().string(containsString("居家隔离十条 " + marker)));
        mvc.perform(get("/guides").with(user(resident)).param("q", marker + " 不存在的词"))
                .andExpect(content().string(not(containsString("居家隔离十条 " + marker))));
        mvc.perform(get("/guides/" + id).with(user(resident)).param("version", "1"))
                .andExpect(content().string(containsString("这是第 1 版，最新是第 2 版")))
                .andExpect(content().string(not(containsString("记录在小程序里"))));
        mvc.perform(get("/guides/" + id).with(user(resident)))
                .andExpect(content().string(containsString("记录在小程序里")))
                .andExpect(content().string(not(containsString("保存为新版本"))));
        mvc.perform(get("/guides/" + UUID.randomUUID()).with(user(resident))).andExpect(status().isNotFound());
    }
}
