package org.liandong.resilience;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.liandong.care.CareFigures;
import org.liandong.care.request.HelpRequests;
import org.liandong.community.Relation;
import org.liandong.community.Residence;
import org.liandong.community.RegistryWriter;
import org.liandong.platform.AccessScope;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.ApplicationForm;
import org.liandong.volunteer.ApplicationParams;
import org.liandong.volunteer.Applications;
import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.VolunteerOffice;
import org.liandong.volunteer.VolunteerTasks;

/**
 * Builds the history indicators read, through the modules' own services: residents, volunteers who applied and
 * were approved, tasks accepted and finished, help requests filed, assigned, accepted and done.
 */

public class ResilienceData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 400));

    public record Volunteer(UUID id, String name) {
    }

    private final RegistryWriter registry;
    private final Applications applications;
    private final VolunteerOffice office;
    private final VolunteerDirectory directory;
    private final VolunteerTasks tasks;
    private final HelpRequests requests;
    private final CareFigures care;
    private final TestClock clock;

    public ResilienceData(RegistryWriter registry, Applications applications, VolunteerOffice office,
                   VolunteerDirectory directory, VolunteerTasks tasks, HelpRequests requests, CareFigures care,
                   TestClock clock) {
        this.registry = registry;
        this.applications = applications;
        this.office = office;
        this.directory = directory;
        this.tasks = tasks;
        this.requests = requests;
        this.care = care;
        this.clock = clock;
    }

    /** A new resident of the household with this ID number. */
    public UUID resident(String communityId, UUID household, String name, ChineseIdNumber id) {
        var resident = new RegistryWriter.NewResident(UUID.randomUUID(), communityId, household, name,
                id.male() ? 'M' : 'F', id.birthDate(), id, null, Relation.OTHER, Residence.REGISTERED, null, null,
                Set.of(), null);
        registry.residents(List.of(resident));
        return resident.id();
    }

    public static ChineseIdNumber idNumber(LocalDate birth) {
        return ChineseIdNumber.of("310104", birth, 100 + SEQUENCE.incrementAndGet() % 800);
    }

    /** A volunteer who applied on the public form and was approved by the staff member; applies at the real time. */
    public Volunteer volunteer(LiandongUser staff, String communityId, ChineseIdNumber id) {
        var saved = clock.instant();
        clock.reset();
        try {
            var params = ApplicationParams.valid(communityId);
            params.set("idNumber", id.value());
            params.set("birthDate", id.birthDate().toString());
            params.set("sex", id.male() ? "M" : "F");
            var name = params.getFirst("name");
            var code = applications.submit(ApplicationForm.from(params));
            var application = applications.status(params.getFirst("phone"), code).orElseThrow().id();
            office.decide(staff, List.of(application), VolunteerOffice.Decision.APPROVE, null);
            var v = directory.activeIn(AccessScope.all(), communityId).stream().filter(x -> x.name().equals(name))
                    .findFirst().orElseThrow();
            return new Volunteer(v.id(), v.name());
        } finally {
            clock.set(saved);
        }
    }

    /** A task for the volunteer, accepted and finished at the clock's time. */
    public UUID finishedTask(String communityId, Volunteer v) {
        var id = tasks.create(communityId, TaskKind.OTHER, "测试任务", null, VolunteerTasks.Assignee.volunteer(v.id()),
                null, "test");
        tasks.accept(v.id(), v.name(), id);
        tasks.complete(v.id(), v.name(), id, null, 30, null);
        return id;
    }

    /** Files a help request for the household at {@code filed}; returns its id. */
    public UUID request(LiandongUser staff, String communityId, String building, String room, Instant filed) {
        clock.set(filed);
        return requests.file(staff, new HelpRequests.NewRequest(communityId, building, room, "MEDICINE", "NORMAL",
                "需要降压药", null, null));
    }

    /** Assigns the request to the volunteer and has them accept it at {@code accepted}. */
    public UUID accept(LiandongUser staff, UUID request, Volunteer v, String communityId, Instant accepted) {
        clock.set(accepted);
        var task = requests.assign(staff, request, v.id());
        tasks.accept(v.id(), v.name(), task);
        await().atMost(Duration.ofSeconds(10)).until(() -> fact(communityId, request).firstAcceptedAt() != null);
        return task;
    }

    public void complete(UUID task, UUID request, Volunteer v, String communityId, Instant done) {
        clock.set(done);
        tasks.complete(v.id(), v.name(), task, null, 60, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> fact(communityId, request).doneAt() != null);
    }

    public CareFigures.RequestFact fact(String communityId, UUID request) {
        return care.filed(communityId, Instant.EPOCH, Instant.now().plus(Duration.ofDays(400))).stream()
                .filter(f -> f.id().equals(request)).findFirst().orElseThrow();
    }
}
