package org.liandong.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.notice.rumour.RumourChecks;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * HTML and script typed into any field of threads, rumour checks and guides come back as text: escaped on every
 * page that shows them, never as markup, and a {@code javascript:} "source" is never a link.
 */
@LiandongTest
class ScriptStaysInertIntegrationTests {

    static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired RumourChecks rumours;

    String page(UserDetails who, String path, Object... query) throws Exception {
        var request = get(path).with(user(who));
        for (int i = 0; i < query.length; i += 2) {
            request = request.param((String) query[i], (String) query[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static void inert(String html) {
        assertThat(html).contains(ESCAPED).doesNotContain("<script>alert('x')").doesNotContain("<img src=x");
    }

    @Test
    void inThreadsRumourChecksAndGuides() throws Exception {
        var street = fixtures.street();
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        var staff = users.loadUserByUsername(street.a().staffUsername());

        mvc.perform(post("/messages").with(user(resident)).with(csrf()).param("body", "药没了 " + SCRIPT))
                .andExpect(status().is3xxRedirection());
        inert(page(resident, "/messages"));
        var threadPage = page(staff, "/threads", "community", street.a().id());
        var threadId = threadPage.substring(threadPage.indexOf("/threads/") + 9, threadPage.indexOf("/threads/") + 45);
        inert(page(staff, "/threads/" + threadId));

        var marker = UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/rumours").with(user(resident)).with(csrf()).param("question", "听说 " + marker + SCRIPT))
                .andExpect(status().is3xxRedirection());
        inert(page(resident, "/rumours"));
        var expertName = "expert-" + marker;
        accounts.create(expertName, "专家" + marker, Fixtures.PASSWORD, Role.EXPERT, List.of(), List.of(), null);
        var expert = users.loadUserByUsername(expertName);
        inert(page(expert, "/rumours"));
        var id = rumours.open((LiandongUser) expert).stream().filter(c -> c.question().contains(marker)).findFirst()
                .orElseThrow().id();
        mvc.perform(post("/rumours/" + id + "/answer").with(user(expert)).with(csrf()).param("verdict", "FALSE")
                        .param("answer", "不实。" + SCRIPT).param("source", "javascript:alert(1)"))
                .andExpect(status().is3xxRedirection());
        var found = page(resident, "/rumours", "q", marker);
        inert(found);
        assertThat(found).contains("javascript:alert(1)").doesNotContain("href=\"javascript:");

        var location = mvc.perform(post("/guides").with(user(staff)).with(csrf()).param("topic", "OTHER")
                        .param("title", marker + SCRIPT).param("body", "正文 " + SCRIPT))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        inert(page(resident, location));
        inert(page(resident, "/guides", "q", marker));
    }
}
