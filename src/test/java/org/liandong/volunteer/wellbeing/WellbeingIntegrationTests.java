package org.liandong.volunteer.wellbeing;

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

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.account.Accounts;
import org.liandong.platform.Role;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.WellbeingConcernRaised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A volunteer's worrying check-in reaches the social worker of her community, and nobody else. */
@LiandongTest
@RecordApplicationEvents
class WellbeingIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void aHighRiskCheckInIsRaisedAndFollowedUpInItsCommunityOnly() throws Exception {
        var street = fixtures.street();
        var volunteer = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var she = users.loadUserByUsername(volunteer.username());
        mvc.perform(answers(post("/wellbeing"), 3, 3, 2, 2, 2, 2).with(user(she)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("社工今天会联系您")));
        assertThat(events.stream(WellbeingConcernRaised.class))
                .anyMatch(e -> e.userId().equals(volunteer.userId()) && e.risk().equals("HIGH")
                        && street.a().id().equals(e.communityId()));

        var workerA = socialWorker(street.a().id());
        var workerB = socialWorker(street.b().id());
        mvc.perform(get("/wellbeing/follow-up").with(user(workerA)))
                .andExpect(content().string(containsString(volunteer.name())));
        mvc.perform(get("/wellbeing/follow-up").with(user(workerB)))
                .andExpect(content().string(not(containsString(volunteer.name()))));
        mvc.perform(get("/wellbeing/follow-up").with(user(users.loadUserByUsername(street.a().staffUsername()))))
                .andExpect(status().isForbidden());

        var id = jdbc.sql("select id from wellbeing_checkin where user_id = :u").param("u", volunteer.userId())
                .query(UUID.class).single();
        mvc.perform(post("/wellbeing/{id}/acknowledge", id).param("note", "已电话联系，安排休息三天")
                .with(user(workerB)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/wellbeing/{id}/acknowledge", id).param("note", "已电话联系，安排休息三天")
                .with(user(workerA)).with(csrf())).andExpect(flash().attribute("ok", "wellbeing.acknowledged"));
        mvc.perform(get("/wellbeing/follow-up").with(user(workerA)))
                .andExpect(content().string(not(containsString(volunteer.name()))));
    }

    @Test
    void incompleteAnswersChangeNothingAndResidentsHaveNoCheckIn() throws Exception {
        var street = fixtures.street();
        var volunteer = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        mvc.perform(answers(post("/wellbeing"), 1, 2).with(user(users.loadUserByUsername(volunteer.username())))
                        .with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请回答全部六个问题")));
        mvc.perform(answers(post("/wellbeing"), 1, 2, 9, 0, 0, 0)
                        .with(user(users.loadUserByUsername(volunteer.username()))).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请回答全部六个问题")));
        assertThat(jdbc.sql("select count(*) from wellbeing_checkin where user_id = :u").param("u", volunteer.userId())
                .query(Long.class).single()).isZero();
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        mvc.perform(get("/wellbeing").with(user(resident))).andExpect(status().isForbidden());
    }

    private org.springframework.security.core.userdetails.UserDetails socialWorker(String community) {
        var name = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "社工" + name, Fixtures.PASSWORD, Role.SOCIAL_WORKER, List.of(), List.of(community), null);
        return users.loadUserByUsername(name);
    }

    private static MockHttpServletRequestBuilder answers(MockHttpServletRequestBuilder request, int... values) {
        for (int i = 0; i < values.length; i++) {
            request = request.param("q" + (i + 1), String.valueOf(values[i]));
        }
        return request;
    }

    @Autowired WellbeingDesk desk;

    @Test
    void aCheckInThroughTheServiceIsScoredLikeThePageAndBadAnswersChangeNothing() {
        var street = fixtures.street();
        var volunteer = volunteers.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        var she = (org.liandong.platform.LiandongUser) users.loadUserByUsername(volunteer.username());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.checkIn(she, List.of(1, 2, 4, 0, 0, 0), false))
                .isInstanceOf(org.liandong.platform.InvalidValueException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.checkIn(she, List.of(1, 2), false))
                .isInstanceOf(org.liandong.platform.InvalidValueException.class);
        assertThat(desk.mine(she)).isEmpty();

        var id = desk.checkIn(she, List.of(2, 2, 1, 1, 1, 0), true);

        assertThat(desk.mine(she)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.score()).isEqualTo(7);
            assertThat(c.risk()).isEqualTo(WellbeingScore.Risk.MEDIUM);
            assertThat(c.communityId()).isEqualTo(street.a().id());
        });
    }
}
