package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.account.Accounts;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.liandong.supply.groupbuy.GroupBuying;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A vegetable group order on phones: the building-group leader opens it, two households order, the leader sees the
 * totals per building and pack and closes it, records the delivery at the gate and ticks the checklist; the elderly
 * household's pack becomes a volunteer task and is ticked off when the volunteer is done. Staff see the price rise.
 */
class GroupBuyingBrowserTests extends BrowserJourney {

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired GroupBuying buying;
    @Autowired VolunteerTasks tasks;
    @Autowired JdbcClient jdbc;

    @Test
    void aLeaderRunsAVegetableGroupOrderOnAPhone() {
        // the machine running the tests may be busy: give redirects after a form more than the default 5 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        var street = fixtures.street();
        var a = street.a();
        var leaderName = "gb-leader-" + a.id();
        accounts.create(leaderName, "楼组长老周", Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(),
                List.of(a.id()), a.households().get(4));
        var elderlyHome = fixtures.residentAccountOf(a, 0); // 1号楼 101: 王独居, 85, lives with the family upstairs
        var neighbour = fixtures.residentAccountOf(a, 5);
        var volunteer = volunteerFixtures.volunteer(a.id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        // last week's vegetable order, at 45 元: this week's 58 元 is a rise of 29 %
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
        var staff = (LiandongUser) users.loadUserByUsername(a.staffUsername());
        var earlier = buying.open(staff, new GroupBuying.NewGroupOrder(a.id(), true, "上周蔬菜团购", "绿源蔬菜合作社",
                null, null, false, null, now.plusHours(1), now.toLocalDate().plusDays(1),
                List.of(new GroupBuying.NewPack("蔬菜套餐A", null, "45", null))), null);
        buying.close(staff, earlier.id());

        // the leader opens the group order on a phone
        var leader = browser.open(Browser.Screen.PHONE, false);
        signIn(leader, leaderName);
        leader.navigate(url("/supply/groupbuy"));
        leader.locator("#open-group-order").click();
        leader.locator("#title").fill("本周蔬菜团购");
        leader.locator("#supplier").fill("绿源蔬菜合作社");
        leader.locator("#supplierPhone").fill("13812345678");
        leader.locator("#licenceNote").fill("食品经营许可证 JY13101040001");
        leader.locator("#deadline").fill(now.plusHours(3).format(INPUT));
        leader.locator("#deliveryDate").fill(now.toLocalDate().plusDays(1).toString());
        pack(leader, 0, "蔬菜套餐A", "58", "2");
        pack(leader, 1, "肉类套餐", "88", "");
        pack(leader, 2, "大米10公斤", "65", "1");
        Browser.screenshot(leader, "supply-groupbuy-open-phone");
        leader.locator("#open-form button[type=submit]").click();
        assertThat(leader.locator(".flash.ok")).containsText("团购已发起");
        var manageUrl = leader.url();

        // two households order from their phones; the first taps twice
        order(neighbour, "本周蔬菜团购", List.of("2", "0", "1"), true);
        var elderly = order(elderlyHome, "本周蔬菜团购", List.of("1", "1", "0"), false);
        assertThat(elderly.locator("#my-due")).containsText("应付 146.00 元");
        elderly.locator("input[type=number]").first().fill("5");
        elderly.locator("#order-form button[type=submit]").click();
        assertThat(elderly.locator(".flash.bad")).containsText("每户限购 2 份");
        Browser.screenshot(elderly, "supply-groupbuy-limit-phone");

        // the leader sees the totals per pack and per building, and closes
        leader.navigate(manageUrl);
        assertThat(leader.locator("#pack-totals")).containsText("蔬菜套餐A");
        assertThat(leader.locator("#pack-totals tbody tr").first()).containsText("3");
        assertThat(leader.locator("#building-totals")).containsText("1号楼组 1号楼");
        assertThat(leader.locator("#building-totals")).containsText("1号楼组 2号楼");
        assertThat(leader.locator(".card").first()).containsText("138****5678");
        Browser.screenshot(leader, "supply-groupbuy-totals-phone");
        leader.locator("#close-form button").click();
        assertThat(leader.locator(".flash.ok")).containsText("已截单");
        assertThat(leader.locator("#state")).hasText("已截单，待送货");

        // the supplier's order sheet, printable
        leader.locator("#sheet-link").click();
        assertThat(leader.locator("#sheet-packs")).containsText("大米10公斤");
        assertThat(leader.locator("main")).not().containsText("2号楼 106");
        leader.navigate(manageUrl);

        // delivery at the gate: one vegetable pack short. A plain click, as on a phone: if it sent nothing, the
        // page would stay on the manage page and the assertions below would fail
        leader.locator("#delivery-form input[type=number]").first().fill("2");
        Browser.screenshot(leader, "supply-groupbuy-delivery-phone");
        leader.locator("#delivery-form button[type=submit]").click();
        leader.waitForURL(u -> u.contains("/checklist"));
        assertThat(leader.locator(".flash.ok")).containsText("收货已登记");
        // the last order (the elderly household's one vegetable pack) goes short
        assertThat(leader.locator("li.checklist-household").filter(new Locator.FilterOptions().setHasText("1号楼 101"))
                .locator(".tag.bad")).containsText("订了 1");
        leader.navigate(manageUrl);
        assertThat(leader.locator("#state")).hasText("已到货，分发中");
        assertThat(leader.locator("#pack-totals tbody tr").first()).containsText("短缺 1");
        assertThat(leader.locator("#delivery-form")).hasCount(0);
        leader.locator("#checklist-link").click();

        // the checklist: hand over to the neighbour; the elderly household's pack goes to a volunteer
        var neighbourRow = leader.locator("li.checklist-household").filter(new Locator.FilterOptions().setHasText("2号楼 106"));
        neighbourRow.getByText("已交付").click();
        assertThat(leader.locator(".flash.ok")).containsText("已勾选交付");
        var elderlyRow = leader.locator("li.checklist-household").filter(new Locator.FilterOptions().setHasText("1号楼 101"));
        assertThat(elderlyRow).containsText("需志愿者送上门");
        leader.locator(".task-form select").first().selectOption("v:" + volunteer.id());
        leader.locator(".task-form button").first().click();
        assertThat(leader.locator(".flash.ok")).containsText("送货任务已生成");
        assertThat(leader.locator("li.checklist-household").filter(new Locator.FilterOptions().setHasText("1号楼 101")))
                .containsText("已交给志愿者");
        Browser.screenshot(leader, "supply-groupbuy-checklist-phone");

        // the volunteer carries it up and marks the task done: the household is ticked off
        var taskId = jdbc.sql("select task_id from supply_group_household where household_id = :h and task_id is not null")
                .param("h", a.households().get(0)).query(java.util.UUID.class).single();
        tasks.accept(volunteer.id(), volunteer.name(), taskId);
        tasks.complete(volunteer.id(), volunteer.name(), taskId, "已送到门口", 15, null);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select count(*) from supply_group_household where task_id = :t and handed_at is not null")
                .param("t", taskId).query(Integer.class).single() > 0);
        leader.reload();
        assertThat(leader.locator("li.checklist-household").filter(new Locator.FilterOptions().setHasText("1号楼 101"))
                .locator(".handed")).containsText(volunteer.name());
        Browser.screenshot(leader, "supply-groupbuy-checklist-done-phone");

        // the order sheet as printed from a desktop
        var desk = browser.open(Browser.Screen.DESKTOP, false);
        signIn(desk, leaderName);
        desk.navigate(manageUrl.replace("/manage", "/sheet"));
        assertThat(desk.locator("#sheet-packs")).containsText("大米10公斤");
        assertThat(desk.locator("body")).not().containsText("2号楼 106");
        Browser.screenshot(desk, "supply-groupbuy-sheet-desktop");

        // the elderly household sees what it got; staff see the price rise
        elderly.reload();
        assertThat(elderly.locator("#order-form")).containsText("已交付");
        var staffPage = browser.open(Browser.Screen.DESKTOP, false);
        signIn(staffPage, a.staffUsername());
        staffPage.navigate(url("/supply/groupbuy/prices?community=" + a.id()));
        assertThat(staffPage.locator(".price-series").filter(new Locator.FilterOptions().setHasText("蔬菜套餐A")))
                .containsText("+29%");
        assertThat(staffPage.locator(".price-series.hiked")).containsText("涨价过快");
        Browser.screenshot(staffPage, "supply-groupbuy-prices-desktop");
        assertThat(earlier.id()).isNotNull();
    }

    private static void pack(Page page, int row, String name, String price, String limit) {
        page.locator("[id='pack" + row + ".name']").fill(name);
        page.locator("[id='pack" + row + ".price']").fill(price);
        page.locator("[id='pack" + row + ".limit']").fill(limit);
    }

    /** A resident orders on a phone; the quantities go to the menu's packs in order. */
    private Page order(String username, String title, List<String> quantities, boolean doubleTap) {
        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, username);
        phone.navigate(url("/supply/groupbuy"));
        phone.getByText(title).first().click();
        var inputs = phone.locator("#order-form input[type=number]");
        for (int i = 0; i < quantities.size(); i++) {
            inputs.nth(i).fill(quantities.get(i));
        }
        if (doubleTap) {
            phone.locator("#order-form button[type=submit]").dblclick();
        } else {
            phone.locator("#order-form button[type=submit]").click();
        }
        assertThat(phone.locator(".flash.ok")).containsText("订单已保存");
        Browser.screenshot(phone, "supply-groupbuy-order-phone");
        return phone;
    }
}
