package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.care.observation.Observations;
import org.liandong.care.referral.Referrals;
import org.liandong.partner.OrganisationKind;
import org.liandong.partner.PartnerFixtures;
import org.liandong.partner.ServiceNeed;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * On phones: the worker shows a resident under home observation the case's check-in link (QR code); the resident
 * checks in from it without an account — a slip refused, a fever recorded — and the worker sees the fever alert;
 * after a lost phone the worker rotates the code and the old link stops. And the card of a directory service a
 * referral was sent to, with how to reach it.
 */
@Import(PartnerFixtures.class)
class CareCheckInBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired PartnerFixtures partners;
    @Autowired UserDetailsService users;
    @Autowired Observations observations;
    @Autowired Referrals referrals;
    @Autowired JdbcClient jdbc;

    @Test
    void aResidentChecksInWithTheCodeAndTheWorkerSeesTheFeverAndRotatesTheCode() {
        var street = fixtures.street();
        var staff = (LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        var caseId = observations.open(staff, street.a().carerOfDisabled(), "CLOSE_CONTACT", 14);

        // the worker opens the case on her phone and shows the check-in code: QR code, link and code
        var worker = browser.open(Browser.Screen.PHONE, false);
        signIn(worker, street.a().staffUsername());
        worker.navigate(url("/care/observations/" + caseId));
        worker.locator("#check-in-code-box summary").click();
        assertThat(worker.locator("#check-in-code")).isVisible();
        assertThat(worker.locator("#check-in-qr")).isVisible();
        assertThat((Boolean) worker.locator("#check-in-qr").evaluate("img => img.complete && img.naturalWidth > 0"))
                .isTrue();
        var link = worker.locator("#check-in-link").getAttribute("href");
        assertThat(link).endsWith("/care/c/" + worker.locator("#check-in-code").textContent().strip());
        Browser.screenshot(worker, "care-checkin-code-phone");

        // the resident opens the link on her own phone — no account, Chinese by default, her name masked
        var resident = browser.open(Browser.Screen.PHONE, false);
        resident.navigate(link);
        assertThat(resident.locator("#checkin-for")).hasText("给 张* 打卡");
        resident.locator("#temperature").fill("73");
        resident.locator("#send-checkin").click();
        assertThat(resident.locator(".flash.bad")).containsText("34.0 到 42.5");
        assertThat(resident.locator("#temperature")).hasValue("73");
        Browser.screenshot(resident, "care-checkin-by-code-refused-phone");
        resident.locator("#temperature").fill("38.4");
        resident.getByLabel("咳嗽").check();
        resident.locator("#needs").fill("退烧药快吃完了");
        Browser.screenshot(resident, "care-checkin-by-code-phone");
        resident.locator("#send-checkin").click();
        assertThat(resident.locator(".flash.ok")).containsText("体温偏高");
        Browser.screenshot(resident, "care-checkin-by-code-fever-phone");
        assertThat(jdbc.sql("select count(*) from care_checkin where observation_id = :o").param("o", caseId)
                .query(Integer.class).single()).isEqualTo(1);

        // the worker sees the fever on her alert list and on the case
        worker.navigate(url("/care/alerts"));
        assertThat(worker.locator(".alert-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("发热")).first()).containsText("张1");
        Browser.screenshot(worker, "care-checkin-fever-alert-phone");
        worker.navigate(url("/care/observations/" + caseId));
        assertThat(worker.locator(".temperature.fever")).hasText("38.4 °C");

        // the resident's phone is lost: the worker rotates the code; the old link is refused, the new one works
        worker.locator("#check-in-code-box summary").click();
        worker.locator("#rotate-code").click();
        assertThat(worker.locator(".flash.ok")).containsText("已更换打卡码");
        worker.locator("#check-in-code-box summary").click();
        var newLink = worker.locator("#check-in-link").getAttribute("href");
        assertThat(newLink).isNotEqualTo(link);
        Browser.screenshot(worker, "care-checkin-code-rotated-phone");
        resident.navigate(link);
        assertThat(resident.locator("#refused")).containsText("这个打卡码已经失效，请向负责您的社工要新的打卡码");
        assertThat(resident.locator("#send-checkin")).hasCount(0);
        Browser.screenshot(resident, "care-checkin-old-code-phone");

        // the new link, in English
        var english = browser.open(Browser.Screen.PHONE, true);
        english.navigate(url("/lang?lang=en"));
        english.navigate(newLink);
        assertThat(english.locator("#checkin-for")).hasText("Check-in for 张*");
        english.locator("#temperature").fill("36.6");
        english.locator("#send-checkin").click();
        assertThat(english.locator(".flash.ok")).hasText("Check-in recorded, thank you!");
        Browser.screenshot(english, "care-checkin-by-code-english-phone");
    }

    @Test
    void aReferralShowsTheCardOfTheDirectoryServiceItWasSentTo() {
        var street = fixtures.street();
        var org = partners.approvedOrganisation(street, OrganisationKind.SOCIAL_WORK_AGENCY, "阳光社工事务所");
        partners.service(street, org, "长者助餐", ServiceNeed.ELDERLY_CARE);
        var referral = referrals.refer(new Referrals.Person(street.a().id(), street.a().carerOfDisabled(), null, "张1"),
                Referrals.Source.STAFF, null, "家里老人没人做饭", false, null, "测试", null);

        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, street.a().staffUsername());
        phone.navigate(url("/care/referrals/" + referral));
        assertThat(phone.locator("#service-referrals")).containsText("还没有转介");
        phone.locator("#service").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("长者助餐 · 阳光社工事务所"));
        phone.locator("#service-note").fill("已电话联系，明天开始送餐");
        phone.locator("#service-referrals button[type=submit]").click();
        assertThat(phone.locator(".flash.ok")).isVisible();
        var card = phone.locator("#service-referrals .service-referral").first();
        assertThat(card).containsText("长者助餐");
        assertThat(card).containsText("阳光社工事务所");
        assertThat(card.locator("a[href='tel:021-64005678']")).isVisible();
        assertThat(card).containsText("长者食堂 · 枫林路 100 号");
        assertThat(card).containsText("每天 10:30–12:00");
        assertThat(card).containsText("已电话联系，明天开始送餐");
        phone.locator("#service-referrals").scrollIntoViewIfNeeded();
        Browser.screenshot(phone, "care-service-card-phone");

        var desk = browser.open(Browser.Screen.DESKTOP, false);
        signIn(desk, street.a().staffUsername());
        desk.navigate(url("/care/referrals/" + referral));
        assertThat(desk.locator("#service-referrals .service-referral a[href='tel:021-64005678']")).isVisible();
        Browser.screenshot(desk, "care-service-card-desktop");
    }
}
