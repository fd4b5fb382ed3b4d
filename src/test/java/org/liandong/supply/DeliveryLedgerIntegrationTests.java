package org.liandong.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.liandong.volunteer.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Vulnerable households are allocated without reserving and delivered to, each delivery confirmed; donations
 * and deliveries appear in the public ledger; the verifier names an entry altered, moved or removed in the
 * database.
 */
@LiandongTest
class DeliveryLedgerIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired SupplyDesk desk;
    @Autowired Ledger ledger;
    @Autowired Teams teams;

    Fixtures.TestStreet street;
    UserDetails staffA;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
    }

    @Test
    void vulnerableHouseholdsAreDeliveredToAndEachDeliveryIsConfirmedAndPublished() throws Exception {
        var a = street.a();
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        var round = desk.open((LiandongUser) staffA, new SupplyDesk.NewRound(null, a.id(), "口罩", "个", 5, 100, "ALL",
                now.minusMinutes(5), now.plusHours(2), "居委会", now, 30, true));
        mvc.perform(post("/supply/rounds/{id}/exempt", round.id()).with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("allocated", 2));
        mvc.perform(post("/supply/rounds/{id}/exempt", round.id()).with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("allocated", 0));
        assertThat(desk.counts(round.id()).remaining()).isEqualTo(90);

        // the elderly resident's household needs no reservation: the page says it will be delivered
        var elderly = users.loadUserByUsername(fixtures.residentAccount(a));
        mvc.perform(get("/supply/my").with(user(elderly))).andExpect(content().string(containsString("待送货上门")))
                .andExpect(content().string(not(containsString("为我家预约"))));

        // staff give building group 1's list to a team as a volunteer task
        var team = teams.create(((LiandongUser) staffA).scope(), a.id(), "送货队", null);
        mvc.perform(post("/supply/rounds/{id}/deliveries/task", round.id()).param("buildingGroup", "1号楼组")
                .param("team", team.toString()).with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "supply.delivery.task-created"));
        assertThat(jdbc.sql("select count(*) from volunteer_task where team_id = :t and kind = 'DELIVER'")
                .param("t", team).query(Integer.class).single()).isEqualTo(1);

        // the building-group leader sees the list and confirms each delivery once
        var leaderName = "leader-" + a.id();
        accounts.create(leaderName, "楼组长", Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(), List.of(a.id()),
                a.households().get(3));
        var leader = users.loadUserByUsername(leaderName);
        mvc.perform(get("/supply/rounds/{id}/deliveries", round.id()).with(user(leader))).andExpect(status().isOk())
                .andExpect(content().string(containsString("1号楼 101")));
        var deliveries = jdbc.sql("select id from supply_reservation where round_id = :r and status = 'TO_DELIVER'")
                .param("r", round.id()).query(UUID.class).list();
        assertThat(deliveries).hasSize(2);
        for (var d : deliveries) {
            mvc.perform(post("/supply/deliveries/{id}/confirm", d).param("round", round.id().toString())
                    .with(user(leader)).with(csrf())).andExpect(flash().attribute("ok", "supply.delivery.confirmed"));
        }
        mvc.perform(post("/supply/deliveries/{id}/confirm", deliveries.get(0)).param("round", round.id().toString())
                .with(user(leader)).with(csrf())).andExpect(flash().attribute("problem", containsString("已确认送达")));
        // a leader of another community sees nothing of it
        var otherLeader = "leader-" + street.b().id();
        accounts.create(otherLeader, "楼组长乙", Fixtures.PASSWORD, Role.BUILDING_GROUP_LEADER, List.of(),
                List.of(street.b().id()), street.b().households().get(0));
        mvc.perform(get("/supply/rounds/{id}/deliveries", round.id()).with(user(users.loadUserByUsername(otherLeader))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'supply.delivery-list' and subject_id = :r")
                .param("r", round.id().toString()).query(Integer.class).single()).isGreaterThanOrEqualTo(1);

        // the public ledger (no sign-in) shows the round and the two deliveries, by building group, never the flat
        mvc.perform(get("/supply/public/{s}/{c}", street.id(), a.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("送货上门")))
                .andExpect(content().string(containsString("发放轮次")))
                .andExpect(content().string(not(containsString("1号楼 101"))));
        mvc.perform(get("/supply/public/{s}/verify", street.id()))
                .andExpect(content().string(containsString("台账完整：3 条记录全部核对无误")));
    }

    @Test
    void theVerifierNamesEntriesAlteredMovedOrRemovedInTheDatabase() throws Exception {
        var a = street.a();
        mvc.perform(post("/supply/ledger").param("community", a.id()).param("kind", "DONATION").param("item", "口罩")
                .param("quantity", "-3").param("unit", "个").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("数量应为")));
        mvc.perform(post("/supply/ledger").param("community", a.id()).param("kind", "DONATION").param("item", "口罩")
                .param("quantity", "1e9").param("unit", "个").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("数量应为")));
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/supply/ledger").param("community", a.id()).param("kind", i == 3 ? "ALLOCATION" : "DONATION")
                    .param("item", "口罩").param("quantity", String.valueOf(1000 * i)).param("unit", "个")
                    .param("party", i == 1 ? "" : "某基金会").param("note", "仅用于独居老人")
                    .with(user(staffA)).with(csrf())).andExpect(flash().attribute("ok", "supply.ledger.recorded"));
        }
        assertThat(ledger.verify(street.id()).intact()).isTrue();
        mvc.perform(get("/supply/public/{s}", street.id())).andExpect(content().string(containsString("匿名")))
                .andExpect(content().string(containsString("12000 个")));

        // someone edits a quantity directly in the database
        jdbc.sql("update supply_ledger_entry set quantity = 20 where street_id = :s and seq = 2")
                .param("s", street.id()).update();
        var check = ledger.verify(street.id());
        assertThat(check.problems()).containsExactly(new LedgerCheck.Problem(LedgerCheck.Kind.ALTERED, 2, 2));
        mvc.perform(get("/supply/public/{s}/verify", street.id()))
                .andExpect(content().string(containsString("第 2 条记录的内容被改动过")));
        mvc.perform(get("/supply/public/{s}/verify.json", street.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"kind\":\"ALTERED\",\"from\":2")));
        jdbc.sql("update supply_ledger_entry set quantity = 2000 where street_id = :s and seq = 2")
                .param("s", street.id()).update();
        assertThat(ledger.verify(street.id()).intact()).isTrue();

        // two entries swap places
        swap(3, 4);
        assertThat(ledger.verify(street.id()).problems()).containsExactly(
                new LedgerCheck.Problem(LedgerCheck.Kind.OUT_OF_ORDER, 3, 3),
                new LedgerCheck.Problem(LedgerCheck.Kind.OUT_OF_ORDER, 4, 4));
        swap(3, 4);
        assertThat(ledger.verify(street.id()).intact()).isTrue();

        // an entry in the middle and the last one disappear
        jdbc.sql("delete from supply_ledger_entry where street_id = :s and seq in (3, 5)").param("s", street.id()).update();
        assertThat(ledger.verify(street.id()).problems()).containsExactly(
                new LedgerCheck.Problem(LedgerCheck.Kind.MISSING, 3, 3),
                new LedgerCheck.Problem(LedgerCheck.Kind.MISSING, 5, 5));
        mvc.perform(get("/supply/public/{s}/verify", street.id()))
                .andExpect(content().string(containsString("第 3 至 3 条记录缺失")));
    }

    @Test
    void roundsAndLedgersExportAsExcelWithTotalsPerDonor() throws Exception {
        var a = street.a();
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        var round = desk.open((LiandongUser) staffA, new SupplyDesk.NewRound(null, a.id(), "消毒液", "瓶", 1, 40, "ALL",
                now.minusMinutes(5), now.plusHours(2), "居委会", now, 30, true));
        desk.allocateExempt((LiandongUser) staffA, round.id());
        for (var donor : List.of("某基金会", "某基金会", "爱心企业")) {
            mvc.perform(post("/supply/ledger").param("community", a.id()).param("kind", "DONATION").param("item", "口罩")
                    .param("quantity", "500").param("unit", "个").param("party", donor).with(user(staffA)).with(csrf()))
                    .andExpect(flash().attribute("ok", "supply.ledger.recorded"));
        }
        var report = sheets(get("/supply/rounds/{id}/report.xlsx", round.id()).with(user(staffA)));
        assertThat(report.get(0)).anySatisfy(row -> assertThat(row).containsExactly("剩余库存", "38"));
        assertThat(report.get(1).get(0)).contains("楼组", "已预约", "待送货上门");
        assertThat(report.get(1)).anySatisfy(row -> assertThat(row).startsWith("1号楼组").contains("2"));
        mvc.perform(get("/supply/rounds/{id}/report.xlsx", round.id())
                .with(user(users.loadUserByUsername(street.b().staffUsername())))).andExpect(status().isNotFound());

        // the public ledger, anonymous: every entry, and what each donor gave
        var ledgerSheets = sheets(get("/supply/public/{s}/{c}/ledger.xlsx", street.id(), a.id()));
        assertThat(ledgerSheets.get(0)).hasSize(1 + 1 + 3); // header, the round, three donations
        assertThat(ledgerSheets.get(1)).anySatisfy(row -> assertThat(row).startsWith("某基金会", "捐赠入库", "口罩", "1000"));
        assertThat(ledgerSheets.get(1)).anySatisfy(row -> assertThat(row).startsWith("爱心企业", "捐赠入库", "口罩", "500"));
        mvc.perform(get("/supply/public/{s}/{c}/ledger.xlsx", street.id(), street.b().id() + "9"))
                .andExpect(status().isNotFound());
    }

    /** Every sheet of the workbook, as rows of cell texts. */
    private List<List<List<String>>> sheets(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
                                                    request) throws Exception {
        var bytes = mvc.perform(request).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
                        "Content-Type", org.hamcrest.Matchers.startsWith(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))
                .andReturn().getResponse().getContentAsByteArray();
        var out = new java.util.ArrayList<List<List<String>>>();
        try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            for (var sheet : book.getSheets().toList()) {
                try (var rows = sheet.openStream()) {
                    out.add(rows.map(r -> {
                        var cells = new java.util.ArrayList<String>();
                        for (int i = 0; i < r.getCellCount(); i++) {
                            cells.add(r.getCellText(i));
                        }
                        return (List<String>) cells;
                    }).toList());
                }
            }
        }
        return out;
    }

    private void swap(int x, int y) {
        jdbc.sql("update supply_ledger_entry set seq = -1 where street_id = :s and seq = :x").param("s", street.id())
                .param("x", x).update();
        jdbc.sql("update supply_ledger_entry set seq = :x where street_id = :s and seq = :y").param("s", street.id())
                .param("x", x).param("y", y).update();
        jdbc.sql("update supply_ledger_entry set seq = :y where street_id = :s and seq = -1").param("s", street.id())
                .param("y", y).update();
    }
}
