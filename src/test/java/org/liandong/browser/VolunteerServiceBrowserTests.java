package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.QrCodes;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.roster.PostKind;
import org.liandong.volunteer.roster.Posts;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A volunteer on a phone: accepts a task and finishes it, checks in and out at a gate by its QR code, and
 * downloads a certificate whose QR code leads to a page that says it is genuine.
 */
class VolunteerServiceBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired VolunteerTasks tasks;
    @Autowired JdbcClient jdbc;
    @Autowired Posts posts;
    @Autowired UserDetailsService users;

    @Test
    void aVolunteerDoesATaskChecksInAndOutAndGetsAGenuineCertificate() throws Exception {
        var street = fixtures.street();
        var volunteer = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY),
                Availability.always());
        jdbc.sql("update volunteer set name = '王秀英' where id = :id").param("id", volunteer.id()).update();
        tasks.create(street.a().id(), TaskKind.DELIVER, "给3号楼101王阿婆送降压药", "药在居委会前台，联系电话见任务单",
                VolunteerTasks.Assignee.volunteer(volunteer.id()), Instant.now().plus(4, ChronoUnit.HOURS), "社工小李");

        // the east gate is a post of the community; staff open its check-in code for today
        posts.define(((LiandongUser) users.loadUserByUsername(street.a().staffUsername())).scope(),
                new Posts.NewPost(street.a().id(), PostKind.GATE, "东门", "枫林路 1 号", VolunteerCategory.GATE, false));
        var staff = browser.open(Browser.Screen.DESKTOP, false);
        signIn(staff, street.a().staffUsername());
        staff.navigate(url("/volunteer/checkin-points"));
        staff.getByRole(com.microsoft.playwright.options.AriaRole.ROW).filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("东门")).locator("a").click();
        assertThat(staff.locator("h1")).hasText("东门");
        var png = staff.request().get(url(staff.locator("#checkin-qr").getAttribute("src"))).body();
        var checkInUrl = QrCodes.decode(png);
        assertThat(checkInUrl).startsWith(url("/volunteer/checkin/"));
        assertThat(staff.locator("#checkin-url")).hasText(checkInUrl);
        Browser.screenshot(staff, "volunteer-checkin-point-desktop");

        // the volunteer, on a phone, accepts the task and finishes it with a note
        var phone = browser.open(Browser.Screen.PHONE, false);
        // scanning before signing in leads through the login page back to the check-in page, nothing recorded
        phone.navigate(checkInUrl);
        assertThat(phone.locator("#password")).isVisible();
        phone.getByLabel("手机号或用户名").fill(volunteer.username());
        phone.locator("#password").fill(Fixtures.PASSWORD);
        phone.locator("form.stack button[type=submit]").click();
        phone.waitForURL(u -> u.contains("/volunteer/checkin/"));
        assertThat(phone.locator("#checkin-button")).hasText("签到");
        assertThat(jdbc.sql("select count(*) from volunteer_attendance where volunteer_id = :v")
                .param("v", volunteer.id()).query(Integer.class).single()).isZero();
        phone.navigate(url("/volunteer/me/tasks"));
        assertThat(phone.locator(".task-card")).containsText("给3号楼101王阿婆送降压药");
        Browser.screenshot(phone, "volunteer-tasks-phone");
        phone.locator(".task-card button[type=submit]").first().click();
        assertThat(phone.locator(".flash.ok")).isVisible();
        assertThat(phone.locator(".task-card")).containsText("已接受");
        phone.locator(".task-card a.btn").first().click();
        phone.locator("#note").fill("药已送到，阿婆血压正常，说谢谢");
        phone.locator("#minutes").fill("40");
        phone.locator("form[action$='/done'] button[type=submit]").click();
        assertThat(phone.locator(".flash.ok")).isVisible();
        assertThat(phone.locator(".task-card")).containsText("已完成");

        // scanning the gate's code opens the check-in page; one tap checks in
        phone.navigate(checkInUrl);
        assertThat(phone.locator(".checkin .big")).hasText("东门");
        phone.locator("#checkin-button").click();
        assertThat(phone.locator("#checkin-result")).containsText("已在「东门」签到");
        // three hours on duty later …
        jdbc.sql("update volunteer_attendance set checked_in_at = :at where volunteer_id = :v and checked_out_at is null")
                .param("at", Timestamp.from(Instant.now().minus(3, ChronoUnit.HOURS))).param("v", volunteer.id())
                .update();
        phone.navigate(checkInUrl);
        assertThat(phone.locator("#checkin-button")).hasText("签退");
        phone.locator("#checkin-button").click();
        assertThat(phone.locator("#checkin-result")).containsText("3.0");
        Browser.screenshot(phone, "volunteer-checkout-phone");

        phone.navigate(url("/volunteer/me/hours"));
        assertThat(phone.locator("#total-hours")).hasText("3.7");
        assertThat(phone.locator("#ledger")).containsText("东门");
        Browser.screenshot(phone, "volunteer-hours-phone");

        // the certificate: a PDF with the name; its QR code leads to a page that says it is genuine
        var response = phone.request().get(url("/volunteer/me/certificate.pdf"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("application/pdf");
        var rendered = render(response.body(), "volunteer-certificate");
        var verifyUrl = QrCodes.decode(Files.readAllBytes(rendered));
        assertThat(verifyUrl).startsWith(url("/volunteer/certificates/LD"));
        var anyone = browser.open(Browser.Screen.PHONE, false);
        anyone.navigate(verifyUrl);
        assertThat(anyone.locator("#verdict")).containsText("真实证明");
        assertThat(anyone.locator("#verdict")).containsText("王**");
        assertThat(anyone.locator("#verdict")).not().containsText("王秀英");
        Browser.screenshot(anyone, "volunteer-certificate-verify-phone");

        // the month's thank-you board is public and shows the family name only
        anyone.navigate(url("/volunteer/thanks/" + street.a().id()));
        assertThat(anyone.locator("#board")).containsText("王**");
        assertThat(anyone.locator("body")).not().containsText("王秀英");
        Browser.screenshot(anyone, "volunteer-thanks-phone");

        // staff see the finished task with its note
        staff.navigate(url("/volunteer/tasks"));
        assertThat(staff.locator("#results")).containsText("已完成");
        Browser.screenshot(staff, "volunteer-tasks-staff-desktop");
    }

    /** Renders a certificate with poppler (docs/screenshots/{name}.png) and returns a sharp copy. */
    static Path render(byte[] pdf, String name) throws IOException, InterruptedException {
        var dir = Files.createTempDirectory("certificate");
        var file = dir.resolve("certificate.pdf");
        Files.write(file, pdf);
        run("pdftoppm", "-png", "-r", "100", "-singlefile", file.toString(),
                Browser.SCREENSHOTS.resolve(name).toAbsolutePath().toString());
        run("pdftoppm", "-png", "-r", "200", "-singlefile", file.toString(), dir.resolve("sharp").toString());
        return dir.resolve("sharp.png");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Files.createDirectories(Browser.SCREENSHOTS);
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (apt-get install -y poppler-utils): " + output);
        }
    }
}
