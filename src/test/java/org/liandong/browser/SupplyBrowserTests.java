package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.account.Accounts;
import org.liandong.platform.Role;
import org.liandong.volunteer.QrCodes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A mask round from opening to the public ledger: staff open it, a resident reserves on a phone and shows the QR
 * code, staff scan it and hand over, the building-group leader confirms a delivery to a vulnerable household,
 * and the public ledger shows that delivery and verifies.
 */
class SupplyBrowserTests extends BrowserJourney {

    static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;

    @Test
    void aResidentReservesStaffScanAndTheLeaderDeliversToAVulnerableHousehold() throws Exception {
        var street = fixtures.street();
        var a = street.a();
        var residentName = fixtures.residentAccountOf(a, 2);
        var leaderName = "leader-" + a.id();
        accounts.create(leaderName, "楼组长老周", Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(),
                List.of(a.id()), a.households().get(4));

        // staff open the round on a desktop
        var staff = browser.open(Browser.Screen.DESKTOP, false);
        signIn(staff, a.staffUsername());
        staff.navigate(url("/supply/rounds"));
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
        staff.locator("#item").fill("口罩（第一轮）");
        staff.locator("#quota").fill("5");
        staff.locator("#stock").fill("30");
        staff.locator("#opens").fill(now.minusMinutes(1).format(INPUT));
        staff.locator("#closes").fill(now.plusHours(3).format(INPUT));
        staff.locator("#pickupPlace").fill("居委会活动室（东门旁）");
        staff.locator("#pickupStarts").fill(now.plusHours(1).format(INPUT));
        Browser.screenshot(staff, "supply-open-round-desktop");
        staff.locator("#open-round button[type=submit]").click();
        assertThat(staff.locator("h1")).hasText("口罩（第一轮）");
        var roundUrl = staff.url();
        var roundId = roundUrl.substring(roundUrl.lastIndexOf('/') + 1);

        // the resident reserves on a phone; tapping twice changes nothing
        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, residentName);
        phone.navigate(url("/supply/my"));
        Browser.screenshot(phone, "supply-reserve-phone");
        phone.getByText("为我家预约").click();
        assertThat(phone.locator("#pickup-code")).hasText(java.util.regex.Pattern.compile("[0-9A-F]{5}-[0-9A-F]{5}"));
        assertThat(phone.locator(".pickup-code")).containsText("领取时间");
        phone.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        phone.waitForCondition(() -> (Boolean) phone.locator(".pickup-code img")
                .evaluate("img => img.complete && img.naturalWidth > 0"));
        Browser.screenshot(phone, "supply-pickup-code-phone");
        var png = phone.request().get(url(phone.locator(".pickup-code img").getAttribute("src"))).body();
        var scanUrl = QrCodes.decode(png);
        assertThat(scanUrl).contains("/supply/pickup/");

        // staff scan it with their phone: genuine; one tap hands over; a second scan is refused
        var staffPhone = browser.open(Browser.Screen.PHONE, false);
        signIn(staffPhone, a.staffUsername());
        staffPhone.navigate(scanUrl);
        assertThat(staffPhone.locator("#pickup-result")).containsText("取货码有效");
        Browser.screenshot(staffPhone, "supply-scan-phone");
        staffPhone.locator("#hand-over").click();
        assertThat(staffPhone.locator("#pickup-result")).containsText("已发放");
        staffPhone.navigate(scanUrl);
        assertThat(staffPhone.locator("#pickup-result")).containsText("此取货码已使用");
        Browser.screenshot(staffPhone, "supply-scan-reused-phone");

        // vulnerable households are allocated; the leader confirms one delivery at the door
        staff.navigate(roundUrl);
        staff.getByText("分配给困难住户").click();
        assertThat(staff.locator(".flash.ok").first()).containsText("已完成分配");
        assertThat(staff.locator("#counts")).containsText("待送货上门");
        Browser.screenshot(staff, "supply-round-desktop");

        var leader = browser.open(Browser.Screen.PHONE, false);
        signIn(leader, leaderName);
        leader.navigate(url("/supply/deliveries"));
        leader.locator("main a[href*='/deliveries']").first().click();
        var first = leader.locator("li.delivery").filter(new Locator.FilterOptions().setHasText("1号楼 101"));
        first.getByText("确认送达").click();
        assertThat(leader.locator(".flash.ok")).containsText("已确认送达");
        assertThat(leader.locator("li.delivery").filter(new Locator.FilterOptions().setHasText("1号楼 101")))
                .containsText("楼组长老周");
        Browser.screenshot(leader, "supply-deliveries-phone");

        // anyone sees the delivery in the community's public ledger, and the chain verifies
        var visitor = browser.open(Browser.Screen.PHONE, false);
        visitor.navigate(url("/supply/public/" + street.id() + "/" + a.id()));
        assertThat(visitor.locator("#entries")).containsText("送货上门");
        assertThat(visitor.locator("#entries")).containsText("1号楼组");
        assertThat(visitor.locator("#entries")).not().containsText("1号楼 101"); // no door numbers in public (community codes may contain "101")
        Browser.screenshot(visitor, "supply-public-ledger-phone");
        visitor.locator("#verify-link").click();
        assertThat(visitor.locator("#verify-result")).containsText("台账完整");
        Browser.screenshot(visitor, "supply-verify-phone");
        assertThat(roundId).isNotBlank();
    }

    @Test
    void aLotteryRoundIsCommittedDrawnAndCheckedInPublic() {
        var street = fixtures.street();
        var a = street.a();
        var residents = List.of(fixtures.residentAccountOf(a, 2), fixtures.residentAccountOf(a, 3),
                fixtures.residentAccountOf(a, 4));

        // staff open a lottery round: stock for two households
        var staff = browser.open(Browser.Screen.DESKTOP, false);
        signIn(staff, a.staffUsername());
        staff.navigate(url("/supply/rounds"));
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
        staff.locator("#item").fill("消毒液");
        staff.locator("#unit").fill("瓶");
        staff.locator("#quota").fill("1");
        staff.locator("#stock").fill("2");
        staff.locator("#opens").fill(now.minusMinutes(1).format(INPUT));
        staff.locator("#closes").fill(now.plusHours(3).format(INPUT));
        staff.locator("#pickupPlace").fill("居委会活动室");
        staff.locator("#pickupStarts").fill(now.plusHours(4).format(INPUT));
        staff.locator("input[name=exemptDelivery]").uncheck();
        staff.locator("#mode").selectOption("LOTTERY");
        staff.locator("#open-round button[type=submit]").click();
        assertThat(staff.locator("#lottery")).containsText("种子承诺值");
        var roundUrl = staff.url();
        var roundId = roundUrl.substring(roundUrl.lastIndexOf('/') + 1);

        // three households register on their phones
        com.microsoft.playwright.Page last = null;
        for (var resident : residents) {
            var phone = browser.open(Browser.Screen.PHONE, false);
            signIn(phone, resident);
            phone.navigate(url("/supply/my"));
            if (last == null) {
                Browser.screenshot(phone, "supply-lottery-register-phone");
            }
            phone.getByText("登记抽签").first().click();
            assertThat(phone.locator(".lottery-waiting")).containsText("登记截止后抽签");
            last = phone;
        }
        Browser.screenshot(last, "supply-lottery-registered-phone");

        // staff close registration and draw: the seed is revealed
        staff.navigate(roundUrl);
        assertThat(staff.locator("#lottery")).containsText("已有 3 户登记抽签");
        staff.locator("#close-now").click();
        staff.locator("#draw").click();
        assertThat(staff.locator("#lottery")).containsText("3 户登记，2 户中签");
        assertThat(staff.locator("#lottery")).containsText("种子：");
        Browser.screenshot(staff, "supply-lottery-drawn-desktop");

        // each household sees its outcome
        last.navigate(url("/supply/my"));
        assertThat(last.locator(".round-card").first()).containsText("抽签编号");
        Browser.screenshot(last, "supply-lottery-result-phone");

        // anyone: the public record, and the server's own re-run
        var visitor = browser.open(Browser.Screen.PHONE, false);
        visitor.navigate(url("/supply/public/lottery/" + roundId));
        assertThat(visitor.locator("#lottery-state")).containsText("2 户中签");
        assertThat(visitor.locator("#lottery-refs li.lottery-won")).hasCount(2);
        Browser.screenshot(visitor, "supply-lottery-public-phone");
        visitor.locator("#lottery-verify").click();
        assertThat(visitor.locator("#verify-result")).containsText("抽签无误");
        Browser.screenshot(visitor, "supply-lottery-verify-phone");
        var desk = browser.open(Browser.Screen.DESKTOP, false);
        desk.navigate(url("/supply/public/lottery/" + roundId));
        Browser.screenshot(desk, "supply-lottery-public-desktop");
    }
}
