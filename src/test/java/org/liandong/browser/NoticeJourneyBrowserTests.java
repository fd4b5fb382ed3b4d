package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.account.Accounts;
import org.liandong.notice.cap.OfficialCapSchema;
import org.liandong.notice.guide.Guides;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Information release as residents, staff and an expert use it: a household writes to its committee on a phone
 * and staff see it among the households nobody has answered until they reply; a rumour (SCENARIOS step 15) is
 * submitted, answered "false" with a source by an expert and found by another resident's search; a resident
 * searches and reads the home-quarantine guide on a phone; staff publish an alert whose CAP message validates
 * against the official schema and is in the Atom feed, and residents see it first on their list.
 */
class NoticeJourneyBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired Guides guides;
    @Autowired UserDetailsService users;

    static void fitsThePhone(Page phone) {
        var width = (Number) phone.evaluate("document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    }

    @Test
    void aHouseholdWritesStaffSeeItUnansweredAndReply() {
        var a = fixtures.street().a();
        var resident = fixtures.residentAccountOf(a, 2);

        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, resident);
        phone.navigate(url("/messages"));
        phone.locator("#thread-form textarea[name=body]").fill("家里老人的降压药只剩三天了，封闭期间能帮忙代买吗？<b>急</b>");
        phone.locator("#thread-form button[type=submit]").click();
        assertThat(phone.locator(".flash.ok")).isVisible();
        assertThat(phone.locator("main")).containsText("<b>急</b>");

        var staff = browser.open(Browser.Screen.DESKTOP, false);
        signIn(staff, a.staffUsername());
        staff.navigate(url("/threads?unanswered=true&community=" + a.id()));
        assertThat(staff.locator("#unanswered-count")).hasText("还没人回复的家庭：1");
        assertThat(staff.locator(".thread-row")).hasCount(1);
        assertThat(staff.locator(".thread-row .tag.none")).containsText("等待回复");
        Browser.screenshot(staff, "notice-threads-unanswered-desktop");
        staff.locator(".thread-row a").first().click();
        assertThat(staff.locator("main")).containsText("降压药只剩三天");
        staff.locator("#answer-form textarea[name=body]").fill("收到，明天上午志愿者去药店代买，送到门口。");
        staff.locator("#answer-form button[type=submit]").click();
        assertThat(staff.locator(".flash.ok")).isVisible();
        staff.navigate(url("/threads?unanswered=true&community=" + a.id()));
        assertThat(staff.locator("#unanswered-count")).hasText("还没人回复的家庭：0");
        assertThat(staff.locator(".thread-row")).hasCount(0);

        phone.navigate(url("/messages"));
        assertThat(phone.locator("main")).containsText("明天上午志愿者去药店代买");
        fitsThePhone(phone);
        Browser.screenshot(phone, "notice-thread-resident-phone");
    }

    @Test
    void aRumourIsAnsweredFalseWithASourceAndAnotherResidentFindsIt() {
        var a = fixtures.street().a();
        var asker = fixtures.residentAccountOf(a, 0);
        var neighbour = fixtures.residentAccountOf(a, 3);
        var expert = "expert-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(expert, "郑志明", Fixtures.PASSWORD, Role.EXPERT, List.of(), List.of(), null);

        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, asker);
        phone.navigate(url("/rumours"));
        phone.locator("#rumour-form textarea[name=question]").fill("听说自来水会传播病毒，是真的吗？");
        phone.locator("#rumour-form button[type=submit]").click();
        assertThat(phone.locator(".flash.ok")).isVisible();
        assertThat(phone.locator("main")).containsText("等待解答");

        var desk = browser.open(Browser.Screen.DESKTOP, false);
        signIn(desk, expert);
        desk.navigate(url("/rumours"));
        var open = desk.locator(".rumour-open").filter(new Locator.FilterOptions().setHasText("自来水会传播病毒"));
        open.locator("select[name=verdict]").selectOption("FALSE");
        open.locator("textarea[name=answer]").fill("不会。自来水经过混凝、过滤和加氯消毒，能够灭活病毒；没有经自来水传播的证据。烧开饮用即可，不必囤水。");
        open.locator("input[name=source]").fill("https://www.who.int/emergencies/diseases/novel-coronavirus-2019");
        Browser.screenshot(desk, "notice-rumour-answer-desktop");
        open.locator("button[type=submit]").click();
        assertThat(desk.locator(".flash.ok")).isVisible();

        var other = browser.open(Browser.Screen.PHONE, false);
        signIn(other, neighbour);
        other.navigate(url("/rumours"));
        other.locator("input[name=q]").fill("自来水 病毒");
        other.locator("form[role=search] button").click();
        var found = other.locator("article.rumour").filter(new Locator.FilterOptions().setHasText("自来水会传播病毒"));
        assertThat(found).hasCount(1);
        assertThat(found.locator(".tag")).hasText("不实");
        assertThat(found.locator("a[href^='https://www.who.int']")).isVisible();
        assertThat(found).containsText("郑志明");
        fitsThePhone(other);
        Browser.screenshot(other, "notice-rumour-search-phone");
        other.locator("input[name=q]").fill("没有这种说法的词");
        other.locator("form[role=search] button").click();
        assertThat(other.locator("article.rumour")).hasCount(0);
    }

    @Test
    void aResidentSearchesAndReadsTheHomeQuarantineGuideOnAPhone() {
        var a = fixtures.street().a();
        var staff = (LiandongUser) users.loadUserByUsername(a.staffUsername());
        var title = "居家隔离怎么做（" + a.id() + "）";
        var id = guides.create(staff, "HOME_QUARANTINE", title, "单独住一个房间，每天开窗通风两次。\n早晚各量一次体温。");
        guides.revise(staff, id, 1, title, "单独住一个房间，每天开窗通风两次。\n早晚各量一次体温，按时在联动里打卡。\n"
                + "垃圾装袋扎紧放在门口，由志愿者收走。", "补充打卡和垃圾");
        var resident = fixtures.residentAccountOf(a, 4);

        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, resident);
        phone.navigate(url("/guides"));
        phone.locator("input[name=q]").fill("居家隔离 " + a.id());
        phone.locator("form[role=search] button").click();
        assertThat(phone.locator(".guide-card")).hasCount(1);
        assertThat(phone.locator(".guide-card")).containsText("第 2 版");
        phone.locator(".guide-card a").click();
        assertThat(phone.locator("h1")).hasText(title);
        assertThat(phone.locator(".notice-body")).containsText("垃圾装袋扎紧");
        assertThat(phone.locator("form[action$='/guides/" + id + "']")).hasCount(0);
        fitsThePhone(phone);
        Browser.screenshot(phone, "notice-guide-phone");
    }

    @Test
    void anAlertIsPublishedAsValidCapInTheFeedAndShownToResidentsFirst() throws Exception {
        var a = fixtures.street().a();
        var resident = fixtures.residentAccountOf(a, 5);

        var staff = browser.open(Browser.Screen.DESKTOP, false);
        signIn(staff, a.staffUsername());
        staff.navigate(url("/notices/alerts/new?community=" + a.id()));
        staff.locator("select[name=urgency]").selectOption("Immediate");
        staff.locator("select[name=severity]").selectOption("Severe");
        staff.locator("select[name=certainty]").selectOption("Observed");
        staff.locator("input[name=eventZh]").fill("新增确诊病例");
        staff.locator("input[name=eventEn]").fill("New confirmed case");
        var headline = "本社区新增一例确诊病例（" + a.id() + "）";
        staff.locator("input[name=headlineZh]").fill(headline);
        staff.locator("input[name=headlineEn]").fill("A new confirmed case in the community");
        staff.locator("textarea[name=descriptionZh]").fill("社区内新增一例确诊病例，已转运治疗，所在楼组已消杀。");
        staff.locator("textarea[name=descriptionEn]").fill("A resident was confirmed and taken to hospital.");
        staff.locator("textarea[name=instructionZh]").fill("请留在家中，有发热请在联动里告诉居委会。");
        staff.locator("textarea[name=instructionEn]").fill("Stay at home; report a fever in Liandong.");
        Browser.screenshot(staff, "notice-alert-form-desktop");
        staff.locator("#alert-form button[type=submit]").click();
        assertThat(staff.locator(".flash.ok")).isVisible();

        var feed = staff.request().get(url("/cap/feed.atom"));
        assertThat(feed.ok()).isTrue();
        var atom = feed.text();
        assertThat(atom).contains(headline);
        var entry = java.util.Arrays.stream(atom.split("<entry")).filter(e -> e.contains(headline)).findFirst()
                .orElseThrow();
        var link = Pattern.compile("href=\"[^\"]*(/cap/alerts/[^\"]+\\.xml)\"").matcher(entry);
        assertThat(link.find()).as("the feed entry links to its CAP message").isTrue();
        var message = staff.request().get(url(link.group(1)));
        assertThat(message.headers().get("content-type")).startsWith("application/cap+xml");
        var xml = message.text();
        OfficialCapSchema.assertValid(xml);
        assertThat(xml).contains("<language>zh-CN</language>").contains("<language>en-US</language>")
                .contains("<urgency>Immediate</urgency>");

        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, resident);
        phone.navigate(url("/notices"));
        assertThat(phone.locator(".notice-card").first()).containsText(headline);
        phone.locator(".notice-card a").first().click();
        assertThat(phone.locator("main")).containsText("请留在家中");
        fitsThePhone(phone);
        Browser.screenshot(phone, "notice-alert-resident-phone");
    }
}
