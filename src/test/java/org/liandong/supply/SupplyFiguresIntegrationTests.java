package org.liandong.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The households of a community that reserved in a window, as the resilience indicators read them. */
@LiandongTest
class SupplyFiguresIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired SupplyFigures figures;

    @Test
    void reservingHouseholdsOfTheCommunityInTheWindow() throws Exception {
        var street = fixtures.street();
        var staff = users.loadUserByUsername(street.a().staffUsername());
        var resident = users.loadUserByUsername(fixtures.residentAccountOf(street.a(), 2));
        var before = Instant.now().minusSeconds(1);
        assertThat(figures.reservingHouseholds(street.a().id(), before.minus(Duration.ofDays(30)), before)).isEmpty();

        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).withSecond(0);
        var location = mvc.perform(post("/supply/rounds").param("community", street.a().id()).param("item", "口罩")
                        .param("unit", "个").param("quota", "5").param("stock", "50").param("eligibility", "ALL")
                        .param("opens", now.minusMinutes(5).toString()).param("closes", now.plusHours(1).toString())
                        .param("pickupPlace", "居委会").param("pickupStarts", now.minusMinutes(5).toString())
                        .param("slotMinutes", "30").param("exemptDelivery", "true").with(user(staff)).with(csrf()))
                .andExpect(flash().attribute("ok", "supply.round.opened")).andReturn().getResponse().getRedirectedUrl();
        var round = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/supply/my/{r}/reserve", round).param("token", "t1").with(user(resident)).with(csrf()))
                .andExpect(flash().attribute("ok", "supply.reserve.done"));

        var after = Instant.now().plusSeconds(1);
        assertThat(figures.reservingHouseholds(street.a().id(), before, after))
                .containsExactly(street.a().households().get(2));
        assertThat(figures.reservingHouseholds(street.b().id(), before, after)).isEmpty();
        assertThat(figures.reservingHouseholds(street.a().id(), after, after.plusSeconds(60))).isEmpty();
    }
}
