package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.partner.CoordinationBoard;
import org.liandong.partner.ServiceDirectory;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 8's journey: a foundation registers with the street, is approved, and offers 5,000 masks; two
 * communities have posted needs (3,000 and 2,000); the street admin matches the offer to both, each community
 * records the hand-over on a phone, and the street board shows both delivered and each community's stock; both
 * communities' public ledgers show the donation and the chain verifies; the street admin moves some masks from
 * one community to the other. A resident finds a service in the directory on a phone.
 */
class PartnerBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired CoordinationBoard board;
    @Autowired ServiceDirectory directory;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    @Test
    void aFoundationsMasksAreMatchedToTwoCommunitiesHandedOverAndShownOnTheBoard() {
        var street = fixtures.street();
        var foundation = "仁爱慈善基金会" + street.id();

        // community B's need is already on the board; community A's staff post theirs on a phone
        board.postNeed((LiandongUser) users.loadUserByUsername(street.b().staffUsername()), street.b().id(), "GOODS",
                "口罩", "2000", "只", false, "发放给门岗志愿者");
        var staffA = browser.open(Browser.Screen.PHONE, false);
        signIn(staffA, street.a().staffUsername());
        staffA.navigate(url("/partner/board"));
        staffA.locator("#post-need summary").click();
        staffA.selectOption("#n-kind", "GOODS");
        staffA.locator("#n-item").fill("医用口罩");
        staffA.locator("#n-quantity").fill("3000");
        staffA.locator("#n-unit").fill("只");
        staffA.locator("#post-need input[name=urgent]").check();
        staffA.locator("#post-need button[type=submit]").click();
        assertThat(staffA.locator(".flash.ok")).containsText("需求已发布");
        assertThat(staffA.locator("#board")).containsText("医用口罩：缺 3,000 只");

        // the street admin registers the foundation, approves it, and records its offer
        var admin = browser.open(Browser.Screen.DESKTOP, false);
        signIn(admin, street.streetAdminUsername());
        admin.navigate(url("/partner/organisations"));
        if (!admin.locator("#name").isVisible()) {
            admin.locator("details.card summary").click();
        }
        admin.selectOption("#kind", "FOUNDATION");
        admin.locator("#name").fill(foundation);
        admin.locator("#description").fill("长期支持社区防疫物资和困难家庭的公益基金会");
        admin.locator("#phone").fill("021-64001234");
        admin.locator("#register-organisation button[type=submit]").click();
        assertThat(admin.locator("h1")).hasText(foundation);
        assertThat(admin.locator("#org-status")).hasText("待审核");
        admin.selectOption("#review-status", "APPROVED");
        admin.locator("#review button[type=submit]").click();
        assertThat(admin.locator("#org-status")).hasText("已认可");
        admin.locator("#served input[type=checkbox]").all().forEach(box -> box.check());
        admin.locator("#served button[type=submit]").click();
        assertThat(admin.locator(".flash.ok")).containsText("服务社区已保存");
        Browser.screenshot(admin, "partner-organisation-desktop");
        admin.selectOption("#o-kind", "GOODS");
        admin.locator("#o-item").fill("一次性医用口罩");
        admin.locator("#o-quantity").fill("5000");
        admin.locator("#o-unit").fill("只");
        admin.locator("#o-conditions").fill("由社区统一发放，独居老人优先");
        admin.locator("#record-offer button[type=submit]").click();
        assertThat(admin.locator("#offer-left")).hasText("5000 只");

        // both needs are suggested, urgent first; the admin takes both suggestions
        assertThat(admin.locator("#suggestions .suggestion")).hasCount(2);
        assertThat(admin.locator("#suggestions .suggestion").first()).containsText("医用口罩");
        Browser.screenshot(admin, "partner-offer-suggestions-desktop");
        admin.locator("#suggestions .suggestion button").first().click();
        assertThat(admin.locator("#offer-left")).hasText("2000 只");
        admin.locator("#suggestions .suggestion button").first().click();
        assertThat(admin.locator("#offer-left")).hasText("0 只");
        assertThat(admin.locator("#matches .hand-over")).hasCount(2);

        // each community records its hand-over; A on the phone, B on the offer page
        staffA.navigate(url("/partner/board"));
        assertThat(staffA.locator("#hand-overs .hand-over")).hasCount(1);
        staffA.locator("#hand-overs input[name=receivedBy]").fill("王主任");
        staffA.locator("#hand-overs button[type=submit]").click();
        assertThat(staffA.locator(".flash.ok")).containsText("交接已记录");
        assertThat(staffA.locator("tr[data-community='" + street.a().id() + "'] td.progress-cell"))
                .containsText("已交接 3,000 只");
        Browser.screenshot(staffA, "partner-board-phone");

        var staffB = browser.open(Browser.Screen.PHONE, false);
        signIn(staffB, street.b().staffUsername());
        staffB.navigate(url("/partner/board"));
        staffB.locator("#hand-overs input[name=receivedBy]").fill("李书记");
        staffB.locator("#hand-overs button[type=submit]").click();
        assertThat(staffB.locator(".flash.ok")).containsText("交接已记录");

        admin.navigate(url("/partner/board"));
        assertThat(admin.locator("tr[data-community='" + street.a().id() + "'] td.progress-cell"))
                .containsText("已交接 3,000 只");
        assertThat(admin.locator("tr[data-community='" + street.b().id() + "'] td.progress-cell"))
                .containsText("已交接 2,000 只");
        assertThat(admin.locator("tr[data-community='" + street.a().id() + "']")).containsText("暂无缺口");
        assertThat(admin.locator("#hand-overs")).containsText("没有待交接");
        // the masks are each community's stock now
        assertThat(admin.locator("tr[data-community='" + street.a().id() + "'] td.stock-cell"))
                .containsText("一次性医用口罩 3,000 只");
        assertThat(admin.locator("tr[data-community='" + street.b().id() + "'] td.stock-cell"))
                .containsText("一次性医用口罩 2,000 只");
        Browser.screenshot(admin, "partner-board-desktop");

        // both communities' public ledgers show the foundation's donation, and the street's chain verifies
        var visitor = browser.open(Browser.Screen.PHONE, false);
        visitor.navigate(url("/supply/public/" + street.id() + "/" + street.a().id()));
        assertThat(visitor.locator("#entries")).containsText(foundation);
        assertThat(visitor.locator("#entries")).containsText("3000 只");
        Browser.screenshot(visitor, "partner-ledger-phone");
        visitor.navigate(url("/supply/public/" + street.id() + "/" + street.b().id()));
        assertThat(visitor.locator("#entries")).containsText(foundation);
        assertThat(visitor.locator("#entries")).containsText("2000 只");
        visitor.locator("#verify-link").click();
        assertThat(visitor.locator("#verify-result.scan-ok")).isVisible();
        assertThat(visitor.locator("#problems")).hasCount(0);

        // the street admin moves 500 masks from A to B; asking for more than A holds is refused
        admin.locator("#moves").click();
        admin.selectOption("#from", street.a().id());
        admin.locator("#choose-from button[type=submit]").click();
        assertThat(admin.locator("#move-stock")).containsText("库存 3,000 只");
        admin.locator("#move-stock input[name=quantity]").fill("5000");
        admin.locator("#move-stock button[type=submit]").click();
        assertThat(admin.locator(".flash.bad")).containsText("只有 3,000 只「一次性医用口罩」，不够调出");
        admin.locator("#move-stock input[name=quantity]").fill("500");
        admin.locator("#move-stock input[name=note]").fill("乙社区门岗用量大");
        admin.locator("#move-stock button[type=submit]").click();
        assertThat(admin.locator(".flash.ok")).containsText("已调拨");
        assertThat(admin.locator("#move-stock")).containsText("库存 2,500 只");
        Browser.screenshot(admin, "partner-moves-desktop");
        admin.navigate(url("/partner/board"));
        assertThat(admin.locator("tr[data-community='" + street.b().id() + "'] td.stock-cell"))
                .containsText("一次性医用口罩 2,500 只");
        visitor.navigate(url("/supply/public/" + street.id() + "/" + street.b().id()));
        assertThat(visitor.locator("#entries")).containsText(street.a().name());
        admin.navigate(url("/partner/organisations"));
        Browser.screenshot(admin, "partner-organisations-desktop");

        // the street opens an account for the foundation's contact, who follows the masks on a phone
        admin.locator("a", new Page.LocatorOptions().setHasText(foundation)).first().click();
        admin.locator("#partner-accounts summary").click();
        var login = "renai-" + street.id().toLowerCase();
        admin.locator("#a-username").fill(login);
        admin.locator("#a-name").fill("刘芳");
        admin.locator("#a-password").fill(Fixtures.PASSWORD);
        admin.locator("#create-account button[type=submit]").click();
        assertThat(admin.locator(".flash.ok")).containsText("账号已开通");
        var contact = browser.open(Browser.Screen.PHONE, false);
        signIn(contact, login);
        assertThat(contact.locator("h1")).hasText(foundation);
        assertThat(contact.locator("#matches")).containsText("王主任");
        assertThat(contact.locator("#matches")).containsText("李书记");
        assertThat(contact.locator("#offers form.withdraw")).hasCount(0); // nothing left to withdraw
        Browser.screenshot(contact, "partner-my-phone");
        contact.context().close();

        // a resident looks for help for an elderly neighbour
        var orgId = jdbc.sql("select id from partner_organisation where name = :n").param("n", foundation)
                .query(UUID.class).single();
        directory.add(((LiandongUser) users.loadUserByUsername(street.streetAdminUsername())).scope(), orgId,
                new ServiceDirectory.NewService("独居老人助餐送餐", "ELDERLY_CARE", "每天中午把热饭送到独居老人家门口。",
                        "本街道 70 岁以上独居或行动不便的老人", "70", null, true, null, Set.of("zh", "wuu"),
                        "每天 10:30–12:00", "打电话预约，或请楼组长代为登记", "021-64005678", null, null, "长者食堂",
                        "枫林路 100 号", street.a().id(), Set.of()));
        var resident = browser.open(Browser.Screen.PHONE, false);
        signIn(resident, fixtures.residentAccount(street.a()));
        resident.navigate(url("/partner/services"));
        resident.selectOption("#need", "ELDERLY_CARE");
        resident.locator("#q").fill("助餐");
        resident.locator("#directory-search button[type=submit]").click();
        assertThat(resident.locator(".service-card").first()).containsText("独居老人助餐送餐");
        Browser.screenshot(resident, "partner-directory-phone");
        resident.locator(".service-card h2 a").first().click();
        assertThat(resident.locator("h1")).hasText("独居老人助餐送餐");
        assertThat(resident.locator("section")).containsText("上海话");
        Browser.screenshot(resident, "partner-service-phone");
        for (Page p : new Page[] {staffA, staffB, admin, resident, visitor}) {
            p.context().close();
        }
    }
}
