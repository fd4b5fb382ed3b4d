package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.liandong.volunteer.QrCodes;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.account.Accounts;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.Role;
import org.liandong.volunteer.ApplicationParams;
import org.liandong.volunteer.Applications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scenario step 6, the whole way: a resident applies on her phone; a social worker vets a surge of 800
 * applications in batches (filters, select all, approve / hold), builds three teams with leaders, defines 4 gates
 * × 3 shifts, has a 2-week roster solved, puts the applicant on today's east-gate shift by hand and publishes;
 * the applicant checks her status with phone + code, chooses a password, sees her shifts, checks in and out at
 * the gate by its QR code, and downloads a certificate of her hours whose QR code verifies.
 */
class VolunteerApplicationBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired Applications applications;
    @Autowired JdbcClient jdbc;

    @Test
    void aSurgeOfApplicationsBecomesTeamsOnDutyWithHoursAndACertificate() throws Exception {
        var street = fixtures.street();
        var a = street.a();
        var socialWorker = "sw-" + street.id();
        accounts.create(socialWorker, "社工小王", Fixtures.PASSWORD, Role.SOCIAL_WORKER, List.of(street.id()), List.of(),
                null);

        // 1. a resident applies on her phone
        var phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        var birth = LocalDate.of(1990, 5, 12);
        var id = ChineseIdNumber.of("110105", birth, 124);
        var page = browser.open(Browser.Screen.PHONE, false);
        page.navigate(url("/volunteer/apply"));
        assertThat(page.locator("h1")).hasText("报名当志愿者");
        page.locator("#name").fill("林晓雯");
        page.locator("#idNumber").fill(id.value());
        page.locator("input[name=sex][value=F]").check();
        page.locator("#birthDate").fill(birth.toString());
        page.locator("#phone").fill(phone);
        page.locator("#communityId").selectOption(a.id());
        page.locator("input[name=categories][value=MEDICAL]").check();
        page.locator("input[name=categories][value=GATE]").check();
        for (var slot : List.of("0-0", "1-0", "2-1", "5-2")) {
            page.locator("input[name=availability][value='" + slot + "']").check();
        }
        page.locator("#availableFrom").fill(LocalDate.now().toString());
        page.locator("#availableUntil").fill(LocalDate.now().plusDays(40).toString());
        page.locator("#hoursPerWeek").fill("16");
        for (var answer : List.of("why=neighbours", "prior=regular", "nights=yes", "team=team",
                "commitment=whole-crisis")) {
            var parts = answer.split("=");
            page.locator("input[name='answer." + parts[0] + "'][value='" + parts[1] + "']").check();
        }
        page.locator("input[name=healthOk][value=yes]").check();
        page.locator("input[name=consent]").check();
        // the certificate is missing: the form says so and keeps everything typed
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("#problems")).containsText("这一类别需要填写证书编号");
        assertThat(page.locator("#name")).hasValue("林晓雯");
        page.locator("#certificate-MEDICAL").fill("110310000012345");
        Browser.screenshot(page, "volunteer-apply-phone");
        page.locator("form.stack button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("报名已提交");
        var code = page.locator("#reference-code").textContent().strip();
        assertThat(code).hasSize(8);
        Browser.screenshot(page, "volunteer-apply-submitted-phone");
        page.context().close();

        // 2. 800 more people apply in two days (through the service, not the browser)
        for (int i = 0; i < 800; i++) {
            var params = ApplicationParams.valid(i % 4 == 3 ? street.b().id() : a.id());
            if (i % 10 == 0) {
                params = ApplicationParams.with(params, "categories", "ELDER_CARE", "GATE");
            }
            // people are free at different times: two of the three periods on five days of the week
            var slots = new java.util.ArrayList<String>();
            for (int day = 0; day < 7; day++) {
                if ((i + day) % 7 < 5) {
                    slots.add(day + "-" + (i + day) % 3);
                    slots.add(day + "-" + (i + day + 1) % 3);
                }
            }
            params = ApplicationParams.with(params, "availability", slots.toArray(String[]::new));
            params = ApplicationParams.with(params, "hoursPerWeek", "24");
            applications.submit(ApplicationParams.form(params));
        }

        // 3. the social worker vets them on a desktop: good scores approved in pages of 50, the rest held
        var desk = browser.open(Browser.Screen.DESKTOP, false);
        signIn(desk, socialWorker, Fixtures.PASSWORD);
        desk.navigate(url("/volunteer/applications"));
        assertThat(desk.locator("#total")).containsText("801");
        desk.locator("#minScore").fill("80");
        desk.locator("#minScore").press("Tab"); // leaving the field fires "change": htmx swaps the table
        assertThat(desk).hasURL(java.util.regex.Pattern.compile(".*minScore=80.*"));
        assertThat(desk.locator("#total")).not().containsText("801");
        var withGoodScore = number(desk.locator("#total"));
        assertThat(withGoodScore).isBetween(100, 800);
        desk.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        desk.locator("#select-all").check();
        assertThat(desk.locator("#results input[name=ids]:checked")).hasCount(50);
        Browser.screenshot(desk, "volunteer-vetting-desktop");
        int approved = 0;
        while (number(desk.locator("#total")) > 0) {
            selectAllOnPage(desk);
            desk.locator("#decision").selectOption("APPROVE");
            desk.locator("#apply-decision").click();
            assertThat(desk.locator("#outcome")).containsText("已通过");
            approved += 50;
            assertThat(approved).as("no endless loop").isLessThan(900);
        }
        desk.navigate(url("/volunteer/applications?status=SUBMITTED&sort=DATE"));
        while (number(desk.locator("#total")) > 0) {
            selectAllOnPage(desk);
            desk.locator("#decision").selectOption("HOLD");
            desk.locator("#reason").fill("动机分较低，先安排电话面谈");
            desk.locator("#apply-decision").click();
            assertThat(desk.locator("#outcome")).containsText("已暂缓");
        }
        assertThat(count("select count(*) from volunteer_application where status = 'APPROVED' and community_id in (:c)",
                List.of(a.id(), street.b().id()))).isEqualTo(withGoodScore);
        assertThat(count("select count(*) from volunteer where community_id in (:c)", List.of(a.id(), street.b().id())))
                .isEqualTo(withGoodScore);

        var phoneQueue = browser.open(Browser.Screen.PHONE, false);
        signIn(phoneQueue, socialWorker, Fixtures.PASSWORD);
        phoneQueue.navigate(url("/volunteer/applications?status=ON_HOLD&sort=DATE"));
        assertThat(phoneQueue.locator("#results tbody tr")).hasCount(50);
        Browser.screenshot(phoneQueue, "volunteer-vetting-phone");
        phoneQueue.context().close();

        // 4. three teams in community A, each with a team leader and a resident leader
        for (var team : List.of("东门门岗队", "送药送菜队", "独居老人探访队")) {
            desk.navigate(url("/volunteer/teams"));
            desk.locator("#communityId").selectOption(a.id());
            desk.locator("#name").fill(team);
            desk.locator("#purpose").fill(team + "：每日排班");
            desk.locator("#create-team button").click();
            assertThat(desk.locator("h1")).hasText(team);
            if (team.equals("东门门岗队")) {
                desk.locator("#add-members label").filter(new Locator.FilterOptions().setHasText("林晓雯"))
                        .locator("input").check();
            }
            var boxes = desk.locator("#add-members label:not(:has-text('林晓雯')) input[name=volunteerIds]");
            for (int i = 0; i < 8; i++) {
                boxes.nth(i).check();
            }
            desk.locator("#add-members button[type=submit]").click();
            assertThat(desk.locator("#members tbody tr")).hasCount(team.equals("东门门岗队") ? 9 : 8);
            var last = desk.locator("#members tbody tr").last();
            last.locator("input[name=leader]").check();
            last.locator("form.roles button").click();
            desk.locator("#members tbody tr").last().locator("input[name=residentLeader]").check();
            desk.locator("#members tbody tr").last().locator("form.roles button").click();
            assertThat(desk.locator("#members tbody tr").first()).containsText("队长");
            assertThat(desk.locator("#members tbody tr").nth(1)).containsText("居民骨干");
        }
        Browser.screenshot(desk, "volunteer-team-desktop");
        desk.navigate(url("/volunteer/teams"));
        assertThat(desk.locator("#teams tbody tr")).hasCount(3);

        // 5. four gates with three 8-hour shifts each, a 2-week roster from today solved in the background
        desk.navigate(url("/volunteer/rosters?community=" + a.id()));
        for (var gate : new String[] {"东门", "南门", "西门", "北门"}) {
            desk.locator("details.card summary").click();
            desk.locator("#post-name").fill(gate);
            desk.locator("#post-address").fill("枫林路" + gate);
            desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存岗位")).click();
            assertThat(desk.locator(".flash.ok")).hasText("岗位已保存。");
            for (var shift : new String[][] {{"06:00", "14:00"}, {"14:00", "22:00"}, {"22:00", "06:00"}}) {
                var card = desk.locator(".card.post").filter(new Locator.FilterOptions().setHasText(gate));
                card.locator("input[name=start]").fill(shift[0]);
                card.locator("input[name=end]").fill(shift[1]);
                if (shift[0].equals("22:00")) {
                    card.locator("input[name=overnight]").check();
                }
                card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("添加班次")).click();
                assertThat(desk.locator(".flash.ok")).hasText("班次已添加。");
            }
        }
        assertThat(desk.locator(".card.post")).hasCount(4);
        // from yesterday, so that whatever the hour a shift is on now (a night shift may have begun yesterday)
        desk.locator("#start").fill(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
        desk.locator("#weeks").selectOption("2");
        desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("自动排班")).click();
        assertThat(desk.locator("#result")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(90_000));
        assertThat(desk.locator("#filled")).containsText("/ 168 个班位");
        var rosterUrl = desk.url();

        // the applicant is needed at the east gate right now: the social worker puts her there by hand, sees
        // what that breaks (live warning), saves, and publishes
        var now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        var eastGateNow = jdbc.sql("""
                select s.id from volunteer_shift s join volunteer_post p on p.id = s.post_id
                where p.community_id = :c and p.name = '东门' and s.starts_at <= :now and s.ends_at > :now""")
                .param("c", a.id()).param("now", java.sql.Timestamp.valueOf(now)).query(java.util.UUID.class).single();
        desk.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE); // htmx is a deferred script
        desk.locator("#seat-" + eastGateNow + " a").click(); // loads the seat's editor in place (htmx)
        var seat = desk.locator("#seat-" + eastGateNow + " form");
        // picking her asks the server which rules the change would break (htmx, nothing saved yet; the warnings
        // themselves are asserted in RosterIntegrationTests, the solver may even have put her there already)
        seat.locator("select").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("林晓雯"));
        desk.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        desk.locator("#w-" + eastGateNow).scrollIntoViewIfNeeded();
        desk.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("journey-roster-seat-desktop.png")));
        seat.locator("button").click();
        desk.waitForURL(rosterUrl + "**");
        assertThat(desk.locator("#seat-" + eastGateNow + " .seat-name")).hasText("林晓雯");
        Browser.screenshot(desk, "journey-roster-edited-desktop");
        desk.locator("#publish").click();
        assertThat(desk.locator("#status")).hasText("已发布");

        // 6. the applicant checks her status, chooses a password and signs in as a volunteer

        var phonePage = browser.open(Browser.Screen.PHONE, false);
        phonePage.navigate(url("/volunteer/status"));
        phonePage.locator("#phone").fill(phone);
        phonePage.locator("#code").fill(code.toLowerCase());
        phonePage.locator("form.stack button[type=submit]").click();
        assertThat(phonePage.locator("#result")).containsText("已通过");
        phonePage.locator("#password").fill("lin-xiaowen-2026");
        phonePage.locator("#passwordAgain").fill("lin-xiaowen-2026");
        phonePage.locator("#result form.stack button[type=submit]").click();
        assertThat(phonePage.locator("#password-set")).containsText("密码已设置");
        Browser.screenshot(phonePage, "volunteer-status-phone");
        signIn(phonePage, phone, "lin-xiaowen-2026");
        phonePage.navigate(url("/volunteer/me/teams"));
        assertThat(phonePage.locator("#my-teams")).containsText("东门门岗队");
        Browser.screenshot(phonePage, "volunteer-my-teams-phone");
        phonePage.navigate(url("/volunteer/me/shifts"));
        assertThat(phonePage.locator("#my-shifts li").first()).containsText("东门");
        Browser.screenshot(phonePage, "journey-my-shifts-phone");

        // 7. at the east gate: staff show today's code, she scans it, the check-in meets her shift
        desk.navigate(url("/volunteer/checkin-points"));
        desk.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("东门")).locator("a").click();
        var checkInUrl = QrCodes.decode(desk.request().get(url(desk.locator("#checkin-qr").getAttribute("src"))).body());
        phonePage.navigate(checkInUrl);
        phonePage.locator("#checkin-button").click();
        assertThat(phonePage.locator("#checkin-result")).containsText("已在「东门」签到");
        assertThat(phonePage.locator("#checkin-shift")).containsText("已对上你的排班");
        Browser.screenshot(phonePage, "journey-checked-in-phone");
        desk.reload();
        assertThat(desk.locator("#duty-today")).containsText("林晓雯");
        assertThat(desk.locator("#duty-today tr").filter(new Locator.FilterOptions().setHasText("林晓雯")))
                .containsText("已签到");
        Browser.screenshot(desk, "journey-duty-today-desktop");
        desk.context().close();

        // four hours later (moved back in the database: the test cannot wait) she scans again to check out
        var volunteerId = jdbc.sql("select id from volunteer where phone = :p").param("p", phone)
                .query(java.util.UUID.class).single();
        jdbc.sql("update volunteer_attendance set checked_in_at = :at where volunteer_id = :v and checked_out_at is null")
                .param("at", java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(4))))
                .param("v", volunteerId).update();
        phonePage.navigate(checkInUrl);
        phonePage.locator("#checkin-button").click();
        assertThat(phonePage.locator("#checkin-result")).containsText("4.0");

        // 8. her certificate of service hours: a PDF whose QR code leads to a page that says it is genuine
        phonePage.navigate(url("/volunteer/me/hours"));
        assertThat(phonePage.locator("#total-hours")).hasText("4.0");
        var pdf = phonePage.request().get(url("/volunteer/me/certificate.pdf"));
        assertThat(pdf.status()).isEqualTo(200);
        var verifyUrl = QrCodes.decode(java.nio.file.Files.readAllBytes(
                VolunteerServiceBrowserTests.render(pdf.body(), "journey-certificate")));
        var anyone = browser.open(Browser.Screen.PHONE, false);
        anyone.navigate(verifyUrl);
        assertThat(anyone.locator("#verdict")).containsText("真实证明");
        assertThat(anyone.locator("#verdict")).containsText("4.0");
        Browser.screenshot(anyone, "journey-certificate-verified-phone");
        anyone.context().close();
        phonePage.context().close();
    }

    /** The script that ticks the rows is deferred: wait for the page to load, then check that it did its work. */
    private static void selectAllOnPage(Page page) {
        page.waitForLoadState();
        page.locator("#select-all").check();
        assertThat(page.locator("#results input[name=ids]").first()).isChecked();
        assertThat(page.locator("#results input[name=ids]").last()).isChecked();
    }

    private long count(String sql, List<String> communities) {
        return jdbc.sql(sql).param("c", communities).query(Long.class).single();
    }

    private static int number(Locator locator) {
        return Integer.parseInt(locator.textContent().replaceAll("\\D", ""));
    }
}
