package org.liandong.notice.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;

/**
 * Alerts from the staff form to a regional warning system: the notice reaches the community, the CAP 1.2
 * message is served to anyone and validates against the official schema (as does every message the feed
 * lists), with Chinese and English info blocks; a message that would not validate is never published.
 */
@LiandongTest
class CapAlertIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired CapAlerts alerts;

    Fixtures.TestStreet street;
    UserDetails staffA;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
    }

    MockHttpServletRequestBuilder alert(String headlineZh) {
        return alert(headlineZh, "Planned water outage");
    }

    MockHttpServletRequestBuilder alert(String headlineZh, String eventEn) {
        return post("/notices/alerts").with(user(staffA)).with(csrf()).param("community", street.a().id())
                .param("audience", "COMMUNITY").param("category", "Infra").param("urgency", "Expected")
                .param("severity", "Moderate").param("certainty", "Observed")
                .param("eventZh", "计划停水").param("eventEn", eventEn)
                .param("headlineZh", headlineZh).param("headlineEn", "Water off tomorrow 09:00-15:00")
                .param("descriptionZh", "因管道维修，明天 9:00–15:00 停水。<请勿>惊慌 & 储水。")
                .param("descriptionEn", "Pipe repairs: no water tomorrow 09:00-15:00.")
                .param("instructionZh", "请提前储水。").param("instructionEn", "Please store water in advance.")
                .param("expires", java.time.LocalDateTime.now(org.liandong.notice.NoticeTime.ZONE).plusDays(1)
                        .withNano(0).toString());
    }

    @Test
    void anAlertIsANoticeAndAValidCapMessageInTheFeed() throws Exception {
        var location = mvc.perform(alert("明日停水")).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        var noticeId = UUID.fromString(location.substring("/notices/".length()));
        var identifier = alerts.identifierOfNotice(noticeId).orElseThrow();

        var xml = mvc.perform(get("/cap/alerts/" + identifier + ".xml")) // no sign-in: public
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/cap+xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        OfficialCapSchema.assertValid(xml);
        var doc = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var infos = doc.getElementsByTagNameNS(CapMessage.NS, "info");
        assertThat(infos.getLength()).isEqualTo(2);
        assertThat(((Element) infos.item(0)).getElementsByTagNameNS(CapMessage.NS, "language").item(0).getTextContent())
                .isEqualTo("zh-CN");
        assertThat(((Element) infos.item(1)).getElementsByTagNameNS(CapMessage.NS, "headline").item(0).getTextContent())
                .isEqualTo("Water off tomorrow 09:00-15:00");
        assertThat(((Element) infos.item(0)).getElementsByTagNameNS(CapMessage.NS, "description").item(0)
                .getTextContent()).contains("<请勿>惊慌 & 储水");
        assertThat(doc.getElementsByTagNameNS(CapMessage.NS, "value").item(0).getTextContent())
                .isEqualTo(street.a().id());

        var feed = mvc.perform(get("/cap/feed.atom")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var atom = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
        var links = atom.getElementsByTagNameNS(AtomFeed.NS, "link");
        var found = false;
        for (int i = 0; i < links.getLength(); i++) {
            var link = (Element) links.item(i);
            if (!"alternate".equals(link.getAttribute("rel"))) {
                continue;
            }
            var path = link.getAttribute("href").replaceFirst("^https?://[^/]+", "");
            var linked = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            OfficialCapSchema.assertValid(linked); // every message the feed lists
            found |= path.contains(identifier);
        }
        assertThat(found).as("the feed lists the new alert").isTrue();

        mvc.perform(get("/notices/" + noticeId).with(user(users.loadUserByUsername(fixtures.residentAccount(street.a())))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("明日停水")))
                .andExpect(content().string(containsString("CAP 1.2")));
    }

    @Test
    void aMessageThatWouldNotValidateIsNeverPublished() throws Exception {
        var before = jdbc.sql("select count(*) from notice where community_id = :c").param("c", street.a().id())
                .query(Long.class).single();
        mvc.perform(alert("明日停水\u0007"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无法生成符合 CAP 1.2 标准的消息，预警没有发布")))
                .andExpect(content().string(containsString("Planned water outage")));
        assertThat(jdbc.sql("select count(*) from notice where community_id = :c").param("c", street.a().id())
                .query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from cap_alert where community_id = :c").param("c", street.a().id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void unknownAlertsAndMissingTextsGetClearAnswers() throws Exception {
        mvc.perform(get("/cap/alerts/liandong-nothing.xml")).andExpect(status().isNotFound());
        mvc.perform(alert("明日停水", " "))
                .andExpect(content().string(containsString("中文和英文的事件、标题和说明都要填写")));
    }
}
