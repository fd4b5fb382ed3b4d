package org.liandong.volunteer.roster;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.liandong.Fixtures;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A community with gate volunteers, a gate post with three daily shifts, and rosters solved for it. */
class RosterFixtures {

    record GateRoster(Fixtures.TestStreet street, List<VolunteerFixtures.TestVolunteer> volunteers, UUID postId,
                      UUID rosterId, LocalDate start) {
    }

    static LocalDate nextMonday() {
        return LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    static UUID gatePost(Posts posts, LiandongUser staff, String communityId, String name) {
        var post = posts.define(staff.scope(), new Posts.NewPost(communityId, PostKind.GATE, name, "测试路1号",
                VolunteerCategory.GATE, false));
        posts.addTemplate(staff.scope(), post, LocalTime.of(6, 0), LocalTime.of(14, 0), false, 1);
        posts.addTemplate(staff.scope(), post, LocalTime.of(14, 0), LocalTime.of(22, 0), false, 1);
        posts.addTemplate(staff.scope(), post, LocalTime.of(22, 0), LocalTime.of(6, 0), true, 1);
        return post;
    }

    static RosterView await(DutyRosters rosters, LiandongUser staff, UUID id) {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            var roster = rosters.roster(staff.scope(), id);
            if (roster.status() != RosterStatus.SOLVING) {
                return new RosterView(roster);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("roster " + id + " still solving after 60 s");
    }

    record RosterView(DutyRosters.RosterView roster) {
    }

    /** 12 gate (20 h a week each) volunteers of community A, one gate with three shifts, a 1-week roster solved and published. */
    static GateRoster published(Fixtures fixtures, VolunteerFixtures volunteers, UserDetailsService users,
                                Posts posts, DutyRosters rosters) {
        var street = fixtures.street();
        var staff = (LiandongUser) users.loadUserByUsername(street.a().staffUsername());
        var team = volunteers.volunteers(street.a().id(), 12, Set.of(VolunteerCategory.GATE), Availability.always());
        var post = gatePost(posts, staff, street.a().id(), "东门");
        var start = nextMonday();
        var id = rosters.create(staff, street.a().id(), start, 1);
        await(rosters, staff, id);
        rosters.publish(staff.scope(), id);
        return new GateRoster(street, team, post, id, start);
    }
}
