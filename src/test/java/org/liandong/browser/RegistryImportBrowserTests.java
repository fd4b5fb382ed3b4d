package org.liandong.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liandong.Fixtures;
import org.liandong.platform.ChineseIdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The committee's spreadsheet goes in: community staff import 1,000 rows of which 5 are wrong, see exactly
 * those 5 with their reasons, fix them, import again and commit; then find an imported vulnerable
 * resident and name her carer. Screenshots at phone and desktop size go to docs/screenshots/.
 */
class RegistryImportBrowserTests extends BrowserJourney {

    static final String HEADER = "楼栋,室号,姓名,性别,出生日期,身份证号,手机号,与户主关系,居住类型,迁入日期,困难类型,残疾等级,需求备注";
    /** Spouse rows (so no household loses its head) that the first file gets wrong. */
    static final List<Integer> BAD_ROWS = List.of(41, 203, 404, 667, 999);

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @Test
    void importFixAndCommitThenFindAVulnerableResidentAndHerCarer() throws Exception {
        var street = fixtures.street();
        var community = street.a();
        var people = people(community.buildingNames());
        var broken = write("登记表-有误.csv", people, true);
        var fixed = write("登记表-已改正.csv", people, false);

        for (var screen : Browser.Screen.values()) {
            var page = browser.open(screen, false);
            signIn(page, community.staffUsername());
            page.navigate(url("/registry/import"));
            page.locator("#community").selectOption(community.id());
            page.locator("#file").setInputFiles(broken);
            page.locator("form[enctype] button[type=submit]").click();

            // the check runs in the background; the page follows it and then lists the bad rows
            assertThat(page.locator("#problems")).isVisible(new com.microsoft.playwright.assertions
                    .LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
            var rows = page.locator("#problems tbody tr");
            assertThat(rows).hasCount(BAD_ROWS.size());
            var shown = new ArrayList<Integer>();
            for (int i = 0; i < rows.count(); i++) {
                shown.add(Integer.parseInt(rows.nth(i).getAttribute("data-row")));
            }
            // file rows are counted with the header as row 1, as in a spreadsheet
            assertThat(shown).containsExactlyElementsOf(BAD_ROWS.stream().map(r -> r + 1).toList());
            assertThat(page.locator("#problems")).containsText("校验位");
            assertThat(page.locator("#problems")).containsText("手机号");
            assertThat(page.locator("#problems")).containsText("99号楼");
            assertThat(page.locator("#commit")).isDisabled();
            Browser.screenshot(page, "import-bad-rows-" + screen.name().toLowerCase());
            page.context().close();
        }
        assertThat(residentsIn(community.id())).isEqualTo(14);

        var page = browser.open(Browser.Screen.PHONE, false);
        signIn(page, community.staffUsername());
        page.navigate(url("/registry/import"));
        page.locator("#community").selectOption(community.id());
        page.locator("#file").setInputFiles(fixed);
        page.locator("form[enctype] button[type=submit]").click();
        assertThat(page.locator("#commit")).isEnabled(new com.microsoft.playwright.assertions
                .LocatorAssertions.IsEnabledOptions().setTimeout(60_000));
        assertThat(page.locator("#counts")).containsText("1000");
        Browser.screenshot(page, "import-ready-phone");
        page.locator("#commit").click();
        assertThat(page.locator(".flash.ok")).containsText("1,000", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        Browser.screenshot(page, "import-committed-phone");
        assertThat(residentsIn(community.id())).isEqualTo(14 + 1000);

        // an imported elderly woman living alone has nobody yet: the staff name a neighbour
        page.navigate(url("/residents?withoutCarer=true&community=" + community.id()));
        page.locator("#results").getByText("孤老甲").click();
        assertThat(page.locator("#carers")).containsText("还没有照护人");
        page.locator("#carerName").fill("邻居钱阿姨");
        page.locator("#carerPhone").fill("13912345678");
        page.locator("#relation").selectOption("NEIGHBOUR");
        page.locator("#carers form.stack button").click();
        assertThat(page.locator("#carers")).containsText("邻居钱阿姨");
        Browser.screenshot(page, "import-resident-carer-phone");
        page.context().close();
    }

    /** 500 households of a head and a spouse; household 7's head is an elderly woman living alone. */
    private static List<List<String>> people(List<String> buildings) {
        var rows = new ArrayList<List<String>>();
        for (int h = 0; h < 500; h++) {
            var building = buildings.get(h % buildings.size());
            var room = String.valueOf(1001 + h);
            var head = Fixtures.nextIdNumber();
            var spouse = Fixtures.nextIdNumber();
            rows.add(row(building, room, h == 7 ? "孤老甲" : "户主" + h, head, "户主", h == 7 ? "独居老人" : ""));
            rows.add(row(building, room, "配偶" + h, spouse, "配偶", ""));
        }
        return rows;
    }

    private static List<String> row(String building, String room, String name, ChineseIdNumber id, String relation,
                                    String tags) {
        return new ArrayList<>(List.of(building, room, name, id.male() ? "男" : "女", id.birthDate().toString(),
                id.value(), "139" + id.value().substring(10, 18).replace('X', '0'), relation, "户籍", "", tags, "",
                ""));
    }

    private Path write(String name, List<List<String>> people, boolean broken) throws Exception {
        var lines = new ArrayList<String>();
        lines.add(HEADER);
        for (int i = 0; i < people.size(); i++) {
            var row = new ArrayList<>(people.get(i));
            int line = i + 1;
            if (broken && BAD_ROWS.contains(line)) {
                switch (BAD_ROWS.indexOf(line)) {
                    case 0 -> row.set(5, flipCheckDigit(row.get(5)));
                    case 1 -> row.set(6, "1381234567");
                    case 2 -> row.set(0, "99号楼");
                    case 3 -> row.set(3, "未知");
                    default -> row.set(2, "");
                }
            }
            lines.add(String.join(",", row));
        }
        var file = dir.resolve(name);
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    private static String flipCheckDigit(String id) {
        var last = id.charAt(17);
        return id.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    private long residentsIn(String community) {
        return jdbc.sql("select count(*) from resident where community_id = :c").param("c", community)
                .query(Long.class).single();
    }

}
