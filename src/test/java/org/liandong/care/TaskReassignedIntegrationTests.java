package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.care.request.HelpRequests;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff give a help request's volunteer task to someone else on the volunteer pages: the request follows the task
 * (new helper, "reassigned to …" in its history, on the staff and the resident's pages), once however often the
 * event arrives.
 */
@LiandongTest
class TaskReassignedIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired UserDetailsService users;
    @Autowired HelpRequests requests;
    @Autowired VolunteerTasks tasks;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails resident;
    LiandongUser staffA;
    VolunteerFixtures.TestVolunteer first;
    VolunteerFixtures.TestVolunteer second;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        staffA = (LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        first = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        second = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        jdbc.sql("update volunteer set name = '周晓峰' where id = :id").param("id", second.id()).update();
    }

    UUID file() throws Exception {
        var location = mvc.perform(post("/care/my").with(user(resident)).with(csrf()).param("kind", "GROCERIES")
                        .param("urgency", "NORMAL").param("details", "家里没有米了")
                        .param("clientToken", UUID.randomUUID().toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    HelpRequests.Request request(UUID id) {
        return requests.find(id).orElseThrow();
    }

    long reassignedEntries(UUID id) {
        return requests.history(id).stream().filter(e -> e.note() != null && e.note().equals("改派给 周晓峰")).count();
    }

    @Test
    void aDeclinedTaskReassignedOnTheVolunteerPagesTakesTheRequestWithIt() throws Exception {
        var id = file();
        var taskId = requests.assign(staffA, id, first.id());
        var firstAssignedAt = request(id).assignedAt();
        tasks.decline(first.id(), first.name(), taskId, "家里有事");
        await().atMost(Duration.ofSeconds(10)).until(() -> request(id).status() == HelpRequestStatus.TRIAGED);
        // the task's first assignment, delivered after the decline (listeners run in parallel): not a reassignment
        requests.taskReassigned(taskId, first.id(), firstAssignedAt);
        assertThat(request(id).status()).isEqualTo(HelpRequestStatus.TRIAGED);
        assertThat(request(id).volunteerId()).isNull();

        // staff hand the declined task to another volunteer on the volunteer module's task page
        mvc.perform(post("/volunteer/tasks/{id}/reassign", taskId).param("assignee", "v:" + second.id())
                .with(user((UserDetails) staffA)).with(csrf())).andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> request(id).status() == HelpRequestStatus.ASSIGNED);
        var r = request(id);
        assertThat(r.volunteerId()).isEqualTo(second.id());
        assertThat(r.volunteerName()).isEqualTo("周晓峰");
        assertThat(r.taskId()).isEqualTo(taskId);
        assertThat(reassignedEntries(id)).isEqualTo(1);
        assertThat(requests.queue(staffA.scope(), street.a().id())).noneMatch(q -> q.request().id().equals(id));

        // the same event again (a redelivery after a crash) changes nothing
        var entries = requests.history(id).size();
        requests.taskReassigned(taskId, second.id(), Instant.now());
        requests.taskReassigned(taskId, second.id(), r.assignedAt());
        assertThat(requests.history(id)).hasSize(entries);
        assertThat(request(id).assignedAt()).isEqualTo(r.assignedAt());

        // staff and the resident see the new helper and the step in the history
        mvc.perform(get("/care/requests/{id}", id).with(user((UserDetails) staffA))).andExpect(status().isOk())
                .andExpect(content().string(containsString("周晓峰")))
                .andExpect(content().string(containsString("改派给 周晓峰")));
        mvc.perform(get("/care/my/{id}", id).with(user(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("帮您的志愿者：周晓峰")));

        // and the request goes on with the task
        tasks.accept(second.id(), "周晓峰", taskId);
        await().atMost(Duration.ofSeconds(10)).until(() -> request(id).status() == HelpRequestStatus.IN_PROGRESS);
    }

    @Test
    void aTaskReassignedBeforeTheVolunteerAnsweredMovesTheRequestToTheNewVolunteer() throws Exception {
        var id = file();
        var taskId = requests.assign(staffA, id, first.id());
        var before = requests.history(id).size();
        tasks.reassign(staffA, taskId, VolunteerTasks.Assignee.volunteer(second.id()));
        await().atMost(Duration.ofSeconds(10)).until(() -> second.id().equals(request(id).volunteerId()));
        assertThat(request(id).status()).isEqualTo(HelpRequestStatus.ASSIGNED);
        assertThat(requests.history(id)).hasSize(before + 1);
        assertThat(reassignedEntries(id)).isEqualTo(1);
    }

    @Test
    void careOwnAssignmentAndRequestsThatMovedOnAreLeftAlone() throws Exception {
        // care's own assignment publishes the same event: nothing more in the history than "assigned"
        var id = file();
        var taskId = requests.assign(staffA, id, first.id());
        var history = requests.history(id).size();
        requests.taskReassigned(taskId, first.id(), Instant.now());
        assertThat(requests.history(id)).hasSize(history);

        // declined, then assigned again in care (a new task): the old task handed on elsewhere does not take it back
        tasks.decline(first.id(), first.name(), taskId, "家里有事");
        await().atMost(Duration.ofSeconds(10)).until(() -> request(id).status() == HelpRequestStatus.TRIAGED);
        var newTask = requests.assign(staffA, id, first.id());
        requests.taskReassigned(taskId, second.id(), Instant.now());
        assertThat(request(id).taskId()).isEqualTo(newTask);
        assertThat(request(id).volunteerId()).isEqualTo(first.id());

        // a cancelled request does not come back when its old task is handed on
        var other = file();
        var otherTask = requests.assign(staffA, other, first.id());
        tasks.decline(first.id(), first.name(), otherTask, "家里有事");
        await().atMost(Duration.ofSeconds(10)).until(() -> request(other).status() == HelpRequestStatus.TRIAGED);
        requests.cancel(staffA, other, "已自行解决");
        requests.taskReassigned(otherTask, second.id(), Instant.now());
        assertThat(request(other).status()).isEqualTo(HelpRequestStatus.CANCELLED);
        assertThat(request(other).volunteerId()).isNull();
    }
}
