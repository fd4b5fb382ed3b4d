package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.liandong.notice.NoticeCategory;
import org.liandong.notice.board.NoticeBoard;
import org.liandong.notice.guide.Guides;
import org.liandong.notice.rumour.RumourChecks;
import org.liandong.notice.rumour.Verdict;
import org.liandong.notice.thread.HouseholdThreads;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's information release in 张家浜居委会 (same small demo and context as {@link DemoDataIntegrationTests}):
 * pinned notices of several categories, a case notice, a CAP alert in the feed, guides, rumour checks answered and
 * open, threads that wait for an answer, and receipts that two of three leaders confirmed; loading again adds
 * nothing.
 */
@LiandongTest
@TestPropertySource(properties = {"liandong.demo.enabled=true", "liandong.demo.populated-communities-per-street=2",
        "liandong.demo.residents-per-community=200"})
class DemoNoticesIntegrationTests {

    static final String ZHANGJIABANG = DemoDataIntegrationTests.ZHANGJIABANG;

    @Autowired DemoNotices chapter;
    @Autowired NoticeBoard board;
    @Autowired Guides guides;
    @Autowired RumourChecks rumours;
    @Autowired HouseholdThreads threads;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired DemoSettings settings;

    LiandongUser staff() {
        return (LiandongUser) users.loadUserByUsername("staff-fenglin");
    }

    @Test
    void pinnedNoticesOfSeveralCategoriesACaseNoticeAndAnAlert() throws Exception {
        var notices = board.ofCommunity(staff().scope(), ZHANGJIABANG);
        assertThat(notices).hasSizeGreaterThanOrEqualTo(7);
        assertThat(notices.stream().filter(NoticeBoard.Summary::pinned).map(NoticeBoard.Summary::category).distinct())
                .as("pinned notices of several categories").hasSizeGreaterThanOrEqualTo(2);
        assertThat(notices.getFirst().pinned()).isTrue();
        assertThat(notices).extracting(NoticeBoard.Summary::category)
                .contains(NoticeCategory.POLICY, NoticeCategory.SERVICE, NoticeCategory.SCIENCE, NoticeCategory.GUIDE,
                        NoticeCategory.CASE_INFORMATION);
        mvc.perform(get("/cap/feed.atom")).andExpect(content().string(containsString("本社区新增一例确诊病例")));

        var policy = notices.stream().filter(n -> n.title().equals(DemoNotices.POLICY)).findFirst().orElseThrow();
        var receipts = board.receipts(staff().scope(), policy.id());
        assertThat(receipts.leadersConfirmed()).hasSize(2);
        assertThat(receipts.leadersPending()).extracting(NoticeBoard.Leader::name).containsExactly("陈国强");
        assertThat(board.attachments(policy.id())).singleElement().satisfies(a -> assertThat(a.image()).isTrue());
    }

    @Test
    void guidesRumourChecksAndThreads() {
        // other tests may share the database (guides and rumour checks are not per community): pick the demo's own
        assertThat(guides.search("居家隔离")).filteredOn(g -> g.title().equals("居家隔离怎么做")).singleElement()
                .satisfies(g -> assertThat(g.version()).isEqualTo(2));
        assertThat(guides.search(null)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(rumours.search("自来水", 50)).filteredOn(c -> c.question().equals(DemoNotices.RUMOUR)).singleElement()
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.FALSE));
        var expert = (LiandongUser) users.loadUserByUsername("expert");
        assertThat(rumours.open(expert)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(threads.unansweredCount(staff().scope(), ZHANGJIABANG)).isEqualTo(2);
        assertThat(threads.ofCommunity(staff().scope(), ZHANGJIABANG, false)).hasSize(3);
        assertThat(jdbc.queryForObject("select count(*) from team_thread_message", Long.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void loadingAgainAddsNothing() {
        var before = jdbc.queryForObject("select count(*) from notice", Long.class);
        var messages = jdbc.queryForObject("select count(*) from household_thread_message", Long.class);
        chapter.load(Divisions.load(), DemoStory.of(settings.seed()));
        assertThat(jdbc.queryForObject("select count(*) from notice", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from household_thread_message", Long.class)).isEqualTo(messages);
    }
}
