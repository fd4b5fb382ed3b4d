package org.liandong.volunteer.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.QrCodes;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerFixtures;
import org.liandong.volunteer.roster.DutyRosters;
import org.liandong.volunteer.roster.PostKind;
import org.liandong.volunteer.roster.Posts;
import org.liandong.platform.LiandongUser;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Check in and out with the point's QR code; only today's genuine code counts; corrections are audited. */
@LiandongTest
class VolunteerHoursIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteerFixtures;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired CheckInCodes codes;
    @Autowired CheckIns checkIns;
    @Autowired Posts posts;
    @Autowired DutyRosters rosters;

    Fixtures.TestStreet street;
    VolunteerFixtures.TestVolunteer volunteer;
    UserDetails staffA;
    UserDetails me;

    @BeforeEach
    void setUp() {
        street = fixtures.street();
        volunteer = volunteerFixtures.volunteer(street.a().id(), Set.of(VolunteerCategory.GATE), Availability.always());
        staffA = users.loadUserByUsername(street.a().staffUsername());
        me = users.loadUserByUsername(volunteer.username());
    }

    /** A post of community A (every post is a check-in point), with its code made as staff first show it. */
    UUID createPoint(String name) {
        var staff = (LiandongUser) staffA;
        var post = posts.define(staff.scope(), new Posts.NewPost(street.a().id(), PostKind.GATE, name, null,
                VolunteerCategory.GATE, false));
        checkIns.point(staff.scope(), post);
        return post;
    }

    /** The path and query the point's QR code (as served to staff) encodes. */
    String scannedPath(UUID point) throws Exception {
        var png = mvc.perform(get("/volunteer/checkin-points/{id}/qr.png", point).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        var uri = URI.create(QrCodes.decode(png));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    int attendanceRows() {
        return jdbc.sql("select count(*) from volunteer_attendance where volunteer_id = :v").param("v", volunteer.id())
                .query(Integer.class).single();
    }

    void moveCheckInBack(Duration by) {
        jdbc.sql("update volunteer_attendance set checked_in_at = :at where volunteer_id = :v and checked_out_at is null")
                .param("at", Timestamp.from(Instant.now().minus(by))).param("v", volunteer.id()).update();
    }

    @Test
    void scanningTheQrChecksInAndScanningAgainChecksOut() throws Exception {
        var point = createPoint("东门");
        var path = scannedPath(point);
        assertThat(path).startsWith("/volunteer/checkin/" + point + "?d=").contains("&s=");

        mvc.perform(get(path).with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("东门")))
                .andExpect(content().string(containsString("checkin-button")));
        assertThat(attendanceRows()).isZero(); // opening the page records nothing
        mvc.perform(post(path).with(user(me)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("checkin-result")));
        assertThat(attendanceRows()).isEqualTo(1);

        // a double tap within a minute does not check out
        mvc.perform(post(path).with(user(me)).with(csrf())).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from volunteer_hours where volunteer_id = :v").param("v", volunteer.id())
                .query(Integer.class).single()).isZero();

        moveCheckInBack(Duration.ofMinutes(150));
        mvc.perform(post(path).with(user(me)).with(csrf())).andExpect(status().isOk());
        var minutes = jdbc.sql("select minutes from volunteer_hours where volunteer_id = :v and source = 'ATTENDANCE'")
                .param("v", volunteer.id()).query(Integer.class).single();
        assertThat(minutes).isBetween(150, 151);
        mvc.perform(get("/volunteer/me/hours").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2.5")))
                .andExpect(content().string(containsString("东门")));
    }

    @Test
    void aVeryLongStayIsCappedAndFlagged() throws Exception {
        var path = scannedPath(createPoint("西门"));
        mvc.perform(post(path).with(user(me)).with(csrf())).andExpect(status().isOk());
        moveCheckInBack(Duration.ofHours(15));
        mvc.perform(post(path).with(user(me)).with(csrf())).andExpect(status().isOk());
        var capped = jdbc.sql("select capped from volunteer_hours where volunteer_id = :v").param("v", volunteer.id())
                .query(Boolean.class).single();
        var minutes = jdbc.sql("select minutes from volunteer_hours where volunteer_id = :v").param("v", volunteer.id())
                .query(Integer.class).single();
        assertThat(capped).isTrue();
        assertThat(minutes).isEqualTo(12 * 60);
    }

    @Test
    void yesterdaysOrATamperedCodeIsRefusedAndNothingIsRecorded() throws Exception {
        var point = createPoint("南门");
        var secret = jdbc.sql("select secret from volunteer_checkin_point where id = :id").param("id", point)
                .query(String.class).single();
        var yesterday = checkIns.today().minusDays(1);
        var old = "/volunteer/checkin/" + point + "?d=" + yesterday + "&s=" + codes.sign(point, secret, yesterday);
        mvc.perform(get(old).with(user(me))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("checkin-problem")))
                .andExpect(content().string(containsString(yesterday.toString())));
        mvc.perform(post(old).with(user(me)).with(csrf())).andExpect(status().isBadRequest());

        var today = scannedPath(point);
        var tampered = today.substring(0, today.length() - 2) + (today.endsWith("00") ? "11" : "00");
        mvc.perform(post(tampered).with(user(me)).with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("checkin-problem")));
        var otherPoint = createPoint("北门");
        mvc.perform(post(today.replace(point.toString(), otherPoint.toString())).with(user(me)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/volunteer/checkin/" + point).with(user(me)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/volunteer/checkin/" + point + "?d=nonsense&s=x").with(user(me)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/volunteer/checkin/" + UUID.randomUUID() + "?d=2026-01-01&s=x").with(user(me)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(attendanceRows()).isZero();

        // only volunteers check in; staff of another community cannot see the point's code
        mvc.perform(get(today).with(user(staffA))).andExpect(status().isForbidden());
        mvc.perform(get("/volunteer/checkin-points/{id}/qr.png", point)
                .with(user(users.loadUserByUsername(street.b().staffUsername())))).andExpect(status().isNotFound());
    }

    @Test
    void aCheckInAtAPostIsMatchedToThePublishedShiftAndStaffSeeWhoIsMissing() throws Exception {
        var staff = (LiandongUser) staffA;
        var gate = createPoint("东门");
        posts.addTemplate(staff.scope(), gate, LocalTime.of(0, 0), LocalTime.of(8, 0), false, 1);
        posts.addTemplate(staff.scope(), gate, LocalTime.of(8, 0), LocalTime.of(16, 0), false, 1);
        posts.addTemplate(staff.scope(), gate, LocalTime.of(16, 0), LocalTime.of(0, 0), true, 1);
        var crew = new java.util.ArrayList<>(volunteerFixtures.volunteers(street.a().id(), 5,
                Set.of(VolunteerCategory.GATE), Availability.always()));
        crew.add(volunteer); // the community's volunteer from setUp may be rostered too
        var roster = rosters.create(staff, street.a().id(), checkIns.today(), 1);
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (rosters.roster(staff.scope(), roster).status().name().equals("SOLVING") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        var now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
        var onNow = rosters.shifts(staff.scope(), roster).stream()
                .filter(s -> !now.isBefore(s.start()) && now.isBefore(s.end())).findFirst().orElseThrow();
        if (onNow.volunteerId() == null) { // too few hours to fill every seat: staff put someone on it by hand
            rosters.reassign(staff.scope(), roster, onNow.id(), crew.getFirst().id());
        }
        rosters.publish(staff.scope(), roster);
        var current = rosters.publishedShiftsAt(gate, checkIns.today()).stream()
                .filter(s -> s.id().equals(onNow.id())).findFirst().orElseThrow();
        assertThat(current.volunteerId()).isNotNull();
        var onDuty = crew.stream().filter(v -> v.id().equals(current.volunteerId())).findFirst().orElseThrow();
        var offDuty = crew.stream().filter(v -> !v.id().equals(current.volunteerId())
                && rosters.publishedShiftsOf(v.id(), checkIns.today()).stream().noneMatch(s -> s.postId().equals(gate)
                && !now.isBefore(s.start().minusHours(1)) && now.isBefore(s.end()))).findFirst().orElseThrow();

        var path = scannedPath(gate);
        mvc.perform(post(path).with(user(users.loadUserByUsername(onDuty.username()))).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("checkin-shift")));
        assertThat(jdbc.sql("select shift_id from volunteer_attendance where volunteer_id = :v")
                .param("v", onDuty.id()).query(UUID.class).single()).isEqualTo(current.id());

        mvc.perform(post(path).with(user(users.loadUserByUsername(offDuty.username()))).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("checkin-off-roster")));
        assertThat(jdbc.sql("select count(*) from volunteer_attendance where volunteer_id = :v and shift_id is null")
                .param("v", offDuty.id()).query(Integer.class).single()).isEqualTo(1);

        var page = mvc.perform(get("/volunteer/checkin-points/{id}", gate).with(user(staffA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("duty-today").contains(onDuty.name()).contains("已签到");
    }

    @Test
    void correctionsNeedAReasonAndAreAudited() throws Exception {
        mvc.perform(post("/volunteer/hours/corrections").with(user(staffA)).with(csrf())
                        .param("volunteer", volunteer.id().toString()).param("minutes", "90").param("reason", ""))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));
        mvc.perform(post("/volunteer/hours/corrections").with(user(staffA)).with(csrf())
                        .param("volunteer", volunteer.id().toString()).param("minutes", "0").param("reason", "x"))
                .andExpect(flash().attributeExists("problem"));
        assertThat(jdbc.sql("select count(*) from volunteer_hours where volunteer_id = :v").param("v", volunteer.id())
                .query(Integer.class).single()).isZero();

        mvc.perform(post("/volunteer/hours/corrections").with(user(staffB())).with(csrf())
                        .param("volunteer", volunteer.id().toString()).param("minutes", "90").param("reason", "补登"))
                .andExpect(status().isNotFound());

        mvc.perform(post("/volunteer/hours/corrections").with(user(staffA)).with(csrf())
                        .param("volunteer", volunteer.id().toString()).param("minutes", "90")
                        .param("reason", "11月20日忘记签退，按排班补登"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("ok", "volunteer.hours.correction.saved"));
        assertThat(jdbc.sql("select minutes from volunteer_hours where volunteer_id = :v and source = 'CORRECTION'")
                .param("v", volunteer.id()).query(Integer.class).single()).isEqualTo(90);
        var audited = jdbc.sql("""
                select count(*) from audit_entry where action = 'CORRECT_HOURS' and subject_id = :v
                and reason like '%忘记签退%'""").param("v", volunteer.id().toString()).query(Integer.class).single();
        assertThat(audited).isEqualTo(1);
        mvc.perform(get("/volunteer/hours").param("community", street.a().id()).with(user(staffA)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(volunteer.name())));
        mvc.perform(get("/volunteer/me/hours").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("11月20日忘记签退，按排班补登")));
    }

    UserDetails staffB() {
        return users.loadUserByUsername(street.b().staffUsername());
    }
}
