package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.SelectOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.account.Accounts;
import org.liandong.community.RegistryWriter;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff publish a case notice: the building has too few households, so the k-rule shows its building
 * group; the author sees the residents' preview first. A resident reads it on a phone; the building-group
 * leader's pending receipt disappears once the leader has read it.
 */
class CaseNoticeBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired RegistryWriter registry;
    @Autowired Accounts accounts;

    @Test
    void aCaseNoticeIsCoarsenedPreviewedPublishedReadAndConfirmed() {
        var street = fixtures.street();
        var a = street.a();
        // building 2 gets 20 more households: 1号楼组 then holds 24, 1号楼 only 2
        var more = new ArrayList<RegistryWriter.NewHousehold>();
        for (int i = 0; i < 20; i++) {
            more.add(new RegistryWriter.NewHousehold(UUID.randomUUID(), a.id(), a.buildings().get(1), "2" + (10 + i)));
        }
        registry.households(more);
        var leader = "leader-" + a.id();
        accounts.create(leader, "孙建国", Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(), List.of(a.id()),
                a.households().get(1));
        var resident = fixtures.residentAccount(a);

        var staff = browser.open(Browser.Screen.DESKTOP, false);
        signIn(staff, a.staffUsername());
        staff.navigate(url("/notices/cases/new?community=" + a.id()));
        staff.locator("select[name=building]").selectOption(new SelectOption().setLabel("第一网格 · 1号楼组 · 1号楼"));
        staff.locator("select[name=status]").selectOption("CONFIRMED");
        staff.locator("input[name=symptoms][value=FEVER]").check();
        staff.locator("input[name=symptoms][value=COUGH]").check();
        staff.locator("input[name=temperatures]").fill("38.9 38.4 37.8 37.2");
        staff.locator("textarea[name=note]").fill("住 1号楼 102 室");
        staff.locator("#case-form button[type=submit]").click();
        assertThat(staff.locator(".flash.bad")).containsText("门牌、楼号或房号");
        assertThat(staff.locator("textarea[name=note]")).hasValue("住 1号楼 102 室");
        staff.locator("textarea[name=note]").fill("已转运至定点医院，家属居家观察。");
        staff.locator("#case-form button[type=submit]").click();
        assertThat(staff.locator("h1")).hasText("预览：居民将看到");
        assertThat(staff.locator(".case-place")).hasText(a.name() + " 1号楼组");
        Browser.screenshot(staff, "notice-case-preview-desktop");
        staff.locator("#case-publish button[type=submit]").first().click();
        assertThat(staff.locator(".flash.ok")).isVisible();
        assertThat(staff.locator(".leaders-pending")).containsText("孙建国");
        var noticeUrl = staff.url();

        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, resident);
        phone.navigate(url("/inbox"));
        assertThat(phone.locator("#unread-count")).hasText("1 条未读");
        phone.locator(".inbox-item a").first().click();
        phone.locator("a.btn").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("查看详情")).click();
        assertThat(phone.locator(".case-place")).hasText(a.name() + " 1号楼组");
        assertThat(phone.locator("main")).not().containsText(java.util.regex.Pattern.compile("1号楼(?!组)"));
        assertThat(phone.locator(".case-card")).containsText("38.9 ℃");
        assertThat(phone.locator(".case-card")).containsText("体温呈下降趋势");
        var width = (Number) phone.evaluate("document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
        Browser.screenshot(phone, "notice-case-resident-phone");

        var leaderPhone = browser.open(Browser.Screen.PHONE, false);
        signIn(leaderPhone, leader);
        leaderPhone.navigate(url("/notices"));
        leaderPhone.locator(".notice-card a").first().click();
        assertThat(leaderPhone.locator(".case-place")).hasText(a.name() + " 1号楼组");

        staff.navigate(noticeUrl);
        assertThat(staff.locator(".leaders-pending li")).hasCount(0);
        assertThat(staff.locator(".leaders-confirmed")).containsText("孙建国");
        assertThat(staff.locator(".receipts")).containsText("楼组长都已确认");
        Browser.screenshot(staff, "notice-case-receipts-desktop");
    }
}
