package org.liandong.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.OutOfScopeException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lottery round: the commitment is in the ledger from the start, households register once in the window, the draw
 * after the window allocates vulnerable households outside it, reveals the seed and ranks the registrations so that
 * anyone re-running it from the JSON gets the same winners; a seed or a row changed afterwards is named.
 */
@LiandongTest
class LotteryIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired SupplyDesk desk;
    @Autowired Lottery lottery;

    Fixtures.TestStreet street;
    LiandongUser staffA;
    LiandongUser staffB;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = (LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        staffB = (LiandongUser) users.loadUserByUsername(street.b().staffUsername());
    }

    @Test
    void aDrawIsCommittedRevealedAndReRunByAnyoneWithTheSameWinners() throws Exception {
        // stock 25, quota 5: the two vulnerable households get 10 delivered, 3 of the 4 other registrations are drawn
        var round = openLottery(street.a().id(), 25, -1, 60);
        var households = street.a().households();
        for (var h : households) {
            register(round, h);
        }
        register(round, households.get(2)); // a second tap: still one registration
        assertThat(jdbc.sql("select count(*) from supply_reservation where round_id = :r").param("r", round.id())
                .query(Integer.class).single()).isEqualTo(6);
        assertThat(desk.counts(round.id()).remaining()).as("no stock taken before the draw").isEqualTo(25);

        // the commitment is public (and in the ledger) from the opening; the seed is not
        var before = lottery.publication(round);
        assertThat(before.seed()).isNull();
        assertThat(before.commitment()).hasSize(64);
        mvc.perform(get("/supply/public/lottery/{id}", round.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString(before.commitment())))
                .andExpect(content().string(containsString("已有 6 户登记抽签")));
        assertThat(jdbc.sql("select note from supply_ledger_entry where reference = :r and kind = 'ROUND'")
                .param("r", round.id().toString()).query(String.class).single()).contains(before.commitment());
        assertThatThrownBy(() -> desk.draw(staffA, round.id())).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "supply.lottery.too-early");

        closeWindow(round);
        var drawn = desk.draw(staffA, round.id());
        assertThat(drawn.drawn()).isEqualTo(3);
        assertThat(drawn.registrations()).hasSize(4);
        assertThat(LotteryDraw.commitment(HexFormat.of().parseHex(drawn.seed()))).isEqualTo(before.commitment());
        assertThat(desk.counts(round.id()).remaining()).isZero();
        assertThat(desk.counts(round.id()).count(Reservation.Status.TO_DELIVER)).isEqualTo(2);
        assertThat(desk.counts(round.id()).count(Reservation.Status.RESERVED)).isEqualTo(3);
        assertThat(desk.counts(round.id()).count(Reservation.Status.NOT_DRAWN)).isEqualTo(1);
        assertThatThrownBy(() -> desk.draw(staffA, round.id())).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "supply.lottery.already-drawn");
        mvc.perform(post("/supply/rounds/{id}/draw", round.id()).with(user((UserDetails) staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("不能重复抽签")));

        // anyone: the JSON download, re-run with the documented algorithm
        var json = mvc.perform(get("/supply/public/lottery/{id}/draw.json", round.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var tree = JsonMapper.builder().build().readTree(json);
        var registrations = new ArrayList<String>();
        tree.get("registrations").forEach(n -> registrations.add(n.asString()));
        var order = new ArrayList<String>();
        tree.get("order").forEach(n -> order.add(n.asString()));
        var seed = HexFormat.of().parseHex(tree.get("seed").asString());
        assertThat(LotteryDraw.commitment(seed)).isEqualTo(tree.get("commitment").asString());
        assertThat(LotteryDraw.shuffle(seed, registrations)).isEqualTo(order);
        assertThat(LotteryDraw.hashOf(order)).isEqualTo(tree.get("resultHash").asString());
        assertThat(tree.get("drawn").asInt()).isEqualTo(3);
        assertThat(json).doesNotContain(households.get(2).toString()); // pseudonymous references only

        // the winners have a code and a slot, the other household is told; its code is refused at pickup
        var loser = jdbc.sql("select * from supply_reservation where round_id = :r and status = 'NOT_DRAWN'")
                .param("r", round.id()).query(Reservation::map).single();
        var loserLogin = users.loadUserByUsername(fixtures.residentAccountOf(street.a(), households.indexOf(loser.householdId())));
        mvc.perform(get("/supply/my").with(user(loserLogin))).andExpect(content().string(containsString("未中签")))
                .andExpect(content().string(containsString(loser.lotteryRef())));
        mvc.perform(get("/supply/my/{r}", round.id()).with(user(loserLogin))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/supply/rounds/{r}/pickup", round.id()).param("code", loser.pickupCode())
                .with(user((UserDetails) staffA)).with(csrf())).andExpect(content().string(containsString("未中签")));
        var winner = jdbc.sql("select * from supply_reservation where round_id = :r and status = 'RESERVED'")
                .param("r", round.id()).query(Reservation::map).list().getFirst();
        var winnerLogin = users.loadUserByUsername(fixtures.residentAccountOf(street.a(), households.indexOf(winner.householdId())));
        mvc.perform(get("/supply/my/{r}", round.id()).with(user(winnerLogin))).andExpect(status().isOk())
                .andExpect(content().string(containsString(winner.groupedCode())));

        // the server's own re-run agrees, as a page and for scripts
        mvc.perform(get("/supply/public/lottery/{id}/verify", round.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("抽签无误")));
        mvc.perform(get("/supply/public/lottery/{id}/verify.json", round.id())).andExpect(jsonPath("$.intact").value(true));
        // the public ledger shows the draw, which does not count as stock out a second time
        mvc.perform(get("/supply/public/{s}", street.id())).andExpect(content().string(containsString("抽签")));
        assertThat(desk.round(round.id()).orElseThrow().lottery()).isTrue();
    }

    @Test
    void aSeedOrARowChangedAfterTheDrawIsNamed() throws Exception {
        var round = openLottery(street.a().id(), 20, -1, 60); // 10 delivered, 10 for the draw
        for (var h : street.a().households().subList(2, 6)) {
            register(round, h);
        }
        closeWindow(round);
        var drawn = desk.draw(staffA, round.id());
        assertThat(drawn.drawn()).isEqualTo(2);
        assertThat(lottery.verify(round).intact()).isTrue();

        // the seed replaced after the draw (someone wants other winners)
        var seed = drawn.seed();
        var forged = "ff" + seed.substring(2);
        jdbc.sql("update supply_round set seed = :s where id = :id").param("s", forged).param("id", round.id()).update();
        assertThat(kinds(round)).contains(LotteryCheck.Kind.SEED_MISMATCH, LotteryCheck.Kind.SEED_CHANGED);
        mvc.perform(get("/supply/public/lottery/{id}/verify", round.id()))
                .andExpect(content().string(containsString("种子在抽签后被改过")));
        mvc.perform(get("/supply/public/lottery/{id}/verify.json", round.id())).andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.problems[0].message").value(containsString(forged)));
        jdbc.sql("update supply_round set seed = :s where id = :id").param("s", seed).param("id", round.id()).update();
        assertThat(lottery.verify(round).intact()).isTrue();

        // a household not drawn edited into a winner
        var loser = drawn.order().get(3);
        jdbc.sql("update supply_reservation set status = 'RESERVED' where round_id = :r and lottery_ref = :ref")
                .param("r", round.id()).param("ref", loser).update();
        var check = lottery.verify(round);
        assertThat(check.problems()).extracting(LotteryCheck.Problem::kind, LotteryCheck.Problem::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LotteryCheck.Kind.WRONGLY_DRAWN, loser));
        mvc.perform(get("/supply/public/lottery/{id}/verify", round.id()))
                .andExpect(content().string(containsString("登记 " + loser + " 按种子重算排第 4 位，没有中签，却被记为中签")));
        jdbc.sql("update supply_reservation set status = 'NOT_DRAWN' where round_id = :r and lottery_ref = :ref")
                .param("r", round.id()).param("ref", loser).update();

        // a registration's reference edited (to move it up the sorted list)
        var first = drawn.order().getFirst();
        jdbc.sql("update supply_reservation set lottery_ref = '0000000000000000' where round_id = :r and lottery_ref = :ref")
                .param("r", round.id()).param("ref", first).update();
        assertThat(kinds(round)).contains(LotteryCheck.Kind.REGISTRATION_ALTERED,
                LotteryCheck.Kind.REGISTRATIONS_CHANGED);
        jdbc.sql("update supply_reservation set lottery_ref = :ref where round_id = :r and lottery_ref = '0000000000000000'")
                .param("r", round.id()).param("ref", first).update();

        // the commitment itself replaced, to match a new seed
        jdbc.sql("update supply_round set seed_commitment = :c where id = :id")
                .param("c", "0".repeat(64)).param("id", round.id()).update();
        assertThat(kinds(round)).contains(LotteryCheck.Kind.COMMITMENT_CHANGED, LotteryCheck.Kind.SEED_MISMATCH);
    }

    @Test
    void registeringAndDrawingRefuseWhatIsNotAllowed() {
        var households = street.a().households();
        // outside the window: not yet open, closed
        var upcoming = openLottery(street.a().id(), 100, 60, 120);
        assertThatThrownBy(() -> register(upcoming, households.get(3))).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "supply.reserve.not-yet");
        var closed = openLottery(street.a().id(), 100, -120, -60);
        assertThatThrownBy(() -> register(closed, households.get(3))).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "supply.lottery.register-closed");
        // for another household
        var open = openLottery(street.a().id(), 100, -1, 60);
        var me = new HouseholdResident(households.get(3));
        assertThatThrownBy(() -> desk.reserve(me, open.id(), households.get(4), "t"))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "supply.reserve.other-household");
        // another community's household, another community's staff, a first-come round
        var stranger = new HouseholdResident(street.b().households().get(3));
        assertThatThrownBy(() -> desk.reserve(stranger, open.id(), "t")).isInstanceOf(OutOfScopeException.class);
        closeWindow(open);
        assertThatThrownBy(() -> desk.draw(staffB, open.id())).isInstanceOf(OutOfScopeException.class);
        var fcfs = desk.open(staffA, newRound(street.a().id(), 100, -1, 60, "FCFS"));
        assertThatThrownBy(() -> desk.draw(staffA, fcfs.id())).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "supply.lottery.not-lottery");
        assertThatThrownBy(() -> desk.open(staffA, newRound(street.a().id(), 100, -1, 60, "RAFFLE")))
                .isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("messageKey", "supply.round.error.mode");
        assertThat(jdbc.sql("select count(*) from supply_reservation where round_id in (:r)")
                .param("r", List.of(upcoming.id(), closed.id(), open.id())).query(Integer.class).single()).isZero();
        // a draw with nobody registered is still a draw, recorded and verifiable
        var drawn = desk.draw(staffA, open.id());
        assertThat(drawn.drawn()).isZero();
        assertThat(lottery.verify(open).intact()).isTrue();
    }

    @Test
    void theJsonApiClosingEarlyAndTheReportPerBuildingGroup() throws Exception {
        var round = openLottery(street.a().id(), 20, -1, 60); // 10 delivered, 2 of 4 registrations drawn
        var logins = new ArrayList<UserDetails>();
        for (int i = 2; i < 6; i++) {
            logins.add(users.loadUserByUsername(fixtures.residentAccountOf(street.a(), i)));
        }
        // the JSON API: for one's own household only; a second call returns the same registration
        mvc.perform(post("/api/v1/supply/rounds/{r}/reservation", round.id())
                        .param("household", street.a().households().get(3).toString()).with(user(logins.get(0))).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("自己的住户")));
        for (var login : logins) {
            mvc.perform(post("/api/v1/supply/rounds/{r}/reservation", round.id()).param("token", "a")
                    .with(user(login)).with(csrf())).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("REGISTERED"));
        }
        var again = mvc.perform(post("/api/v1/supply/rounds/{r}/reservation", round.id()).param("token", "b")
                .with(user(logins.get(0))).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(jdbc.sql("select count(*) from supply_reservation where round_id = :r").param("r", round.id())
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(again).contains(street.a().households().get(2).toString());

        // staff close the window early; closing twice, registering afterwards: refused with a reason
        mvc.perform(post("/supply/rounds/{id}/close", round.id()).with(user((UserDetails) staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "supply.round.closed-now"));
        mvc.perform(post("/supply/rounds/{id}/close", round.id()).with(user((UserDetails) staffA)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("已经截止")));
        var late = users.loadUserByUsername(fixtures.residentAccountOf(street.a(), 1));
        mvc.perform(post("/api/v1/supply/rounds/{r}/reservation", round.id()).with(user(late)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value(containsString("登记已截止")));
        mvc.perform(post("/supply/rounds/{id}/draw", round.id()).with(user((UserDetails) staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "supply.lottery.drawn"));
        mvc.perform(get("/supply/rounds/{id}", round.id()).with(user((UserDetails) staffA)))
                .andExpect(content().string(containsString("4 户登记，2 户中签")));

        // the report per building group, across rounds: the draw's outcome by group, counts only
        var bytes = mvc.perform(get("/supply/reports/building-groups.xlsx").param("community", street.a().id())
                .with(user((UserDetails) staffA))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        var rows = new ArrayList<List<String>>();
        try (var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(bytes));
             var stream = book.getFirstSheet().openStream()) {
            stream.forEach(r -> {
                var cells = new ArrayList<String>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCellText(i));
                }
                rows.add(cells);
            });
        }
        assertThat(rows.getFirst()).startsWith("楼组", "物资");
        var body = rows.subList(1, rows.size());
        assertThat(body).allSatisfy(r -> assertThat(r.get(3)).startsWith("抽签"));
        assertThat(body.stream().mapToInt(r -> Integer.parseInt(r.get(10))).sum()).as("not drawn").isEqualTo(2);
        assertThat(body.stream().mapToInt(r -> Integer.parseInt(r.get(4))).sum()).as("drawn").isEqualTo(2);
        assertThat(body.stream().mapToInt(r -> Integer.parseInt(r.get(7))).sum()).as("to deliver").isEqualTo(2);
        assertThat(String.join(" ", body.stream().flatMap(List::stream).toList())).doesNotContain("101", "102");
        mvc.perform(get("/supply/reports/building-groups.xlsx").param("community", street.a().id())
                .with(user((UserDetails) staffB))).andExpect(status().isNotFound());
    }

    private List<LotteryCheck.Kind> kinds(SupplyRound round) {
        return lottery.verify(round).problems().stream().map(LotteryCheck.Problem::kind).toList();
    }

    private Reservation register(SupplyRound round, UUID household) {
        return desk.reserve(new HouseholdResident(household), round.id(),
                "tap-" + household);
    }

    private void closeWindow(SupplyRound round) {
        jdbc.sql("update supply_round set closes_at = :t where id = :id")
                .param("t", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60))).param("id", round.id())
                .update();
    }

    private SupplyRound openLottery(String community, int stock, int opensIn, int closesIn) {
        return desk.open(staffA, newRound(community, stock, opensIn, closesIn, "LOTTERY"));
    }

    private static SupplyDesk.NewRound newRound(String community, int stock, int opensIn, int closesIn, String mode) {
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        return new SupplyDesk.NewRound(null, community, "口罩", "个", 5, stock, "ALL", now.plusMinutes(opensIn),
                now.plusMinutes(closesIn), "居委会", now.plusMinutes(opensIn), 30, true, mode);
    }
}
