package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import org.junit.jupiter.api.Test;
import org.liandong.LiandongTest;
import org.liandong.platform.LiandongUser;
import org.liandong.supply.Ledger;
import org.liandong.supply.LedgerEntry;
import org.liandong.supply.groupbuy.GroupBuying;
import org.liandong.supply.groupbuy.GroupBuyingReports;
import org.liandong.supply.groupbuy.GroupOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's group buying in 张家浜居委会 (same small demo as {@link DemoDataIntegrationTests}, so the two share one
 * application context): the leader runs three group orders, the resident login ordered in the open one, prices rose
 * and are flagged, the free vegetables left through the ledger, and loading again adds nothing.
 */
@LiandongTest
@TestPropertySource(properties = {"liandong.demo.enabled=true", "liandong.demo.populated-communities-per-street=2",
        "liandong.demo.residents-per-community=200"})
class DemoGroupBuyingIntegrationTests {

    @Autowired DemoLoader loader;
    @Autowired DemoSettings settings;
    @Autowired GroupBuying buying;
    @Autowired GroupBuyingReports reports;
    @Autowired Ledger ledger;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theLeaderRunsThreeGroupOrdersAndTheResidentOrderedInTheOpenOne() throws Exception {
        var leader = (LiandongUser) users.loadUserByUsername("leader");
        var orders = buying.managedOrders(leader);
        assertThat(orders).extracting(GroupOrder::title).contains(DemoGroupBuying.FIRST, DemoGroupBuying.SECOND);
        // the free vegetables were handed out by the committee to the whole community
        var staff = (LiandongUser) users.loadUserByUsername("staff-fenglin");
        var first = byTitle(leader, DemoGroupBuying.FIRST);
        assertThat(first.status()).isEqualTo(GroupOrder.Status.DELIVERED);
        assertThat(buying.packTotals(first.id()).getFirst().shortfall()).isEqualTo(1);
        assertThat(buying.householdOrders(first.id())).hasSizeGreaterThanOrEqualTo(5)
                .anySatisfy(h -> assertThat(h.taskId()).isNotNull())
                .anySatisfy(h -> assertThat(h.paid()).isTrue());
        var second = byTitle(leader, DemoGroupBuying.SECOND);
        assertThat(second.status()).isEqualTo(GroupOrder.Status.OPEN);

        var story = DemoStory.of(settings.seed());
        var resident = (LiandongUser) users.loadUserByUsername(story.guardianPhone());
        assertThat(buying.forHousehold(resident, second.id()).mine()).isNotNull();
        mvc.perform(get("/supply/groupbuy").with(user(users.loadUserByUsername(story.guardianPhone()))))
                .andExpect(content().string(containsString(DemoGroupBuying.SECOND)));

        var veg = reports.prices(DemoDataIntegrationTests.FENGLIN, DemoDataIntegrationTests.ZHANGJIABANG).stream()
                .filter(s -> s.name().startsWith("蔬菜套餐A")).findFirst().orElseThrow();
        assertThat(veg.points()).hasSize(2);
        assertThat(veg.points().getLast().change()).isEqualTo(29);
        assertThat(veg.hiked()).isTrue();

        var free = byTitle(staff, DemoGroupBuying.FREE);
        assertThat(free.free()).isTrue();
        assertThat(ledger.entries(DemoDataIntegrationTests.FENGLIN, DemoDataIntegrationTests.ZHANGJIABANG, 500))
                .anySatisfy(e -> {
                    assertThat(e.reference()).isEqualTo(free.id().toString());
                    assertThat(e.kind()).isEqualTo(LedgerEntry.Kind.ALLOCATION);
                    assertThat(e.note()).contains(DemoGroupBuying.DONOR);
                });

        int before = jdbc.sql("select count(*) from supply_group_order").query(Integer.class).single();
        loader.load();
        assertThat(jdbc.sql("select count(*) from supply_group_order").query(Integer.class).single()).isEqualTo(before);
    }

    private GroupOrder byTitle(LiandongUser manager, String title) {
        return buying.managedOrders(manager).stream().filter(o -> o.title().equals(title)).findFirst().orElseThrow();
    }
}
