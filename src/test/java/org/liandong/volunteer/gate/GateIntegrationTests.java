package org.liandong.volunteer.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Households get out-passes; the volunteer at the gate scans them; the rule and the community hold. */
@LiandongTest
class GateIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails staffA;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        staffA = users.loadUserByUsername(street.a().staffUsername());
    }

    @Test
    void passesAreScannedOutAndInAndTheRuleStopsTheThirdTrip() throws Exception {
        var a = street.a().id();
        staff(post("/gates").param("community", a).param("name", "东门")).andExpect(flash().attribute("ok", "gate.added"));
        staff(post("/gates").param("community", a).param("name", "东门")).andExpect(flash().attributeExists("problem"));
        staff(post("/gates/policy").param("community", a).param("outings", "1").param("periodDays", "2"))
                .andExpect(flash().attribute("ok", "gate.policy.saved"));
        staff(post("/gates/policy").param("community", a).param("outings", "0").param("periodDays", "2"))
                .andExpect(flash().attributeExists("problem"));
        staff(post("/gates/passes").param("community", a)).andExpect(flash().attribute("issued", 6));
        staff(post("/gates/passes").param("community", a)).andExpect(flash().attribute("issued", 0));

        // the resident's pass is a QR code of the scan address
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        var png = mvc.perform(get("/my/pass.png").with(user(resident))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        var url = org.liandong.volunteer.QrCodes.decode(png);
        assertThat(url).contains("/gate/scan?t=");
        var token = url.substring(url.indexOf("t=") + 2);

        var gate = jdbc.sql("select id from gate where community_id = :c").param("c", a).query(UUID.class).single();
        var volunteer = users.loadUserByUsername(volunteers.volunteer(a, Set.of(VolunteerCategory.GATE),
                Availability.always()).username());
        mvc.perform(get("/gate/scan").param("t", token).with(user(volunteer)))
                .andExpect(content().string(containsString("请先打开您值守的门岗页面")));
        // sessions live in the database: the phone keeps the session cookie between scans
        var phone = mvc.perform(get("/gate/{id}", gate).with(user(volunteer))).andExpect(status().isOk())
                .andReturn().getResponse().getCookie("SESSION");
        scan(phone, volunteer, token).andExpect(content().string(containsString("放行：外出")));
        scan(phone, volunteer, token).andExpect(content().string(containsString("放行：返回")));
        scan(phone, volunteer, token).andExpect(content().string(containsString("外出次数已用完")));
        scan(phone, volunteer, "forged-token").andExpect(content().string(containsString("无效的出入证")));

        // a volunteer of community B may not work A's gate; A's pass is stopped at B's gate
        var b = street.b().id();
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(post("/gates").param("community", b).param("name", "北门").with(user(staffB)).with(csrf()));
        var gateB = jdbc.sql("select id from gate where community_id = :c").param("c", b).query(UUID.class).single();
        var volunteerB = users.loadUserByUsername(volunteers.volunteer(b, Set.of(VolunteerCategory.GATE),
                Availability.always()).username());
        mvc.perform(get("/gate/{id}", gate).with(user(volunteerB))).andExpect(status().isNotFound());
        var phoneB = mvc.perform(get("/gate/{id}", gateB).with(user(volunteerB))).andExpect(status().isOk())
                .andReturn().getResponse().getCookie("SESSION");
        scan(phoneB, volunteerB, token).andExpect(content().string(containsString("不是本社区的出入证")));

        mvc.perform(get("/gates").param("community", a).with(user(staffA)))
                .andExpect(content().string(containsString("东门")));
        var counts = jdbc.sql("select kind || ':' || count(*) from gate_event where gate_id = :g group by kind order by kind")
                .param("g", gate).query(String.class).list();
        assertThat(counts).containsExactly("IN:1", "OUT:1", "REFUSED:2");
        mvc.perform(get("/gates").param("community", b).with(user(staffA))).andExpect(status().isNotFound());
    }

    @Test
    void visitorsAreLoggedAndBadEntriesRefused() throws Exception {
        var a = street.a().id();
        staff(post("/gates").param("community", a).param("name", "南门"));
        var gate = jdbc.sql("select id from gate where community_id = :c").param("c", a).query(UUID.class).single();
        mvc.perform(post("/gate/{id}/visitors", gate).param("kind", "DELIVERY").param("name", "顺丰")
                .param("phone", "1234").with(user(staffA)).with(csrf())).andExpect(flash().attributeExists("problem"));
        mvc.perform(post("/gate/{id}/visitors", gate).param("kind", "DELIVERY").param("name", "顺丰")
                        .param("phone", "13912345678").param("note", "送到 3号楼 102").with(user(staffA)).with(csrf()))
                .andExpect(flash().attribute("ok", "gate.visitor.logged"));
        assertThat(jdbc.sql("select count(*) from gate_event where gate_id = :g").param("g", gate).query(Long.class)
                .single()).isOne();
    }

    private org.springframework.test.web.servlet.ResultActions staff(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(staffA)).with(csrf()));
    }

    private org.springframework.test.web.servlet.ResultActions scan(jakarta.servlet.http.Cookie session,
                                                                  UserDetails who, String token) throws Exception {
        assertThat(session).as("session cookie").isNotNull();
        return mvc.perform(get("/gate/scan").param("t", token).cookie(session).with(user(who)));
    }
}
