package org.liandong.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.volunteer.QrCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A round opens, a household reserves (once, however often it taps), staff scan its code, no-shows return. */
@LiandongTest
class SupplyIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired SupplyDesk desk;

    Fixtures.TestStreet street;
    UserDetails staffA;
    UserDetails staffB;
    UserDetails resident;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
        staffB = users.loadUserByUsername(street.b().staffUsername());
        resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
    }

    @Test
    void aHouseholdReservesOnceAndStaffHandOverAgainstItsCode() throws Exception {
        var round = openRound(street.a().id(), 5, 12, -60, 60, "ALL");
        assertThat(desk.counts(round).remaining()).isEqualTo(12);

        // the page offers the round; a double tap with the same token, then a retry with another, give one reservation
        mvc.perform(get("/supply/my").with(user(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("为我家预约")));
        reserve(round, "tap-1").andExpect(flash().attribute("ok", "supply.reserve.done"));
        reserve(round, "tap-1").andExpect(flash().attribute("ok", "supply.reserve.done"));
        reserve(round, "tap-2").andExpect(flash().attribute("ok", "supply.reserve.done"));
        assertThat(jdbc.sql("select count(*) from supply_reservation where round_id = :r").param("r", round)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(desk.counts(round).remaining()).isEqualTo(7);

        // the code page shows the slot of the household's building group and a QR code of the scan address
        mvc.perform(get("/supply/my/{r}", round).with(user(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("1号楼组")));
        var png = mvc.perform(get("/supply/my/{r}/qr.png", round).with(user(resident))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        var url = QrCodes.decode(png);
        assertThat(url).contains("/supply/pickup/");
        var path = url.substring(url.indexOf("/supply/pickup/"));
        var id = UUID.fromString(path.substring("/supply/pickup/".length(), path.indexOf('?')));
        var signature = path.substring(path.indexOf("s=") + 2);

        // forged signature, another community's staff: refused; the genuine scan: handed over once
        mvc.perform(get("/supply/pickup/{id}", id).param("s", "0".repeat(32)).with(user(staffA)))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("取货码无效")));
        mvc.perform(get("/supply/pickup/{id}", id).param("s", signature).with(user(staffB)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/supply/pickup/{id}", id).param("s", signature).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("取货码有效")));
        mvc.perform(post("/supply/pickup/{id}", id).param("s", signature).with(user(staffA)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已发放")));
        mvc.perform(post("/supply/pickup/{id}", id).param("s", signature).with(user(staffA)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("此取货码已使用")));
        // typed code: the same reservation, now used
        var code = jdbc.sql("select pickup_code from supply_reservation where id = :id").param("id", id)
                .query(String.class).single();
        mvc.perform(post("/supply/rounds/{r}/pickup", round).param("code", code.substring(0, 5) + "-" + code.substring(5))
                .with(user(staffA)).with(csrf())).andExpect(content().string(containsString("此取货码已使用")));
        mvc.perform(post("/supply/rounds/{r}/pickup", round).param("code", "ZZZZZ-ZZZZZ").with(user(staffA)).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("取货码无效")));
        assertThat(desk.counts(round).count(Reservation.Status.COLLECTED)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithAReasonAndChangesNothing() throws Exception {
        var upcoming = openRound(street.a().id(), 5, 100, 60, 120, "ALL");
        reserve(upcoming, "t").andExpect(flash().attribute("problem", containsString("尚未开始")));
        var closed = openRound(street.a().id(), 5, 100, -120, -60, "ALL");
        reserve(closed, "t").andExpect(flash().attribute("problem", containsString("已结束")));
        var forPregnant = openRound(street.a().id(), 5, 100, -60, 60, "pregnancy");
        reserve(forPregnant, "t").andExpect(flash().attribute("problem", containsString("不面向您家")));
        // community B's round is not the resident's
        var other = openRound(street.b().id(), 5, 100, -60, 60, "ALL");
        mvc.perform(post("/supply/my/{r}/reserve", other).param("token", "t").with(user(resident)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from supply_reservation where round_id in (:r)")
                .param("r", java.util.List.of(upcoming, closed, forPregnant, other)).query(Integer.class).single())
                .isZero();

        // absurd rounds
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).withSecond(0);
        open(street.a().id(), "口罩", "-5", "100", now, now.plusHours(1), "ALL")
                .andExpect(flash().attribute("problem", containsString("每户数量")));
        open(street.a().id(), "口罩", "5", "abc", now, now.plusHours(1), "ALL")
                .andExpect(flash().attribute("problem", containsString("库存总量")));
        open(street.a().id(), "口罩", "5", "100", now, now.minusHours(1), "ALL")
                .andExpect(flash().attribute("problem", containsString("截止时间")));
        open(street.a().id(), " ", "5", "100", now, now.plusHours(1), "ALL")
                .andExpect(flash().attribute("problem", containsString("物资名称")));
        // staff of B may not open a round for A
        mvc.perform(post("/supply/rounds").param("community", street.a().id()).param("item", "口罩")
                .param("unit", "个").param("quota", "5").param("stock", "100").param("opens", now.toString())
                .param("closes", now.plusHours(1).toString()).param("pickupPlace", "居委会")
                .param("pickupStarts", now.toString()).param("slotMinutes", "30").with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void soldOutIsSaidPlainlyAndNoShowsGoBackToStock() throws Exception {
        var round = openRound(street.a().id(), 5, 5, -60, 60, "ALL");
        var other = users.loadUserByUsername(fixtures.residentAccountOf(street.a(), 2));
        reserve(round, "a").andExpect(flash().attribute("ok", "supply.reserve.done"));
        mvc.perform(post("/supply/my/{r}/reserve", round).param("token", "b").with(user(other)).with(csrf()))
                .andExpect(flash().attribute("problem", containsString("全部被预约")));
        assertThat(desk.counts(round).remaining()).isZero();

        // the slot of the household's building group ends; the checker returns the quantity
        var slotEnds = jdbc.sql("select slot_ends from supply_reservation where round_id = :r").param("r", round)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(desk.returnNoShows(slotEnds.minusSeconds(1))).isZero();
        assertThat(desk.returnNoShows(slotEnds.plusSeconds(1))).isGreaterThanOrEqualTo(1);
        assertThat(desk.counts(round).remaining()).isEqualTo(5);
        assertThat(desk.counts(round).count(Reservation.Status.RETURNED)).isEqualTo(1);
        // the other household can now reserve
        mvc.perform(post("/supply/my/{r}/reserve", round).param("token", "b").with(user(other)).with(csrf()))
                .andExpect(flash().attribute("ok", "supply.reserve.done"));
    }

    private ResultActions reserve(UUID round, String token) throws Exception {
        return mvc.perform(post("/supply/my/{r}/reserve", round).param("token", token).with(user(resident)).with(csrf()));
    }

    /** Opens a round through the page, the window relative to now in minutes. */
    private UUID openRound(String community, int quota, int stock, int opensIn, int closesIn, String eligibility)
            throws Exception {
        return openRound(community.equals(street.b().id()) ? staffB : staffA, community, quota, stock, opensIn,
                closesIn, eligibility);
    }

    private UUID openRound(UserDetails staff, String community, int quota, int stock, int opensIn, int closesIn,
                           String eligibility) throws Exception {
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).withSecond(0);
        var location = open(staff, community, "口罩", quota + "", stock + "", now.plusMinutes(opensIn),
                now.plusMinutes(closesIn), eligibility).andExpect(flash().attribute("ok", "supply.round.opened"))
                .andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions open(String community, String item, String quota, String stock, LocalDateTime opens,
                               LocalDateTime closes, String eligibility) throws Exception {
        return open(staffA, community, item, quota, stock, opens, closes, eligibility);
    }

    private ResultActions open(UserDetails staff, String community, String item, String quota, String stock,
                               LocalDateTime opens, LocalDateTime closes, String eligibility) throws Exception {
        return mvc.perform(post("/supply/rounds").param("community", community).param("item", item)
                .param("unit", "个").param("quota", quota).param("stock", stock).param("eligibility", eligibility)
                .param("opens", opens.toString()).param("closes", closes.toString()).param("pickupPlace", "居委会活动室")
                .param("pickupStarts", opens.toString()).param("slotMinutes", "30").param("exemptDelivery", "true")
                .with(user(staff)).with(csrf()));
    }
}
