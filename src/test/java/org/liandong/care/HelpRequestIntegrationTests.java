package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import org.liandong.volunteer.TaskStatus;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A help request from the resident's phone to done: queue, suggestions, one-click assignment, the task's events. */
@LiandongTest
class HelpRequestIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired UserDetailsService users;
    @Autowired HelpRequests requests;
    @Autowired VolunteerTasks tasks;
    @Autowired CareWatch watch;
    @Autowired JdbcClient jdbc;

    Fixtures.TestStreet street;
    UserDetails resident;
    UserDetails staffA;
    UserDetails staffB;
    VolunteerFixtures.TestVolunteer deliverer;
    VolunteerFixtures.TestVolunteer translator;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        staffA = users.loadUserByUsername(street.a().staffUsername());
        staffB = users.loadUserByUsername(street.b().staffUsername());
        deliverer = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        translator = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.TRANSLATION),
                Availability.always());
    }

    UUID fileAsResident(String token) throws Exception {
        var result = mvc.perform(post("/care/my").with(user(resident)).with(csrf()).param("kind", "MEDICINE")
                        .param("urgency", "HIGH").param("details", "降压药吃完了，需要买苯磺酸氨氯地平")
                        .param("clientToken", token))
                .andExpect(status().is3xxRedirection()).andReturn();
        var location = result.getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    String statusOf(UUID id) {
        return jdbc.sql("select status from care_help_request where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void residentAsksStaffAssignTheBestVolunteerWhoFinishesAndIsThanked() throws Exception {
        var token = UUID.randomUUID().toString();
        var id = fileAsResident(token);
        // a flaky phone sends the same form again: still one request
        assertThat(fileAsResident(token)).isEqualTo(id);
        assertThat(jdbc.sql("select count(*) from care_help_request where client_token = :t").param("t", token)
                .query(Integer.class).single()).isEqualTo(1);
        var request = requests.find(id).orElseThrow();
        assertThat(request.status()).isEqualTo(HelpRequestStatus.NEW);
        assertThat(request.vulnerability()).as("the household holds an elderly woman living alone, 80+").isEqualTo(30);
        assertThat(Duration.between(request.createdAt(), request.targetAt())).isEqualTo(Duration.ofHours(6));

        mvc.perform(get("/care/requests").with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(id.toString())));
        mvc.perform(get("/care/requests").with(user(staffB)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(containsString(id.toString()))));
        mvc.perform(get("/care/requests/{id}", id).with(user(staffB))).andExpect(status().isNotFound());
        // another resident does not see it
        var stranger = users.loadUserByUsername(fixtures.residentAccount(street.b()));
        mvc.perform(get("/care/my/{id}", id).with(user(stranger))).andExpect(status().isNotFound());

        // the deliverer is suggested first, with the reason in words
        mvc.perform(get("/care/requests/{id}", id).with(user(staffA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("有相关技能：配送/驾驶")))
                .andExpect(content().string(containsString("data-volunteer=\"" + deliverer.id())));
        var html = mvc.perform(get("/care/requests/{id}", id).with(user(staffA))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html.indexOf(deliverer.id().toString())).isLessThan(html.indexOf(translator.id().toString()));

        mvc.perform(post("/care/requests/{id}/assign", id).param("volunteer", deliverer.id().toString())
                        .with(user(staffA)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "care.request.assigned"));
        request = requests.find(id).orElseThrow();
        assertThat(request.status()).isEqualTo(HelpRequestStatus.ASSIGNED);
        var task = tasks.get(((LiandongUser) staffA).scope(), request.taskId());
        assertThat(task.volunteerId()).isEqualTo(deliverer.id());
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(task.title()).contains("买药配药");

        tasks.accept(deliverer.id(), deliverer.name(), task.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(id).equals("IN_PROGRESS"));
        tasks.complete(deliverer.id(), deliverer.name(), task.id(), "药已送到", 30, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(id).equals("DONE"));

        mvc.perform(get("/care/my/{id}", id).with(user(resident)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已经办好了")));
        mvc.perform(post("/care/my/{id}/rate", id).param("rating", "9").with(user(resident)).with(csrf()))
                .andExpect(flash().attribute("problem", "评分是 1 到 5 星。"));
        mvc.perform(post("/care/my/{id}/rate", id).param("rating", "5").param("thanks", "谢谢小伙子")
                        .with(user(resident)).with(csrf()))
                .andExpect(flash().attribute("ok", "care.request.rated"));
        assertThat(requests.find(id).orElseThrow().rating()).isEqualTo(5);
        assertThat(requests.history(id)).extracting(HelpRequests.Event::status).containsExactly(HelpRequestStatus.NEW,
                HelpRequestStatus.ASSIGNED, HelpRequestStatus.IN_PROGRESS, HelpRequestStatus.DONE);
    }

    @Test
    void aDeclinedTaskPutsTheRequestBackInTheQueue() throws Exception {
        var id = fileAsResident(UUID.randomUUID().toString());
        var taskId = requests.assign((LiandongUser) staffA, id, deliverer.id());
        tasks.decline(deliverer.id(), deliverer.name(), taskId, "今天发烧了，去不了");
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(id).equals("TRIAGED"));
        var request = requests.find(id).orElseThrow();
        assertThat(request.volunteerId()).isNull();
        assertThat(request.taskId()).isNull();
        assertThat(requests.history(id)).anyMatch(e -> "今天发烧了，去不了".equals(e.note()));
        assertThat(requests.queue(((LiandongUser) staffA).scope(), street.a().id()))
                .anyMatch(q -> q.request().id().equals(id));
        // and can be given to someone else
        requests.assign((LiandongUser) staffA, id, translator.id());
        assertThat(statusOf(id)).isEqualTo("ASSIGNED");
    }

    @Test
    void aTaskCancelledOnTheVolunteerSidePutsTheRequestBackInTheQueue() throws Exception {
        var id = fileAsResident(UUID.randomUUID().toString());
        var taskId = requests.assign((LiandongUser) staffA, id, deliverer.id());
        tasks.accept(deliverer.id(), deliverer.name(), taskId);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(id).equals("IN_PROGRESS"));
        tasks.cancel((LiandongUser) staffA, taskId); // from the volunteer module's task page
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(id).equals("TRIAGED"));
        assertThat(requests.find(id).orElseThrow().taskId()).isNull();
        assertThat(requests.history(id)).last().satisfies(e -> {
            assertThat(e.status()).isEqualTo(HelpRequestStatus.TRIAGED);
            assertThat(e.note()).contains("任务已取消");
        });
        assertThat(requests.queue(((LiandongUser) staffA).scope(), street.a().id()))
                .anyMatch(q -> q.request().id().equals(id));
    }

    @Test
    void aTaskNobodyAcceptsInTimeIsWithdrawnAndTheRequestQueuedAgain() throws Exception {
        var waiting = fileAsResident(UUID.randomUUID().toString());
        var accepted = fileAsResident(UUID.randomUUID().toString());
        var staleTask = requests.assign((LiandongUser) staffA, waiting, deliverer.id());
        var takenTask = requests.assign((LiandongUser) staffA, accepted, translator.id());
        tasks.accept(translator.id(), translator.name(), takenTask);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(accepted).equals("IN_PROGRESS"));

        watch.run(Instant.now().plus(Duration.ofMinutes(10)));
        assertThat(statusOf(waiting)).as("still within the time to accept").isEqualTo("ASSIGNED");
        watch.run(Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(statusOf(waiting)).isEqualTo("TRIAGED");
        assertThat(statusOf(accepted)).as("an accepted task does not time out").isEqualTo("IN_PROGRESS");
        assertThat(tasks.get(((LiandongUser) staffA).scope(), staleTask).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(requests.history(waiting)).last().satisfies(e -> assertThat(e.note()).contains("没有接单"));
        // the withdrawn task's own event reaches care later and changes nothing; a late accept is refused
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> statusOf(waiting).equals("TRIAGED"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.accept(deliverer.id(), deliverer.name(), staleTask))
                .isInstanceOf(org.liandong.platform.InvalidValueException.class);
        assertThat(requests.history(waiting)).filteredOn(e -> e.status() == HelpRequestStatus.TRIAGED).hasSize(1);
    }

    @Test
    void staffFileForSomeoneWhoPhonedButNotForAnotherCommunity() throws Exception {
        var token = UUID.randomUUID().toString();
        mvc.perform(post("/care/requests").with(user(staffA)).with(csrf()).param("communityId", street.a().id())
                        .param("building", street.a().buildingNames().get(0)).param("room", "101")
                        .param("kind", "GROCERIES").param("urgency", "CRITICAL").param("details", "家里没米了")
                        .param("clientToken", token))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select on_behalf from care_help_request where client_token = :t").param("t", token)
                .query(Boolean.class).single()).isTrue();
        // a household of another community answers 404, nothing is filed
        mvc.perform(post("/care/requests").with(user(staffA)).with(csrf()).param("communityId", street.b().id())
                        .param("building", street.b().buildingNames().get(0)).param("room", "101")
                        .param("kind", "GROCERIES").param("details", "家里没米了"))
                .andExpect(status().isNotFound());
        // a room that does not exist: a clear message, nothing filed
        mvc.perform(post("/care/requests").with(user(staffA)).with(csrf()).param("communityId", street.a().id())
                        .param("building", street.a().buildingNames().get(0)).param("room", "999")
                        .param("kind", "GROCERIES").param("details", "家里没米了"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("找不到")));
        mvc.perform(post("/care/my").with(user(resident)).with(csrf()).param("kind", "MEDICINE").param("details", " "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请写一下具体需要什么帮助")));
        assertThat(jdbc.sql("select count(*) from care_help_request where community_id = :c").param("c", street.b().id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theQueuePutsUrgentAndVulnerableFirstAndOverdueRequestsEscalate() throws Exception {
        var normal = requests.file((LiandongUser) staffA, new HelpRequests.NewRequest(street.a().id(),
                street.a().buildingNames().get(2), "103", "INFORMATION", "NORMAL", "想问核酸点", null, null));
        var critical = requests.file((LiandongUser) staffA, new HelpRequests.NewRequest(street.a().id(),
                street.a().buildingNames().get(2), "103", "MEDICAL_VISIT", "CRITICAL", "要去透析", null, null));
        var vulnerableNormal = requests.file((LiandongUser) staffA, new HelpRequests.NewRequest(street.a().id(),
                street.a().buildingNames().get(0), "101", "GROCERIES", "NORMAL", "买菜", null, null));
        var queue = requests.queue(((LiandongUser) staffA).scope(), street.a().id()).stream()
                .map(q -> q.request().id()).toList();
        assertThat(queue).containsExactly(critical, vulnerableNormal, normal);

        watch.run(Instant.now().plus(Duration.ofHours(3)));
        assertThat(statusOf(critical)).isEqualTo("ESCALATED");
        assertThat(statusOf(normal)).isEqualTo("NEW");
        assertThat(jdbc.sql("select count(*) from care_alert where subject_id = :s and kind = 'REQUEST_OVERDUE'")
                .param("s", critical).query(Integer.class).single()).isEqualTo(1);
        watch.run(Instant.now().plus(Duration.ofHours(3)));
        assertThat(jdbc.sql("select count(*) from care_alert where subject_id = :s").param("s", critical)
                .query(Integer.class).single()).as("raised once").isEqualTo(1);
        // assigning an escalated request closes its alert
        requests.assign((LiandongUser) staffA, critical, deliverer.id());
        assertThat(jdbc.sql("select status from care_alert where subject_id = :s").param("s", critical)
                .query(String.class).single()).isEqualTo("CLOSED");
    }

    @Test
    void assignAllGivesEachRequestToTheVolunteerWhoFitsIt() throws Exception {
        var medicine = requests.file((LiandongUser) staffA, new HelpRequests.NewRequest(street.a().id(),
                street.a().buildingNames().get(2), "103", "MEDICINE", "HIGH", "买降压药", null, null));
        var information = requests.file((LiandongUser) staffA, new HelpRequests.NewRequest(street.a().id(),
                street.a().buildingNames().get(3), "104", "INFORMATION", "NORMAL", "问问怎么预约核酸", null, null));
        mvc.perform(post("/care/requests/assign-all").param("community", street.a().id()).with(user(staffA)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("ok", "care.request.assigned-all"));
        assertThat(requests.find(medicine).orElseThrow().volunteerId()).isEqualTo(deliverer.id());
        assertThat(requests.find(information).orElseThrow().volunteerId()).isEqualTo(translator.id());
        assertThat(requests.queue(((LiandongUser) staffA).scope(), street.a().id())).isEmpty();
        mvc.perform(post("/care/requests/assign-all").param("community", street.b().id()).with(user(staffA)).with(csrf()))
                .andExpect(status().isNotFound());
    }
}
