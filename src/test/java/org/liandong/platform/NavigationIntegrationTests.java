package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Staff, who see many links, get them grouped by module; a resident sees a short flat bar. */
@LiandongTest
class NavigationIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;

    org.jsoup.nodes.Document page(String path, String username) throws Exception {
        var html = mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    @Test
    void staffSeeModulesInTheTopBarAndTheOpenModulesPagesBelowIt() throws Exception {
        var street = fixtures.street();
        var doc = page("/volunteer/rosters", street.a().staffUsername());
        var top = doc.select("nav.main-nav a").eachText();
        assertThat(top).contains("居民登记", "志愿者").doesNotContain("排班", "签到点");
        assertThat(doc.select("nav.main-nav a.current").text()).isEqualTo("志愿者");
        var sub = doc.select("nav.sub-nav a").eachText();
        assertThat(sub).contains("排班", "签到点", "志愿任务");
        assertThat(doc.select("nav.sub-nav a.current").text()).isEqualTo("排班");

        var home = page("/", street.a().staffUsername());
        assertThat(home.select("nav.sub-nav")).isEmpty();
        assertThat(home.select("nav.main-nav a").size()).as("one entry per module, not per page").isLessThanOrEqualTo(10); // home, inbox, 7 modules, 我的
    }

    @Test
    void aResidentSeesTheirFewLinksFlat() throws Exception {
        var street = fixtures.street();
        var doc = page("/my/household", fixtures.residentAccount(street.a()));
        assertThat(doc.select("nav.main-nav a").eachText()).contains("我的家庭");
        assertThat(doc.select("nav.sub-nav")).isEmpty();
    }
}
