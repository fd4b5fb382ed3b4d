package org.liandong.volunteer;

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

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Conflicts about volunteers: reported by anyone, settled step by step, repeated ones flagged. */
@LiandongTest
class IncidentIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails resident;
    UserDetails staffA;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        staffA = users.loadUserByUsername(street.a().staffUsername());
    }

    @Test
    void aResidentReportsAndTheCommunitysStaffSettleIt() throws Exception {
        var id = report("小张", "送菜时态度很差，把东西扔在门口就走了。");
        mvc.perform(get("/volunteer/incidents").with(user(staffA)))
                .andExpect(content().string(containsString("小张")));
        var staffB = users.loadUserByUsername(street.b().staffUsername());
        mvc.perform(get("/volunteer/incidents").with(user(staffB))).andExpect(content().string(not(containsString("小张"))));
        mvc.perform(get("/volunteer/incidents/{id}", id).with(user(staffB))).andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/incidents/{id}", id).with(user(resident))).andExpect(status().isForbidden());

        var volunteer = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        step(id, "INVESTIGATING", "已电话联系双方。", volunteer.id(), null).andExpect(flash().attribute("ok", "conduct.step.saved"));
        step(id, "CLOSED", "双方沟通后和解。", null, null).andExpect(flash().attributeExists("problem"));
        step(id, "RECEIVED", "退回", null, null).andExpect(flash().attributeExists("problem"));
        step(id, "CLOSED", "双方沟通后和解。", null, "APOLOGY").andExpect(flash().attribute("ok", "conduct.step.saved"));
        step(id, "MEDIATING", "再谈谈", null, null).andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.sql("select status || ':' || outcome from volunteer_incident where id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("CLOSED:APOLOGY");
        assertThat(jdbc.sql("select count(*) from volunteer_incident_step where incident_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void badReportsGetAReasonAndWriteNothing() throws Exception {
        var before = count();
        mvc.perform(post("/volunteer/incidents").param("communityId", street.a().id()).param("volunteerNamed", "小王")
                        .param("occurredOn", LocalDate.now().plusDays(2).toString()).param("kind", "RUDENESS")
                        .param("description", "这是一段足够长的描述内容。").with(user(resident)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("日期不能晚于今天")));
        mvc.perform(post("/volunteer/incidents").param("communityId", street.a().id()).param("volunteerNamed", "小王")
                        .param("occurredOn", LocalDate.now().toString()).param("kind", "RUDENESS")
                        .param("description", "太短").with(user(resident)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请写清发生了什么")));
        mvc.perform(post("/volunteer/incidents").param("communityId", street.a().id()).param("volunteerNamed", "小王")
                        .param("occurredOn", LocalDate.now().toString()).param("kind", "ANGRY")
                        .param("description", "这是一段足够长的描述内容。").with(user(resident)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请求的内容不正确")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void repeatedIncidentsFlagAVolunteerForReview() throws Exception {
        var volunteer = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var other = volunteers.volunteer(street.b().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        for (int i = 0; i < 3; i++) {
            var id = report("门岗老李", "第 " + i + " 次：对进出的居民大声呵斥。");
            step(id, "INVESTIGATING", "核实中", volunteer.id(), null);
        }
        var fourth = report("门岗老李", "又一次：不让买药回来的老人进门。");
        step(fourth, "INVESTIGATING", "核实中", other.id(), null).andExpect(flash().attributeExists("problem"));
        mvc.perform(get("/volunteer/incidents").with(user(staffA)))
                .andExpect(content().string(containsString("需要复核的志愿者")))
                .andExpect(content().string(containsString(volunteer.name())));
    }

    private UUID report(String named, String description) throws Exception {
        mvc.perform(post("/volunteer/incidents").param("communityId", street.a().id()).param("volunteerNamed", named)
                        .param("occurredOn", LocalDate.now().toString()).param("kind", "RUDENESS")
                        .param("description", description).with(user(resident)).with(csrf()))
                .andExpect(flash().attribute("ok", "conduct.reported"));
        return jdbc.sql("select id from volunteer_incident where description = :d").param("d", description)
                .query(UUID.class).single();
    }

    private org.springframework.test.web.servlet.ResultActions step(UUID id, String status, String note, UUID volunteer,
                                                                  String outcome) throws Exception {
        var request = post("/volunteer/incidents/{id}/steps", id).param("status", status).param("note", note)
                .with(user(staffA)).with(csrf());
        if (volunteer != null) {
            request = request.param("volunteerId", volunteer.toString());
        }
        if (outcome != null) {
            request = request.param("outcome", outcome);
        }
        return mvc.perform(request);
    }

    private long count() {
        return jdbc.sql("select count(*) from volunteer_incident").query(Long.class).single();
    }
}
