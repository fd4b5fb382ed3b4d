package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.care.dependant.Rounds;
import org.liandong.care.request.HelpRequests;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.VolunteerTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Help requests and welfare contacts of a community as the resilience indicators read them. */
@LiandongTest
class CareFiguresIntegrationTests {

    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired UserDetailsService users;
    @Autowired HelpRequests requests;
    @Autowired VolunteerTasks tasks;
    @Autowired Rounds rounds;
    @Autowired CareFigures figures;

    @Test
    void requestsFromFilingToFirstAcceptanceAndDone() {
        var a = fixtures.street().a();
        var staff = (LiandongUser) users.loadUserByUsername(a.staffUsername());
        var v = volunteers.volunteer(a.id(), Set.of(VolunteerCategory.DELIVERY), Availability.always());
        var before = Instant.now().minusSeconds(1);
        var done = requests.file(staff, new HelpRequests.NewRequest(a.id(), "1号楼", "101", "medicine", "normal",
                "降压药", null, null));
        var open = requests.file(staff, new HelpRequests.NewRequest(a.id(), "2号楼", "102", "groceries", "normal",
                "买菜", null, null));
        var task = requests.assign(staff, done, v.id());
        tasks.accept(v.id(), v.name(), task);
        await().atMost(Duration.ofSeconds(10)).until(() -> figures.filed(a.id(), before, Instant.now().plusSeconds(1))
                .stream().anyMatch(f -> f.id().equals(done) && f.firstAcceptedAt() != null));
        tasks.complete(v.id(), v.name(), task, null, 30, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !figures.done(a.id(), before, Instant.now().plusSeconds(1))
                .isEmpty());
        var after = Instant.now().plusSeconds(1);

        var filed = figures.filed(a.id(), before, after);
        assertThat(filed).hasSize(2);
        var fact = filed.stream().filter(f -> f.id().equals(done)).findFirst().orElseThrow();
        assertThat(fact.householdId()).isEqualTo(a.households().get(0));
        assertThat(fact.firstAcceptedAt()).isAfterOrEqualTo(fact.createdAt()).isBeforeOrEqualTo(fact.doneAt());
        assertThat(fact.volunteerId()).isEqualTo(v.id());
        assertThat(filed.stream().filter(f -> f.id().equals(open)).findFirst().orElseThrow().firstAcceptedAt()).isNull();
        assertThat(figures.done(a.id(), before, after)).extracting(CareFigures.RequestFact::id).containsExactly(done);

        assertThat(figures.openAt(a.id(), after, after)).isEqualTo(1);
        assertThat(figures.openAt(a.id(), before, after)).isZero(); // nothing filed before the test began
        assertThat(figures.filedBefore(a.id(), after)).isEqualTo(2);
        assertThat(figures.requestingHouseholds(a.id(), before, after))
                .containsExactlyInAnyOrder(a.households().get(0), a.households().get(1));
    }

    @Test
    void welfareContactsThatGotThrough() {
        var a = fixtures.street().a();
        var staff = (LiandongUser) users.loadUserByUsername(a.staffUsername());
        var before = Instant.now().minusSeconds(1);
        rounds.record(staff, a.id(), a.elderlyAloneWithoutCarer(), true, null);
        rounds.record(staff, a.id(), a.disabledWithCarer(), false, "没人接");
        var after = Instant.now().plusSeconds(1);
        assertThat(figures.reached(a.id(), before, after)).containsExactly(a.elderlyAloneWithoutCarer());
        assertThat(figures.reached(a.id(), after, after.plusSeconds(60))).isEmpty();
    }
}
