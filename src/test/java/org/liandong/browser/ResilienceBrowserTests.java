package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.community.RegistryWriter;
import org.liandong.platform.LiandongUser;
import org.liandong.resilience.ResilienceFixtures;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 7's survey journeys: a resident answers the pulse on a phone (and is told what is missing first); the
 * community's dashboard draws its radar; a street admin compares the communities; the community report PDF is
 * rendered to an image and shows Chinese text.
 */
class ResilienceBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired SurveyRounds rounds;
    @Autowired RegistryWriter registry;
    @Autowired UserDetailsService users;
    @Autowired TransactionTemplate tx;

    @Test
    void aResidentAnswersThePulseOnAPhoneAndStaffReadTheResults() throws Exception {
        var street = fixtures.street();
        var survey = new ResilienceFixtures(rounds, registry, users, tx);
        survey.moreHouseholds(street.a(), 40);
        survey.moreHouseholds(street.b(), 40);
        var staffA = (LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        var staffB = (LiandongUser) users.loadUserByUsername(street.b().staffUsername());
        rounds.close(staffA, survey.answeredRound(street.a(), "PREPARE", Form.FULL,
                ResilienceFixtures.generate(Form.FULL, 30, 3.1, 21)));
        rounds.close(staffB, survey.answeredRound(street.b(), "PREPARE", Form.FULL,
                ResilienceFixtures.generate(Form.FULL, 30, 3.5, 22)));
        var pulseA = survey.answeredRound(street.a(), "RESPOND", Form.PULSE,
                ResilienceFixtures.generate(Form.PULSE, 24, 3.8, 23));
        rounds.close(staffB, survey.answeredRound(street.b(), "RESPOND", Form.PULSE,
                ResilienceFixtures.generate(Form.PULSE, 24, 3.0, 24)));

        // a resident of community A finds the survey on the home page and answers it on a phone
        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, fixtures.residentAccount(street.a()));
        assertThat(phone.locator("#open-survey")).isVisible();
        phone.locator("#open-survey a.btn").click();
        assertThat(phone.locator("fieldset.survey-item")).hasCount(9);
        var items = phone.locator("fieldset.survey-item");
        for (int i = 0; i < 8; i++) {
            items.nth(i).locator("label.big-choice").nth(i % 3 == 0 ? 5 : 3 + i % 2).click();
        }
        phone.locator("#submit-survey").click();
        assertThat(phone.locator("#problem")).containsText("第 9 题");
        assertThat(phone.locator("#q-1 input[value=dk]")).isChecked();
        Browser.screenshot(phone, "resilience-survey-missing-phone");
        phone.locator("#q-9 label.big-choice").nth(4).click();
        phone.locator("#about-you summary").click();
        phone.selectOption("#ageBand", "A45_59");
        phone.selectOption("#sex", "F");
        Browser.screenshot(phone, "resilience-survey-phone");
        phone.locator("#submit-survey").click();
        assertThat(phone.locator("#thanks")).containsText("谢谢您");
        Browser.screenshot(phone, "resilience-survey-thanks-phone");
        assertThat(rounds.round(staffA.scope(), pulseA).responses()).isEqualTo(25);

        // staff of A: the round with its participation, then the dashboard with the radar drawn
        var staff = browser.open(Browser.Screen.DESKTOP, false);
        signIn(staff, street.a().staffUsername());
        staff.navigate(url("/resilience/rounds/" + pulseA));
        assertThat(staff.locator("#participation")).containsText("25");
        Browser.screenshot(staff, "resilience-round-desktop");
        staff.navigate(url("/resilience/communities/" + street.a().id()));
        assertThat(staff.locator("#radar-chart[data-drawn=true] svg")).isVisible();
        assertThat(staff.locator("#trend-chart[data-drawn=true] svg")).isVisible();
        assertThat(staff.locator("#changes")).containsText("+");
        // the twelve operational indicators come from resilience.indicator, each with its state
        assertThat(staff.locator("#indicators tr[data-indicator]")).hasCount(12);
        assertThat(staff.locator("#indicators tr[data-indicator='volunteers-per-1000']")).isVisible();
        Browser.screenshot(staff, "resilience-dashboard-desktop");

        // the street admin compares the communities: absolute level beside relative rank
        var admin = browser.open(Browser.Screen.DESKTOP, false);
        signIn(admin, street.streetAdminUsername());
        admin.navigate(url("/resilience/streets/" + street.id()));
        assertThat(admin.locator("#street-chart[data-drawn=true] svg")).isVisible();
        assertThat(admin.locator("#street-table tbody tr")).hasCount(2);
        assertThat(admin.locator("#street-table tr[data-community='" + street.a().id() + "'] td.rank"))
                .hasText("1");
        assertThat(admin.locator("#street-table tr[data-community='" + street.b().id() + "'] td.rank"))
                .hasText("2");
        assertThat(admin.locator("main")).containsText("相对排名");
        assertThat(admin.locator("main")).containsText("绝对水平");
        Browser.screenshot(admin, "resilience-street-desktop");
        var adminPhone = browser.open(Browser.Screen.PHONE, false);
        signIn(adminPhone, street.streetAdminUsername());
        adminPhone.navigate(url("/resilience/streets/" + street.id()));
        assertThat(adminPhone.locator("#street-chart[data-drawn=true] svg")).isVisible();
        Browser.screenshot(adminPhone, "resilience-street-phone");

        // the community report: a PDF in Chinese, rendered to an image
        var response = staff.request().get(url("/resilience/rounds/" + pulseA + "/report.pdf"));
        assertThat(response.status()).isEqualTo(200);
        var pdf = Path.of("target", "resilience-report.pdf");
        Files.write(pdf, response.body());
        var text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains("社区韧性报告").contains("心理韧性").contains("方法说明").contains("暂无数据");
        run("pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", pdf.toString(),
                Browser.SCREENSHOTS.resolve("resilience-report-pdf").toString());
        assertThat(Browser.SCREENSHOTS.resolve("resilience-report-pdf.png")).exists();
    }

    private static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
