package org.liandong.notice.casenotice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.community.PlaceWriter;
import org.liandong.community.RegistryWriter;
import org.liandong.notice.NoticeTime;
import org.liandong.notice.Notifications;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.LiandongUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Case notices: the k-rule (k = 20) widens the place from building to building group, grid, community or
 * street; names, phones, ID numbers and door numbers in the note are refused and nothing is stored; the
 * preview shows what residents see; publishing reaches every household of the community.
 */
@LiandongTest
class CaseNoticeIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired PlaceWriter places;
    @Autowired RegistryWriter registry;
    @Autowired CaseNotices cases;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails staffA;
    UUID building5; // 25 households: shown as itself
    UUID building6; // 3 households, its group 28: shown as the building group
    UUID building7; // 2 households, its group 2, its grid 30: shown as the grid
    UUID building1; // 2 households, group 4, grid 6, community 36: shown as the community

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
        var a = street.a().id();
        var grid2 = places.grid(a, "第二网格");
        var group3 = places.buildingGroup(a, grid2, "3号楼组");
        var group4 = places.buildingGroup(a, grid2, "4号楼组");
        building5 = places.building(a, group3, "5号楼", "测试路5号");
        building6 = places.building(a, group3, "6号楼", "测试路6号");
        building7 = places.building(a, group4, "7号楼", "测试路7号");
        building1 = street.a().buildings().getFirst();
        var households = new ArrayList<RegistryWriter.NewHousehold>();
        for (int i = 0; i < 25; i++) {
            households.add(new RegistryWriter.NewHousehold(UUID.randomUUID(), a, building5, String.valueOf(101 + i)));
        }
        for (int i = 0; i < 3; i++) {
            households.add(new RegistryWriter.NewHousehold(UUID.randomUUID(), a, building6, String.valueOf(101 + i)));
        }
        for (int i = 0; i < 2; i++) {
            households.add(new RegistryWriter.NewHousehold(UUID.randomUUID(), a, building7, String.valueOf(101 + i)));
        }
        registry.households(households);
    }

    MockHttpServletRequestBuilder form(String path, UUID building, String note) {
        return post(path).with(user(staffA)).with(csrf()).param("community", street.a().id())
                .param("building", building.toString()).param("reportedOn", today().toString())
                .param("status", "CONFIRMED").param("symptoms", "FEVER").param("symptoms", "COUGH")
                .param("temperatures", "38.6 38.2 37.5").param("note", note);
    }

    static LocalDate today() {
        return LocalDate.now(NoticeTime.ZONE);
    }

    @Test
    void theKRuleWidensThePlaceUntilItCoversTwentyHouseholds() {
        var me = (LiandongUser) staffA;
        var a = street.a().name();
        assertThat(place(me, building5)).isEqualTo(new CaseNotices.Place(PlaceLevel.BUILDING, a + " 5号楼", 25));
        assertThat(place(me, building6)).isEqualTo(new CaseNotices.Place(PlaceLevel.BUILDING_GROUP, a + " 3号楼组", 28));
        assertThat(place(me, building7)).isEqualTo(new CaseNotices.Place(PlaceLevel.GRID, a + " 第二网格", 30));
        assertThat(place(me, building1)).isEqualTo(new CaseNotices.Place(PlaceLevel.COMMUNITY, a, 36));
        var b = street.b();
        var place = cases.place(b.id(), b.buildings().getFirst().toString());
        assertThat(place.level()).as("community B has 6 households").isEqualTo(PlaceLevel.STREET);
        assertThat(place.households()).isEqualTo(42);
    }

    CaseNotices.Place place(LiandongUser me, UUID building) {
        var view = cases.preview(me, new CaseForm(street.a().id(), building.toString(), today().toString(), "CONFIRMED",
                java.util.List.of(), null, null));
        return new CaseNotices.Place(view.placeLevel(), view.placeLabel(), view.placeHouseholds());
    }

    @Test
    void personalDataInTheNoteIsRefusedAndNothingIsStored() throws Exception {
        var before = count();
        mvc.perform(form("/notices/cases/preview", building6, "赵小明的家属居家观察"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("说明中有人名（“赵小明”）")))
                .andExpect(content().string(containsString("赵小明的家属居家观察")));
        mvc.perform(form("/notices/cases", building6, "家属电话 13912345678"))
                .andExpect(content().string(containsString("说明中似乎有电话号码")));
        mvc.perform(form("/notices/cases", building6, "身份证 " + ChineseIdNumber.of("310104", LocalDate.of(1970, 1, 2), 55).value()))
                .andExpect(content().string(containsString("说明中似乎有身份证号")));
        mvc.perform(form("/notices/cases", building6, "住 6号楼 102室"))
                .andExpect(content().string(containsString("说明中有门牌、楼号或房号")));
        mvc.perform(form("/notices/cases", building6, "").param("temperatures", "38.6 abc"))
                .andExpect(content().string(containsString("“abc”不是体温读数")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theAuthorSeesTheResidentsViewThenPublishesToTheWholeCommunity() throws Exception {
        mvc.perform(form("/notices/cases/preview", building6, "<b>已转运</b>至定点医院"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("预览：居民将看到")))
                .andExpect(content().string(containsString(street.a().name() + " 3号楼组")))
                .andExpect(content().string(containsString("&lt;b&gt;已转运&lt;/b&gt;")))
                .andExpect(content().string(containsString("体温呈下降趋势")));
        assertThat(count()).as("a preview stores nothing").isZero();

        var location = mvc.perform(form("/notices/cases", building6, "已转运至定点医院"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        var id = UUID.fromString(location.substring("/notices/".length()));
        var stored = jdbc.sql("select place_level, place_label from case_notice where notice_id = :n").param("n", id)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single();
        assertThat(stored).isEqualTo("BUILDING_GROUP|" + street.a().name() + " 3号楼组").doesNotContain("6号楼");
        var notification = notifications.bySubject("notice:" + id).orElseThrow();
        assertThat(notifications.deliveries(notification).stream().filter(d -> d.householdId() != null)).hasSize(36);
        var title = jdbc.sql("select title || body from notice where id = :n").param("n", id).query(String.class).single();
        assertThat(title).contains("确诊病例").contains("3号楼组").doesNotContain("6号楼");

        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        mvc.perform(get("/notices/" + id).with(user(resident)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3号楼组")))
                .andExpect(content().string(containsString("38.6 ℃")))
                .andExpect(content().string(not(containsString("6号楼"))));
    }

    long count() {
        return jdbc.sql("select count(*) from case_notice where community_id = :c").param("c", street.a().id())
                .query(Long.class).single();
    }
}
