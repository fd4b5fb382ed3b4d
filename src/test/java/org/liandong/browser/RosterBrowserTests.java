package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff set up four gates, solve a two-week roster, watch it progress, publish; a volunteer sees it on a phone. */
class RosterBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired JdbcClient jdbc;

    @Test
    void staffSolveAndPublishATwoWeekGateRosterAndAVolunteerSeesTheirShiftsOnAPhone() {
        var street = fixtures.street();
        var team = volunteers.volunteers(street.a().id(), 40, Set.of(VolunteerCategory.GATE), Availability.always());
        jdbc.sql("update volunteer set hours_per_week = 40 where community_id = :c").param("c", street.a().id()).update();

        var page = browser.open(Browser.Screen.DESKTOP, false);
        signIn(page, street.a().staffUsername());
        page.navigate(url("/volunteer/rosters?community=" + street.a().id()));
        assertThat(page.locator("h1")).hasText("值班排班");
        for (var gate : new String[] {"东门", "南门", "西门", "北门"}) {
            page.locator("details.card summary").click();
            page.locator("#post-name").fill(gate);
            page.locator("#post-address").fill("测试路" + gate);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存岗位")).click();
            assertThat(page.locator(".flash.ok")).hasText("岗位已保存。");
            var card = page.locator(".card.post").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(gate));
            for (var shift : new String[][] {{"06:00", "14:00"}, {"14:00", "22:00"}, {"22:00", "06:00"}}) {
                card = page.locator(".card.post").filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText(gate));
                card.locator("input[name=start]").fill(shift[0]);
                card.locator("input[name=end]").fill(shift[1]);
                if (shift[0].equals("22:00")) {
                    card.locator("input[name=overnight]").check();
                }
                card.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                        .setName("添加班次")).click();
                assertThat(page.locator(".flash.ok")).hasText("班次已添加。");
            }
        }
        assertThat(page.locator(".card.post")).hasCount(4);
        Browser.screenshot(page, "roster-posts-desktop");
        page.locator("#weeks").selectOption("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("自动排班")).click();

        // progress first (htmx polling), then the result after the page reloads itself
        assertThat(page.locator("#progress")).isVisible();
        Browser.screenshot(page, "roster-solving-desktop");
        assertThat(page.locator("#result")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                .IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("#filled")).hasText("已排 168 / 168 个班位");
        assertThat(page.locator("#all-rules-met")).isVisible();
        Browser.screenshot(page, "roster-solved-desktop");
        page.locator("#publish").click();
        assertThat(page.locator(".flash.ok[role=status]")).containsText("排班已发布");
        assertThat(page.locator("#status")).hasText("已发布");

        var onDuty = jdbc.sql("""
                select v.id from volunteer v join volunteer_shift s on s.volunteer_id = v.id
                where v.community_id = :c order by s.starts_at limit 1""").param("c", street.a().id())
                .query(java.util.UUID.class).single();
        var volunteer = team.stream().filter(v -> v.id().equals(onDuty)).findFirst().orElseThrow();
        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, volunteer.username());
        phone.navigate(url("/volunteer/me/shifts"));
        assertThat(phone.locator("h1")).hasText("我的班次");
        assertThat(phone.locator("#my-shifts li").first()).containsText("门");
        assertThat(phone.locator("#feed")).hasValue(java.util.regex.Pattern.compile(".*/volunteer/calendar/.+\\.ics"));
        Browser.screenshot(phone, "roster-my-shifts-phone");
    }
}
