package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.account.Accounts;
import org.liandong.platform.Role;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An elderly resident, large text on a phone, asks for her blood-pressure medicine; the social worker assigns
 * the suggested volunteer with one click; the volunteer accepts and finishes; she sees it done and thanks him.
 */
class CareRequestBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void anElderlyResidentAsksForMedicineAndFollowsItToDone() {
        var street = fixtures.street();
        var residentLogin = fixtures.residentAccount(street.a());
        var volunteer = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY),
                Availability.always());
        jdbc.sql("update volunteer set name = '刘志强' where id = :id").param("id", volunteer.id()).update();
        var socialWorker = "sw-" + street.a().id();
        accounts.create(socialWorker, "社工林静", Fixtures.PASSWORD, Role.SOCIAL_WORKER, List.of(street.id()), List.of(),
                null);

        // the resident, on her phone, switches to large text and asks for help
        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, residentLogin);
        phone.navigate(url("/text-size?size=large"));
        phone.navigate(url("/care/my"));
        assertThat(phone.locator("body.large-text")).isVisible();
        phone.locator("#ask-for-help").click();
        phone.getByLabel("买药配药").check();
        phone.getByLabel("比较急，今天之内").check();
        phone.locator("#details").fill("降压药吃完了，要买苯磺酸氨氯地平片");
        Browser.screenshot(phone, "care-ask-large-text-phone");
        phone.locator("#send-request").click();
        assertThat(phone.locator(".flash.ok")).isVisible();
        assertThat(phone.locator("#my-status")).hasText("已收到您的求助，正在安排");
        Browser.screenshot(phone, "care-request-filed-phone");

        // the social worker sees it in the queue and assigns the suggested volunteer
        var desk = browser.open(Browser.Screen.DESKTOP, false);
        signIn(desk, socialWorker);
        desk.navigate(url("/care/requests?community=" + street.a().id()));
        assertThat(desk.locator(".queue-row")).hasCount(1);
        desk.locator(".queue-row a").first().click();
        assertThat(desk.locator("#suggestions .suggestion").first()).containsText("刘志强");
        assertThat(desk.locator("#suggestions .suggestion").first()).containsText("有相关技能");
        Browser.screenshot(desk, "care-request-suggestions-desktop");
        desk.locator("#suggestions .suggestion button.assign").first().click();
        assertThat(desk.locator("#request-status")).hasText("已指派");

        // the volunteer accepts and finishes the task
        var helper = browser.open(Browser.Screen.PHONE, false);
        signIn(helper, volunteer.username());
        helper.navigate(url("/volunteer/me/tasks"));
        assertThat(helper.locator(".task-card")).containsText("买药配药");
        helper.locator(".task-card button[type=submit]").first().click();
        assertThat(helper.locator(".task-card")).containsText("已接受");
        helper.locator(".task-card a.btn").first().click();
        helper.locator("#note").fill("药已送到门口");
        helper.locator("form[action$='/done'] button[type=submit]").click();
        assertThat(helper.locator(".task-card")).containsText("已完成");

        // she sees it done (the request follows the task's event) and thanks him
        phone.waitForCondition(() -> {
            phone.reload();
            return phone.locator("#my-status").textContent().contains("已经办好了");
        }, new com.microsoft.playwright.Page.WaitForConditionOptions().setTimeout(15_000));
        assertThat(phone.locator(".progress-steps li.done")).hasCount(5);
        Browser.screenshot(phone, "care-request-done-phone");
        phone.locator("#thanks").fill("谢谢小刘");
        phone.locator("#send-thanks").click();
        assertThat(phone.locator("#my-thanks")).containsText("5");
        assertThat(jdbc.sql("select rating from care_help_request where volunteer_id = :v").param("v", volunteer.id())
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Autowired org.liandong.care.observation.Observations observations;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void aGuardianUnderObservationChecksInAndTheLeaderVisitsHerSon() {
        var street = fixtures.street();
        var staff = (org.liandong.platform.LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        var guardianLogin = "135" + String.format("%08d", Math.abs(java.util.UUID.randomUUID().hashCode()) % 100_000_000);
        accounts.create(guardianLogin, "张女士", Fixtures.PASSWORD, Role.RESIDENT, List.of(), List.of(),
                street.a().households().get(1));
        var leaderLogin = "leader-" + street.a().id();
        accounts.create(leaderLogin, "孙建国", Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(),
                List.of(street.a().id()), street.a().households().get(0));
        var observation = observations.open(staff, street.a().carerOfDisabled(), "FEVER", 14);

        // the guardian checks in on her phone: a slip (73) is refused, then 38.1 with a cough
        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, guardianLogin);
        phone.navigate(url("/care/my/observation"));
        phone.locator("a.btn.wide").first().click();
        phone.locator("#temperature").fill("73");
        phone.locator("#send-checkin").click();
        assertThat(phone.locator(".flash.bad")).containsText("34.0 到 42.5");
        Browser.screenshot(phone, "care-checkin-refused-phone");
        phone.locator("#temperature").fill("38.1");
        phone.getByLabel("咳嗽").check();
        phone.locator("#send-checkin").click();
        assertThat(phone.locator(".flash.ok")).isVisible();

        // the staff member sees the fever alert and the flagged teenager
        var desk = browser.open(Browser.Screen.DESKTOP, false);
        signIn(desk, street.a().staffUsername());
        desk.navigate(url("/care/alerts"));
        assertThat(desk.locator(".alert-card").first()).isVisible();
        desk.waitForCondition(() -> {
            desk.reload();
            return desk.locator("body").textContent().contains("照护对象无人照顾");
        }, new com.microsoft.playwright.Page.WaitForConditionOptions().setTimeout(15_000));
        assertThat(desk.locator("body")).containsText("发热");
        Browser.screenshot(desk, "care-alerts-desktop");
        desk.navigate(url("/care/observations/" + observation));
        assertThat(desk.locator(".temperature.fever")).hasText("38.1 °C");
        Browser.screenshot(desk, "care-observation-desktop");

        // the building-group leader visits the teenager and records who looks after him now
        var leader = browser.open(Browser.Screen.PHONE, false);
        signIn(leader, leaderLogin);
        leader.navigate(url("/care/welfare"));
        assertThat(leader.locator(".task-card").first()).containsText("赵小明");
        leader.locator(".task-card input[name=note]").first().fill("孩子在家，情绪稳定，已送饭");
        leader.locator(".task-card input[name=carerName]").first().fill("李阿姨");
        leader.locator(".task-card input[name=carerPhone]").first().fill("13812345678");
        Browser.screenshot(leader, "care-welfare-visit-phone");
        leader.locator(".task-card button[type=submit]").first().click();
        assertThat(leader.locator(".flash.ok")).isVisible();

        desk.navigate(url("/care/dependants?resolved=true"));
        assertThat(desk.locator("body")).containsText("现在由 李阿姨");
        Browser.screenshot(desk, "care-dependants-desktop");
    }
}
