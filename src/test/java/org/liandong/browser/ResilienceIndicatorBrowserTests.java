package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.RegistryWriter;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A social worker reads a community's indicators on a desktop and a phone (one measured, one suppressed below 30,
 * the rest "no data"), the street admin compares the street's communities, and staff work through the playbook on
 * a phone: tick an item in place, a refused evidence link, a saved one.
 */
class ResilienceIndicatorBrowserTests extends BrowserJourney {

    @Autowired Fixtures fixtures;
    @Autowired RegistryWriter registry;
    @Autowired VolunteerFixtures volunteers;
    @Autowired VolunteerTasks tasks;

    @Test
    void indicatorsOfACommunityAndOfTheStreet() {
        var street = fixtures.street();
        var a = street.a();
        // 40 more residents (54 in all), and three volunteers who finished a task today
        var households = new ArrayList<RegistryWriter.NewHousehold>();
        var residents = new ArrayList<RegistryWriter.NewResident>();
        for (int i = 0; i < 20; i++) {
            var h = new RegistryWriter.NewHousehold(UUID.randomUUID(), a.id(), a.buildings().get(i % 4), "3" + (10 + i));
            households.add(h);
            for (int j = 0; j < 2; j++) {
                residents.add(new RegistryWriter.NewResident(UUID.randomUUID(), a.id(), h.id(), "居民" + i + j,
                        j == 0 ? 'M' : 'F', LocalDate.of(1960 + i, 1 + j, 1), Fixtures.nextIdNumber(), null,
                        j == 0 ? Relation.HEAD : Relation.SPOUSE, Residence.REGISTERED, null, null, Set.of(), null));
            }
        }
        registry.households(households);
        registry.residents(residents);
        for (int i = 0; i < 3; i++) {
            var v = volunteers.volunteer(a.id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
            var task = tasks.create(a.id(), TaskKind.DELIVER, "送菜上门", null, VolunteerTasks.Assignee.volunteer(v.id()),
                    null, "test");
            tasks.accept(v.id(), v.name(), task);
            tasks.complete(v.id(), v.name(), task, null, 45, null);
        }

        var desktop = browser.open(Browser.Screen.DESKTOP, false);
        signIn(desktop, a.staffUsername());
        desktop.navigate(url("/resilience/indicators"));
        assertThat(desktop.locator("h1")).containsText(a.name());
        var volunteersRow = desktop.locator("tr[data-indicator=volunteers-per-1000]");
        assertThat(volunteersRow).hasAttribute("data-state", "MEASURED");
        assertThat(volunteersRow.locator(".value")).hasText("55.6"); // 3 per 54 residents
        assertThat(volunteersRow).containsText("3 / 54");
        assertThat(desktop.locator("tr[data-indicator=vulnerable-with-carer]")).containsText("人数过少：不足 30");
        assertThat(desktop.locator("tr[data-indicator=alerts-opened-6h]")).containsText("无数据");
        assertThat(desktop.locator("[data-pillar=ORGANISATIONAL] .pillar-score")).hasText("100");
        desktop.locator("[data-pillar=ORGANISATIONAL] summary").click();
        Browser.screenshot(desktop, "resilience-indicators-community-desktop");

        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, a.staffUsername());
        phone.navigate(url("/resilience/indicators/" + a.id()));
        assertThat(phone.locator("tr[data-indicator=volunteers-per-1000] .value")).hasText("55.6");
        assertNoSidewaysScrolling(phone);
        Browser.screenshot(phone, "resilience-indicators-community-phone");

        var admin = browser.open(Browser.Screen.DESKTOP, false);
        signIn(admin, street.streetAdminUsername());
        admin.navigate(url("/resilience/indicators"));
        assertThat(admin.locator("tr[data-community='" + a.id() + "']")).containsText("100");
        assertThat(admin.locator("tr[data-community='" + street.b().id() + "']")).containsText("无数据");
        Browser.screenshot(admin, "resilience-indicators-street-desktop");
    }

    @Test
    void staffWorkThroughThePlaybookOnAPhone() {
        var street = fixtures.street();
        var a = street.a();
        var phone = browser.open(Browser.Screen.PHONE, false);
        signIn(phone, a.staffUsername());
        phone.navigate(url("/resilience/playbook"));
        assertThat(phone.locator("h1")).containsText(a.name());
        var first = phone.locator("li.pb-item").first();
        var id = first.getAttribute("id");
        first.locator("button.pb-check").click();
        var ticked = phone.locator("#" + id);
        assertThat(ticked).hasClass(java.util.regex.Pattern.compile("done"));
        assertThat(phone.locator(".playbook-progress")).containsText("已完成 1 /");

        var second = phone.locator("li.pb-item").nth(1);
        var secondId = second.getAttribute("id");
        second.locator("details.pb-edit summary").click();
        second.locator("input[name=evidence]").fill("ftp://files.example/plan.doc");
        second.locator("details.pb-edit button[type=submit]").click();
        assertThat(phone.locator("#" + secondId + " .flash.bad")).containsText("佐证必须是 http(s) 网址");
        var again = phone.locator("#" + secondId);
        again.locator("details.pb-edit summary").click();
        again.locator("select[name=owner]").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        again.locator("input[name=evidence]").fill("https://www.shanghai.gov.cn/guide");
        again.locator("details.pb-edit button[type=submit]").click();
        assertThat(phone.locator("#" + secondId + " .flash.ok")).isVisible();
        assertThat(phone.locator("#" + secondId + " a.pb-evidence")).hasAttribute("href", "https://www.shanghai.gov.cn/guide");
        phone.reload();
        assertThat(phone.locator("#" + id)).hasClass(java.util.regex.Pattern.compile("done"));
        assertNoSidewaysScrolling(phone);
        Browser.screenshot(phone, "resilience-playbook-community-phone");

        var desktop = browser.open(Browser.Screen.DESKTOP, false);
        signIn(desktop, a.staffUsername());
        desktop.navigate(url("/resilience/playbook/" + a.id()));
        desktop.locator("#" + secondId + " details.pb-edit summary").click();
        Browser.screenshot(desktop, "resilience-playbook-community-desktop");

        var admin = browser.open(Browser.Screen.DESKTOP, false);
        signIn(admin, street.streetAdminUsername());
        admin.navigate(url("/resilience/playbook"));
        assertThat(admin.locator("tr[data-community='" + a.id() + "']")).containsText("1/10");
        Browser.screenshot(admin, "resilience-playbook-street-desktop");
    }

    static void assertNoSidewaysScrolling(Page page) {
        var width = (Number) page.evaluate("document.documentElement.scrollWidth");
        assertThat(width.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    }

}
