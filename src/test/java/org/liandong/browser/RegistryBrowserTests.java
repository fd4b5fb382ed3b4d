package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff and residents use the registry in a real browser, on a phone and on a desktop. */
class RegistryBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;

    Fixtures.TestStreet street;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
    }

    @Test
    void staffFindAVulnerableResidentWithoutCarerAndNameOne() {
        for (var screen : Browser.Screen.values()) {
            var page = browser.open(screen, false);
            signIn(page, street.a().staffUsername());
            assertThat(page.locator("h1")).hasText("今天需要关注");
            Browser.screenshot(page, "staff-home-" + screen.name().toLowerCase());

            page.locator("a.stat.attention").first().click();
            assertThat(page.locator("#results")).containsText("王独居");
            Browser.screenshot(page, "vulnerable-without-carer-" + screen.name().toLowerCase());
            page.getByText("王独居").click();
            assertThat(page.locator("h1")).hasText("王独居");
            assertThat(page.locator("#carers")).containsText("还没有照护人");

            // the ID number is masked until a reason is given; the full number appears after
            var masked = page.locator("#id-number").textContent();
            assertThat(masked).contains("**********");
            page.locator("summary").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("显示完整证件号")).click();
            page.locator("#reason").fill("核对低保申请材料");
            page.locator("form[action$='/unmask'] button").click();
            assertThat(page.locator("#id-number")).not().containsText("*");

            if (screen == Browser.Screen.DESKTOP) {
                page.locator("#carerName").fill("陈阿姨");
                page.locator("#carerPhone").fill("13912345678");
                page.locator("#relation").selectOption("NEIGHBOUR");
                page.locator("#carers form.stack button").click();
                assertThat(page.locator("#carers")).containsText("陈阿姨");
                assertThat(page.locator("#carers")).containsText("139****5678");
                Browser.screenshot(page, "resident-with-carer-" + screen.name().toLowerCase());
            }
            page.context().close();
        }
    }

    @Test
    void searchFindsTheGuardianOfADisabledTeenager() {
        var page = browser.open(Browser.Screen.PHONE, false);
        signIn(page, street.a().staffUsername());
        page.navigate(url("/residents"));
        page.locator("#q").fill("赵小明");
        page.locator("#q").press("Enter");
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        page.locator("#results").getByText("赵小明").click();
        assertThat(page.locator("#carers")).containsText("监护人");
        Browser.screenshot(page, "resident-guardian-phone");
        page.context().close();
    }

    @Test
    void englishAndLargeTextForAnElderlyResident() {
        var page = browser.open(Browser.Screen.PHONE, true);
        page.navigate(url("/login"));
        page.getByText("English").click();
        page.getByText("Large text").click();
        assertThat(page.locator("body")).hasClass(java.util.regex.Pattern.compile("large-text"));
        signIn(page, fixtures.residentAccount(street.a()));
        assertThat(page.locator("h1")).containsText("Hello");
        page.getByText("See household members").click();
        assertThat(page.locator("table.list")).containsText("张0");
        Browser.screenshot(page, "resident-household-large-text-en-phone");
        page.context().close();
    }
}
