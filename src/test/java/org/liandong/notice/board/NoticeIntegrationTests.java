package org.liandong.notice.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.community.HouseholdDirectory;
import org.liandong.notice.Channel;
import org.liandong.notice.Notifications;
import org.liandong.platform.Role;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Notices from the staff form to the residents' phones: audiences resolve to the right households and
 * accounts, read receipts show which building-group leaders have not confirmed, attachments are checked
 * by their bytes and size, HTML stays text, and nobody reads a notice that was not meant for them.
 */
@LiandongTest
class NoticeIntegrationTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired UserDetailsService users;
    @Autowired Accounts accounts;
    @Autowired HouseholdDirectory households;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails staffA;
    UserDetails residentA;
    UserDetails residentB;
    UserDetails leader1;
    UserDetails leader2;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
        residentA = users.loadUserByUsername(fixtures.residentAccount(street.a())); // household 0, group 1
        residentB = users.loadUserByUsername(fixtures.residentAccount(street.b()));
        // households 0,1,4,5 live in building group 1, households 2,3 in group 2 (Fixtures)
        leader1 = leader("1", street.a().households().get(1));
        leader2 = leader("2", street.a().households().get(2));
    }

    UserDetails leader(String suffix, UUID household) {
        var name = "leader-" + suffix + "-" + street.a().id();
        accounts.create(name, "楼组长" + suffix, Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(),
                List.of(street.a().id()), household);
        return users.loadUserByUsername(name);
    }

    MockMultipartHttpServletRequestBuilder form(String audience, String title) {
        var request = multipart("/notices");
        request.with(user(staffA)).with(csrf());
        request.param("community", street.a().id()).param("audience", audience).param("category", "POLICY")
                .param("title", title).param("body", "周六上午在社区广场发放口罩，请按楼组排队。");
        return request;
    }

    UUID publish(MockMultipartHttpServletRequestBuilder request) throws Exception {
        var location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/notices/");
        return UUID.fromString(location.substring("/notices/".length()));
    }

    UUID notificationOf(UUID notice) {
        return notifications.bySubject("notice:" + notice).orElseThrow();
    }

    @Test
    void aCommunityNoticeReachesEveryHouseholdAndLeaderOfTheCommunityOnly() throws Exception {
        var id = publish(form("COMMUNITY", "口罩发放通知"));
        var deliveries = notifications.deliveries(notificationOf(id));
        assertThat(deliveries.stream().filter(d -> d.householdId() != null).map(d -> d.householdId()))
                .containsExactlyInAnyOrderElementsOf(street.a().households());
        assertThat(deliveries.stream().filter(d -> d.userId() != null)).hasSize(2);
        assertThat(deliveries).allMatch(d -> d.channel() == Channel.IN_APP);

        mvc.perform(get("/notices").with(user(residentA))).andExpect(content().string(containsString("口罩发放通知")));
        mvc.perform(get("/inbox").with(user(residentA))).andExpect(content().string(containsString("1 条未读")));
        mvc.perform(get("/notices/" + id).with(user(residentA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("请按楼组排队")));
        mvc.perform(get("/inbox").with(user(residentA)))
                .andExpect(content().string(containsString("0 条未读")));
        mvc.perform(get("/notices").with(user(residentB))).andExpect(content().string(not(containsString("口罩发放通知"))));
        mvc.perform(get("/notices/" + id).with(user(residentB))).andExpect(status().isNotFound());
        mvc.perform(get("/notices/" + id).with(user(users.loadUserByUsername(street.b().staffUsername()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffSeeWhichBuildingGroupLeadersHaveNotConfirmed() throws Exception {
        var id = publish(form("COMMUNITY", "居家隔离须知"));
        mvc.perform(get("/notices/" + id).with(user(staffA)))
                .andExpect(content().string(containsString("未确认的楼组长（2）")))
                .andExpect(content().string(containsString("楼组长1")));

        mvc.perform(get("/notices/" + id).with(user(leader1))).andExpect(status().isOk());

        mvc.perform(get("/notices/" + id).with(user(staffA)))
                .andExpect(content().string(containsString("未确认的楼组长（1）")))
                .andExpect(content().string(containsString("已确认的楼组长（1）")));
        var receipts = jdbc.sql("select count(*) from notice_read where notice_id = :n").param("n", id)
                .query(Long.class).single();
        assertThat(receipts).isEqualTo(1);
    }

    @Test
    void aBuildingGroupNoticeReachesThatGroupAndItsLeaderOnly() throws Exception {
        var group1 = households.buildingGroupOfHousehold(street.a().households().getFirst()).orElseThrow();
        var id = publish(form("BUILDING_GROUP", "1号楼组消杀时间").param("buildingGroup", group1.toString()));
        var deliveries = notifications.deliveries(notificationOf(id));
        var hh = street.a().households();
        assertThat(deliveries.stream().filter(d -> d.householdId() != null).map(d -> d.householdId()))
                .containsExactlyInAnyOrder(hh.get(0), hh.get(1), hh.get(4), hh.get(5));
        assertThat(deliveries.stream().filter(d -> d.userId() != null).map(d -> d.userId()))
                .containsExactly(((org.liandong.platform.LiandongUser) leader1).userId());
        mvc.perform(get("/notices/" + id).with(user(leader2))).andExpect(status().isNotFound());
    }

    @Test
    void vulnerableAndVolunteerAudiences() throws Exception {
        var vulnerable = publish(form("VULNERABLE", "独居老人上门送药").param("vulnerability", "ELDERLY_ALONE"));
        assertThat(notifications.deliveries(notificationOf(vulnerable)).stream().filter(d -> d.householdId() != null)
                .map(d -> d.householdId())).containsExactly(street.a().households().getFirst());

        var volunteer = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY),
                Availability.always());
        var toVolunteers = publish(form("VOLUNTEERS", "志愿者集合通知"));
        assertThat(notifications.deliveries(notificationOf(toVolunteers)).stream().map(d -> d.userId()))
                .containsExactly(volunteer.userId());
        mvc.perform(get("/notices").with(user(users.loadUserByUsername(volunteer.username()))))
                .andExpect(content().string(containsString("志愿者集合通知")));
    }

    @Test
    void htmlAndScriptStayText() throws Exception {
        var request = form("COMMUNITY", "<script>alert('x')</script>通知");
        request.param("body", "<img src=x onerror=alert(1)>正文");
        var id = publish(request);
        mvc.perform(get("/notices/" + id).with(user(residentA)))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;正文")));
    }

    @Test
    void attachmentsAreCheckedByTheirBytesAndSize() throws Exception {
        var before = countNotices();
        var big = new byte[10 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        mvc.perform(form("COMMUNITY", "大附件").file(new MockMultipartFile("files", "海报.png", "image/png", big)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("附件“海报.png”有 10 MB，超过了 5 MB 的上限")))
                .andExpect(content().string(containsString("value=\"大附件\"")));
        var exe = new byte[100];
        exe[0] = 'M';
        exe[1] = 'Z';
        mvc.perform(form("COMMUNITY", "假图片").file(new MockMultipartFile("files", "photo.png", "image/png", exe)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("附件“photo.png”不是 PNG、JPEG 图片或 PDF 文件")));
        assertThat(countNotices()).as("nothing published").isEqualTo(before);

        var pdf = "%PDF-1.4\n%test\n".getBytes();
        var id = publish(form("COMMUNITY", "附件通知")
                .file(new MockMultipartFile("files", "poster.png", "image/png", PNG))
                .file(new MockMultipartFile("files", "guide.pdf", "application/octet-stream", pdf)));
        var files = jdbc.sql("select id, content_type from notice_attachment where notice_id = :n order by file_name")
                .param("n", id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(files).extracting(f -> f[1]).containsExactly("application/pdf", "image/png");
        mvc.perform(get("/notices/" + id + "/files/" + files.get(1)[0]).with(user(residentA)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get("/notices/" + id + "/files/" + files.get(0)[0]).with(user(residentB)))
                .andExpect(status().isNotFound());
    }

    @Test
    void pinnedComeFirstAndExpiredNoticesLeaveTheResidentsList() throws Exception {
        publish(form("COMMUNITY", "普通通知"));
        publish(form("COMMUNITY", "置顶通知").param("pinned", "true"));
        var old = publish(form("COMMUNITY", "过期通知").param("expires", java.time.LocalDate.now().plusDays(1).toString()));
        jdbc.sql("update notice set expires_at = :t where id = :id")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60))).param("id", old).update();
        var page = mvc.perform(get("/notices").with(user(residentA))).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("置顶通知")).isLessThan(page.indexOf("普通通知"));
        assertThat(page).doesNotContain("过期通知");
        mvc.perform(form("COMMUNITY", "过去的日期").param("expires", "2020-01-01"))
                .andExpect(content().string(containsString("截止日期不能早于今天")));
    }

    @Test
    void aGroupRobotOfTheCommunityGetsEveryCommunityNotice() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/notices/webhooks")
                        .with(user(staffA)).with(csrf()).param("community", street.a().id()).param("name", "甲社区居民群")
                        .param("url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"))
                .andExpect(status().is3xxRedirection());
        var id = publish(form("COMMUNITY", "群通知"));
        assertThat(notifications.deliveries(notificationOf(id)).stream().filter(d -> d.channel() == Channel.WEBHOOK)
                .map(d -> d.address())).containsExactly("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc");
    }

    @Test
    void aRobotOutsideTheAllowListIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        var before = jdbc.sql("select count(*) from notice_webhook").query(Long.class).single();
        var flash = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/notices/webhooks")
                        .with(user(staffA)).with(csrf()).param("community", street.a().id()).param("name", "外部群")
                        .param("url", "https://hooks.evil.example/send?key=abc"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("problem");
        assertThat((String) flash).contains("hooks.evil.example").contains("qyapi.weixin.qq.com");
        assertThat(jdbc.sql("select count(*) from notice_webhook").query(Long.class).single()).isEqualTo(before);
    }

    long countNotices() {
        return jdbc.sql("select count(*) from notice where community_id = :c").param("c", street.a().id())
                .query(Long.class).single();
    }
}
