package org.liandong.resilience.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.community.Registry;
import org.liandong.community.Stage;
import org.liandong.community.StageHistory;
import org.liandong.platform.LiandongUser;
import org.liandong.resilience.Dimension;
import org.liandong.resilience.PlaybookSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The playbook of a community: a round of the "prepare" items the first time anyone looks, a new round when the
 * street admin switches it to "respond" (CommunityStageChanged), the old one kept as history; ticking, owners,
 * due dates and evidence with clear refusals; scope.
 */
@LiandongTest
class PlaybookIntegrationTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired Registry registry;
    @Autowired StageHistory stages;
    @Autowired Playbook playbook;
    @Autowired PlaybookSource source;

    Fixtures.TestStreet street;
    LiandongUser staffA;
    LiandongUser staffB;
    LiandongUser admin;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = (LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        staffB = (LiandongUser) users.loadUserByUsername(street.b().staffUsername());
        admin = (LiandongUser) users.loadUserByUsername(street.streetAdminUsername());
    }

    @Test
    void switchingToRespondStartsTheRespondItemsAndKeepsThePrepareOnesAsHistory() throws Exception {
        var a = street.a().id();
        mvc.perform(get("/resilience/playbook/{c}", a).with(as(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("发布三篇科普通知")));
        var prepare = playbook.rounds(a);
        assertThat(prepare).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo(Stage.PREPARE);
            assertThat(r.items()).hasSize(Strategy.of(Stage.PREPARE).size());
            assertThat(r.items()).extracting(Playbook.Item::dimension).contains(Dimension.values());
        });
        var science = prepare.getFirst().items().stream().filter(i -> "prepare-science".equals(i.itemKey()))
                .findFirst().orElseThrow();
        playbook.tick(staffA, science.id(), true);

        registry.changeStage(admin, a, Stage.RESPOND, "出现确诊病例，封闭管理");
        await().atMost(Duration.ofSeconds(10)).until(() -> playbook.rounds(a).size() == 2);
        var switched = stages.changes(a).getLast().at();
        var respond = playbook.rounds(a).getFirst();
        assertThat(respond.stage()).isEqualTo(Stage.RESPOND);
        assertThat(respond.reason()).isEqualTo("出现确诊病例，封闭管理");
        assertThat(respond.items()).extracting(Playbook.Item::itemKey)
                .containsExactlyElementsOf(Strategy.of(Stage.RESPOND).stream().map(Strategy::key).toList());
        var day = switched.atZone(ZONE).toLocalDate();
        assertThat(respond.items()).allSatisfy(i -> assertThat(i.due())
                .isEqualTo(day.plusDays(Strategy.valueOf(i.itemKey().toUpperCase().replace('-', '_')).dueDays())));
        assertThat(respond.items()).noneMatch(Playbook.Item::done);
        // the prepare round stays, with what was done in it
        assertThat(playbook.rounds(a).get(1).items()).filteredOn(Playbook.Item::done).singleElement()
                .satisfies(i -> assertThat(i.itemKey()).isEqualTo("prepare-science"));

        // the event again (a republication after a restart) changes nothing
        playbook.stageEntered(a, Stage.RESPOND, switched, "出现确诊病例，封闭管理");
        assertThat(playbook.rounds(a)).hasSize(2);

        var summary = source.summary(a);
        assertThat(summary.stage()).isEqualTo(Stage.RESPOND);
        assertThat(summary.due()).isEqualTo(Strategy.of(Stage.RESPOND).size());
        assertThat(summary.done()).isZero();
        assertThat(summary.lines().getFirst().itemKey()).isEqualTo("resilience.playbook.item.respond-case-information");

        mvc.perform(get("/resilience/playbook/{c}", a).with(as(staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("每天发布匿名化病例信息")))
                .andExpect(content().string(containsString("以往阶段")))
                .andExpect(content().string(containsString("出现确诊病例，封闭管理")));
    }

    @Test
    void aSwitchSeenBeforeTheEventArrivesGetsOneRoundNotTwo() {
        var a = street.a().id();
        registry.changeStage(admin, a, Stage.RESPOND, "封控");
        playbook.current(a); // the page may be opened before the listener has run
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10))
                .until(() -> playbook.rounds(a).stream().anyMatch(r -> r.stage() == Stage.RESPOND));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> playbook.rounds(a).stream().filter(r -> r.stage() == Stage.RESPOND).count() == 1);
    }

    @Test
    void tickingOwnersDueDatesAndEvidenceWithClearRefusals() throws Exception {
        var a = street.a().id();
        var item = playbook.current(a).items().getFirst();

        // htmx: the item comes back ticked
        mvc.perform(htmx(post("/resilience/playbook/items/{id}/done", item.id()).param("done", "true")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("pb-item")))
                .andExpect(content().string(containsString("标记为未完成")))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(playbook.item(staffA, item.id()).done()).isTrue();
        assertThat(playbook.item(staffA, item.id()).doneBy()).isEqualTo(staffA.displayName());

        for (var bad : new String[] {"javascript:alert(1)", "ftp://files.example/x", "//evil.example/x", "www.baidu.com",
                "/notices/<script>"}) {
            mvc.perform(htmx(edit(item.id(), "", item.due().toString(), bad))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("佐证必须是 http(s) 网址")));
        }
        var stranger = staffB.userId().toString();
        mvc.perform(htmx(edit(item.id(), stranger, item.due().toString(), "https://example.org/report")))
                .andExpect(content().string(containsString("负责人必须是本社区的工作人员或社工")));
        var yesterday = LocalDate.now(ZONE).minusDays(1).toString();
        mvc.perform(htmx(edit(item.id(), staffA.userId().toString(), yesterday, "https://example.org/report")))
                .andExpect(content().string(containsString("截止日期不能早于今天")));
        mvc.perform(htmx(edit(item.id(), "", "not-a-date", ""))).andExpect(content().string(containsString("格式不对")));
        // nothing of the refused edits was written
        var unchanged = playbook.item(staffA, item.id());
        assertThat(unchanged.evidence()).isNull();
        assertThat(unchanged.ownerId()).isNull();
        assertThat(unchanged.due()).isEqualTo(item.due());

        var later = LocalDate.now(ZONE).plusDays(40);
        mvc.perform(htmx(edit(item.id(), staffA.userId().toString(), later.toString(), "/notices/" + UUID.randomUUID())))
                .andExpect(content().string(containsString("已保存")));
        var saved = playbook.item(staffA, item.id());
        assertThat(saved.ownerName()).isEqualTo(staffA.displayName());
        assertThat(saved.due()).isEqualTo(later);
        assertThat(saved.evidence()).startsWith("/notices/");
        playbook.edit(staffA, item.id(), null, null, "https://www.shanghai.gov.cn/notice.html");
        assertThat(playbook.item(staffA, item.id()).evidence()).isEqualTo("https://www.shanghai.gov.cn/notice.html");

        // adding an item of the community's own: a due date in the past is refused and nothing is added
        var before = playbook.current(a).items().size();
        mvc.perform(post("/resilience/playbook/{c}/items", a).param("title", "给独居老人送春联").param("dimension", "CULTURAL")
                        .param("owner", "").param("due", yesterday).with(as(staffA)).with(csrf()))
                .andExpect(redirectedUrl("/resilience/playbook/" + a))
                .andExpect(flash().attribute("problem", "截止日期不能早于今天。"));
        mvc.perform(post("/resilience/playbook/{c}/items", a).param("title", "").param("dimension", "CULTURAL")
                        .param("due", later.toString()).with(as(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", "请填写事项内容。"));
        assertThat(playbook.current(a).items()).hasSize(before);
        mvc.perform(post("/resilience/playbook/{c}/items", a).param("title", "给独居老人送春联").param("dimension", "CULTURAL")
                        .param("owner", staffA.userId().toString()).param("due", later.toString())
                        .with(as(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "resilience-playbook.added"));
        assertThat(playbook.current(a).items()).hasSize(before + 1).last()
                .satisfies(i -> assertThat(i.title()).isEqualTo("给独居老人送春联"));
    }

    @Test
    void staffOfAnotherCommunitySeeNothingTheStreetAdminSeesTheStreet() throws Exception {
        var a = street.a().id();
        var item = playbook.current(a).items().getFirst();
        mvc.perform(get("/resilience/playbook/{c}", a).with(as(staffB))).andExpect(status().isNotFound());
        mvc.perform(post("/resilience/playbook/items/{id}/done", item.id()).param("done", "true").with(as(staffB))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/resilience/playbook/{c}/items", a).param("title", "x").param("dimension", "CULTURAL")
                .param("due", LocalDate.now(ZONE).plusDays(3).toString()).with(as(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(playbook.item(staffA, item.id()).done()).isFalse();
        mvc.perform(get("/resilience/playbook/street/{s}", street.id()).with(as(staffB)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(street.a().name()))));

        mvc.perform(get("/resilience/playbook").with(as(staffA)))
                .andExpect(redirectedUrl("/resilience/playbook/" + a));
        mvc.perform(get("/resilience/playbook").with(as(admin)))
                .andExpect(redirectedUrl("/resilience/playbook/street/" + street.id()));
        mvc.perform(get("/resilience/playbook/street/{s}", street.id()).with(as(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString(street.a().name())))
                .andExpect(content().string(containsString(street.b().name())));
        mvc.perform(get("/resilience/playbook/{c}", a).with(as(admin))).andExpect(status().isOk());
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        mvc.perform(get("/resilience/playbook/{c}", a).with(user(resident))).andExpect(status().isForbidden());
    }

    @Test
    void evidenceRules() {
        assertThat(Playbook.checkEvidence("  ")).isNull();
        assertThat(Playbook.checkEvidence(" https://example.org/a?b=c ")).isEqualTo("https://example.org/a?b=c");
        assertThat(Playbook.checkEvidence("/guides/12")).isEqualTo("/guides/12");
        assertThat(Playbook.checkEvidence("HTTP://EXAMPLE.ORG")).isEqualTo("HTTP://EXAMPLE.ORG");
        for (var bad : new String[] {"http://", "https:///path", "data:text/html,x", "//x.org", "/a b",
                "/" + "x".repeat(600)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Playbook.checkEvidence(bad)).as(bad)
                    .isInstanceOf(org.liandong.platform.InvalidValueException.class);
        }
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor as(LiandongUser who) {
        return user((org.springframework.security.core.userdetails.UserDetails) who);
    }

    MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
        return request.header("HX-Request", "true").with(as(staffA)).with(csrf());
    }

    static MockHttpServletRequestBuilder edit(UUID id, String owner, String due, String evidence) {
        return post("/resilience/playbook/items/{id}", id).param("owner", owner).param("due", due)
                .param("evidence", evidence);
    }
}
