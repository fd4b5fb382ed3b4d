package org.liandong.volunteer.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.TaskStatus;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTaskCompleted;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Tasks from creation to done, declined and reassigned; nobody sees or touches tasks outside their reach. */
@LiandongTest
@RecordApplicationEvents
class VolunteerTaskIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired UserDetailsService users;
    @Autowired VolunteerTasks tasks;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents applicationEvents;

    Fixtures.TestStreet street;
    VolunteerFixtures.TestVolunteer alice;
    VolunteerFixtures.TestVolunteer bob;
    VolunteerFixtures.TestVolunteer carol; // community B
    UserDetails staffA;
    UserDetails staffB;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        var categories = Set.of(VolunteerCategory.DELIVERY);
        alice = volunteerFixtures.volunteer(street.a().id(), categories, Availability.always());
        bob = volunteerFixtures.volunteer(street.a().id(), categories, Availability.always());
        carol = volunteerFixtures.volunteer(street.b().id(), categories, Availability.always());
        staffA = users.loadUserByUsername(street.a().staffUsername());
        staffB = users.loadUserByUsername(street.b().staffUsername());
    }

    UserDetails login(VolunteerFixtures.TestVolunteer volunteer) {
        return users.loadUserByUsername(volunteer.username());
    }

    UUID createAsStaff(String assignee) throws Exception {
        var result = mvc.perform(post("/volunteer/tasks").with(user(staffA)).with(csrf())
                        .param("community", street.a().id()).param("kind", "DELIVER").param("title", "给王阿婆送降压药")
                        .param("details", "3号楼101，药在居委会前台").param("assignee", assignee)
                        .param("due", "2026-11-23T18:00"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "volunteer.task.created"))
                .andReturn();
        var location = result.getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    TaskStatus taskStatus(UUID id) {
        return TaskStatus.valueOf(jdbc.sql("select status from volunteer_task where id = :id").param("id", id)
                .query(String.class).single());
    }

    @Test
    void volunteerAcceptsAndFinishesWithANoteAndAPhotoStaffSeeIt() throws Exception {
        var id = createAsStaff("v:" + alice.id());
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.OPEN);

        mvc.perform(get("/volunteer/me/tasks").with(user(login(alice))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("给王阿婆送降压药")));
        mvc.perform(post("/volunteer/me/tasks/{id}/accept", id).with(user(login(alice))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.ACCEPTED);

        var photo = new MockMultipartFile("photo", "x.png", "image/png", TaskPhotoUnitTests.PNG);
        mvc.perform(multipart("/volunteer/me/tasks/{id}/done", id).file(photo).param("note", "已送到，阿婆说谢谢")
                        .param("minutes", "45").with(user(login(alice))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "volunteer.task.done"));
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.DONE);
        assertThat(applicationEvents.stream(VolunteerTaskCompleted.class)).anyMatch(e -> e.taskId().equals(id) && e.volunteerId().equals(alice.id())
                && e.kind() == TaskKind.DELIVER);
        assertThat(jdbc.sql("select sum(minutes) from volunteer_hours where volunteer_id = :v and source = 'TASK'")
                .param("v", alice.id()).query(Integer.class).single()).isEqualTo(45);

        mvc.perform(get("/volunteer/tasks/{id}", id).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已送到，阿婆说谢谢")))
                .andExpect(content().string(containsString("/photo")));
        mvc.perform(get("/volunteer/tasks/{id}/photo", id).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        // the photo is for staff only
        mvc.perform(get("/volunteer/tasks/{id}/photo", id).with(user(login(alice))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/volunteer/tasks/{id}/photo", id).with(user(staffB)))
                .andExpect(status().isNotFound());
    }

    @Test
    void declineNeedsAReasonStaffSeeItAndReassign() throws Exception {
        var id = createAsStaff("v:" + alice.id());
        mvc.perform(post("/volunteer/me/tasks/{id}/decline", id).param("reason", " ")
                        .with(user(login(alice))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.OPEN);

        mvc.perform(post("/volunteer/me/tasks/{id}/decline", id).param("reason", "今天在隔离，出不了门")
                        .with(user(login(alice))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "volunteer.task.declined"));
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.DECLINED);
        mvc.perform(get("/volunteer/tasks").param("status", "DECLINED").with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("今天在隔离，出不了门")));
        mvc.perform(get("/volunteer/tasks/{id}", id).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("今天在隔离，出不了门")));

        mvc.perform(post("/volunteer/tasks/{id}/reassign", id).param("assignee", "v:" + bob.id())
                        .with(user(staffA)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "volunteer.task.reassigned"));
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.OPEN);
        mvc.perform(get("/volunteer/me/tasks").with(user(login(bob))))
                .andExpect(content().string(containsString("给王阿婆送降压药")));
        mvc.perform(get("/volunteer/me/tasks").with(user(login(alice))))
                .andExpect(content().string(not(containsString("给王阿婆送降压药"))));
        mvc.perform(post("/volunteer/me/tasks/{id}/accept", id).with(user(login(bob))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.ACCEPTED);
        // the history keeps the reason
        assertThat(tasks.events(id)).anyMatch(e -> e.status() == TaskStatus.DECLINED
                && "今天在隔离，出不了门".equals(e.note()));
    }

    @Test
    void aTeamTaskGoesToTheFirstMemberWhoAccepts() throws Exception {
        var team = UUID.randomUUID();
        jdbc.sql("insert into volunteer_team (id, community_id, name, created_at) values (:id, :c, :n, :at)")
                .param("id", team).param("c", street.a().id()).param("n", "3号楼组突击队")
                .param("at", Timestamp.from(Instant.now())).update();
        for (var v : List.of(alice, bob)) {
            jdbc.sql("""
                    insert into volunteer_team_member (team_id, volunteer_id, leader, resident_leader, joined_at)
                    values (:t, :v, false, false, :at)""")
                    .param("t", team).param("v", v.id()).param("at", Timestamp.from(Instant.now())).update();
        }
        var id = tasks.create(street.a().id(), TaskKind.DISINFECT, "楼道消杀", null, VolunteerTasks.Assignee.team(team),
                null, "care module");
        mvc.perform(get("/volunteer/me/tasks").with(user(login(bob)))).andExpect(content().string(containsString("楼道消杀")));
        mvc.perform(post("/volunteer/me/tasks/{id}/accept", id).with(user(login(alice))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/volunteer/me/tasks").with(user(login(bob))))
                .andExpect(content().string(not(containsString("楼道消杀"))));
        mvc.perform(post("/volunteer/me/tasks/{id}/accept", id).with(user(login(bob))).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffOfAnotherCommunityAndOtherVolunteersGetNotFound() throws Exception {
        var id = createAsStaff("v:" + alice.id());
        mvc.perform(get("/volunteer/tasks/{id}", id).with(user(staffB))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("给王阿婆送降压药"))));
        mvc.perform(post("/volunteer/tasks/{id}/reassign", id).param("assignee", "v:" + carol.id())
                .with(user(staffB)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/tasks/{id}/cancel", id).with(user(staffB)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/tasks").param("community", street.a().id()).with(user(staffB)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("给王阿婆送降压药"))));
        // staff B cannot create tasks in A, nor give A's task to a volunteer of B
        mvc.perform(post("/volunteer/tasks").with(user(staffB)).with(csrf()).param("community", street.a().id())
                .param("kind", "DELIVER").param("title", "x").param("assignee", "v:" + alice.id()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/tasks/{id}/reassign", id).param("assignee", "v:" + carol.id())
                        .with(user(staffA)).with(csrf()))
                .andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.sql("select volunteer_id from volunteer_task where id = :id").param("id", id)
                .query(UUID.class).single()).isEqualTo(alice.id());

        // another volunteer can neither see nor act on alice's task
        mvc.perform(get("/volunteer/me/tasks/{id}", id).with(user(login(bob)))).andExpect(status().isNotFound());
        mvc.perform(post("/volunteer/me/tasks/{id}/accept", id).with(user(login(bob))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/me/tasks").with(user(login(bob))))
                .andExpect(content().string(not(containsString("给王阿婆送降压药"))));
        // volunteers cannot open the staff pages
        mvc.perform(get("/volunteer/tasks").with(user(login(alice)))).andExpect(status().isForbidden());
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void wrongInputGivesAMessageNeverAServerError() throws Exception {
        var id = createAsStaff("v:" + alice.id());
        // done before accepting, a fake photo, nonsense ids and values
        mvc.perform(post("/volunteer/me/tasks/{id}/done", id).with(user(login(alice))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        mvc.perform(post("/volunteer/me/tasks/{id}/accept", id).with(user(login(alice))).with(csrf()));
        var fake = new MockMultipartFile("photo", "x.jpg", "image/jpeg", "<svg onload=alert(1)>".getBytes());
        mvc.perform(multipart("/volunteer/me/tasks/{id}/done", id).file(fake).with(user(login(alice))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        assertThat(taskStatus(id)).isEqualTo(TaskStatus.ACCEPTED);
        mvc.perform(post("/volunteer/me/tasks/{id}/done", id).param("minutes", "abc").with(user(login(alice)))
                .with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/volunteer/me/tasks/{id}/done", id).param("minutes", "100000").with(user(login(alice)))
                .with(csrf())).andExpect(flash().attributeExists("problem"));
        mvc.perform(get("/volunteer/me/tasks/not-a-uuid").with(user(login(alice)))).andExpect(status().isBadRequest());
        mvc.perform(post("/volunteer/tasks").with(user(staffA)).with(csrf()).param("community", street.a().id())
                .param("kind", "NOPE").param("title", "").param("assignee", "zz").param("due", "tomorrow"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        mvc.perform(post("/volunteer/tasks").with(user(staffA)).with(csrf()).param("community", street.a().id())
                .param("kind", "DELIVER").param("title", "t").param("assignee", "v:" + UUID.randomUUID())
                .param("due", "tomorrow"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        mvc.perform(get("/volunteer/tasks").param("status", "NOPE").param("kind", "<b>").with(user(staffA)))
                .andExpect(status().isOk());
    }
}
