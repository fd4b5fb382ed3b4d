package org.liandong.notice.thread;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.Teams;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A team's thread: members and staff write, others' messages count as unread until read; outsiders see nothing. */
@LiandongTest
class TeamThreadIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired UserDetailsService users;
    @Autowired Teams teams;

    @Test
    void membersAndStaffTalkAndOutsidersSeeNothing() throws Exception {
        var street = fixtures.street();
        var staff = users.loadUserByUsername(street.a().staffUsername());
        var cats = Set.of(VolunteerCategory.GATE);
        var alice = volunteerFixtures.volunteer(street.a().id(), cats, Availability.always());
        var bob = volunteerFixtures.volunteer(street.a().id(), cats, Availability.always());
        var carol = volunteerFixtures.volunteer(street.a().id(), cats, Availability.always());
        var scope = ((LiandongUser) staff).scope();
        var team = teams.create(scope, street.a().id(), "东门防控队", "守东门");
        teams.addMembers(scope, team, List.of(alice.id(), bob.id()));
        var aliceLogin = users.loadUserByUsername(alice.username());
        var bobLogin = users.loadUserByUsername(bob.username());

        mvc.perform(post("/team-threads/" + team).with(user(aliceLogin)).with(csrf()).param("body", "今晚谁能替我值夜班？"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/team-threads").with(user(bobLogin)))
                .andExpect(content().string(containsString("东门防控队"))).andExpect(content().string(containsString("1 条未读")));
        mvc.perform(get("/inbox").with(user(bobLogin))).andExpect(content().string(containsString("东门防控队")));
        mvc.perform(get("/team-threads/" + team).with(user(bobLogin)))
                .andExpect(content().string(containsString("今晚谁能替我值夜班？")));
        mvc.perform(get("/team-threads").with(user(bobLogin))).andExpect(content().string(not(containsString("条未读"))));
        mvc.perform(get("/team-threads").with(user(aliceLogin))).andExpect(content().string(not(containsString("条未读"))));

        mvc.perform(post("/team-threads/" + team).with(user(staff)).with(csrf()).param("body", "我来安排。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/team-threads").with(user(aliceLogin))).andExpect(content().string(containsString("1 条未读")));

        mvc.perform(get("/team-threads/" + team).with(user(users.loadUserByUsername(carol.username()))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/team-threads/" + team).with(user(users.loadUserByUsername(street.b().staffUsername()))))
                .andExpect(status().isNotFound());
    }
}
