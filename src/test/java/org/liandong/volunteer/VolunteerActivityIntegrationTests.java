package org.liandong.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Who was active as a volunteer in a community over a window, as the resilience indicators read it. */
@LiandongTest
class VolunteerActivityIntegrationTests {

    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired VolunteerTasks tasks;
    @Autowired VolunteerActivity activity;

    @Test
    void finishedTasksCountOpenOnesDoNot() {
        var a = fixtures.street().a();
        var done = volunteers.volunteer(a.id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        var idle = volunteers.volunteer(a.id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        var before = Instant.now().minusSeconds(1);
        var task = tasks.create(a.id(), TaskKind.DELIVER, "送菜", null, VolunteerTasks.Assignee.volunteer(done.id()),
                null, "test");
        tasks.accept(done.id(), done.name(), task);
        tasks.complete(done.id(), done.name(), task, null, 30, null);
        var open = tasks.create(a.id(), TaskKind.DELIVER, "送药", null, VolunteerTasks.Assignee.volunteer(idle.id()),
                null, "test");
        tasks.accept(idle.id(), idle.name(), open);
        var after = Instant.now().plusSeconds(1);

        assertThat(activity.registered(a.id())).isEqualTo(2);
        assertThat(activity.finishedTasks(a.id(), before, after)).containsExactly(done.id());
        assertThat(activity.active(a.id(), before, after)).containsExactly(done.id());
        assertThat(activity.finishedTasks(a.id(), after, after.plusSeconds(60))).isEmpty();

        var facts = activity.facts(List.of(done.id(), idle.id()));
        assertThat(facts).hasSize(2);
        assertThat(facts.get(done.id()).communityId()).isEqualTo(a.id());
        assertThat(facts.get(done.id()).idNumberHash()).hasSize(64);
        assertThat(facts.get(done.id()).birthDate()).isBefore(java.time.LocalDate.now());
    }
}
