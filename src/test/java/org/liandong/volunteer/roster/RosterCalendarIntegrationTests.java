package org.liandong.volunteer.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A volunteer's phone subscribes to their shifts with a secret address; no login, wrong token 404. */
@LiandongTest
class RosterCalendarIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired VolunteerFixtures volunteers;
    @Autowired UserDetailsService users;
    @Autowired Posts posts;
    @Autowired DutyRosters rosters;
    @Autowired RosterCalendar calendar;

    @Test
    void theFeedListsPublishedShiftsInShanghaiTime() throws Exception {
        var gate = RosterFixtures.published(fixtures, volunteers, users, posts, rosters);
        var staff = (LiandongUser) users.loadUserByUsername(gate.street().a().staffUsername());
        var shifts = rosters.shifts(staff.scope(), gate.rosterId());
        var volunteerId = shifts.stream().filter(s -> s.volunteerId() != null).findFirst().orElseThrow().volunteerId();
        var mine = shifts.stream().filter(s -> volunteerId.equals(s.volunteerId())).toList();
        var token = calendar.token(volunteerId);

        var response = mvc.perform(get("/volunteer/calendar/{token}.ics", token))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/calendar");
        var ics = response.getContentAsString(StandardCharsets.UTF_8);
        var parsed = new CalendarBuilder().build(new StringReader(ics));
        var events = parsed.getComponents(Component.VEVENT).stream().map(VEvent.class::cast).toList();
        assertThat(events).hasSize(mine.size());
        var shift = mine.getFirst();
        var first = events.stream()
                .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().startsWith(shift.id().toString()))
                .findFirst().orElseThrow();
        var at = ZonedDateTime.from(first.getDateTimeStart().getDate());
        assertThat(at.toInstant()).isEqualTo(shift.start().atZone(RosterCalendar.SHANGHAI).toInstant());
        assertThat(at.toLocalDateTime()).isEqualTo(shift.start());
        assertThat(first.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Shanghai");
        var end = ZonedDateTime.from(first.getDateTimeEnd().getDate());
        assertThat(end.toInstant()).isEqualTo(shift.end().atZone(RosterCalendar.SHANGHAI).toInstant());
        assertThat(first.getProperty(Property.SUMMARY).orElseThrow().getValue()).contains("东门");
        assertThat(first.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("测试路1号");

        // a new token cuts off the old address
        var fresh = calendar.regenerate(volunteerId);
        mvc.perform(get("/volunteer/calendar/{token}.ics", token)).andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/calendar/{token}.ics", fresh)).andExpect(status().isOk());
    }

    @Test
    void aWrongTokenIsNotFound() throws Exception {
        mvc.perform(get("/volunteer/calendar/{token}.ics", UUID.randomUUID())).andExpect(status().isNotFound());
        mvc.perform(get("/volunteer/calendar/{token}.ics", "x".repeat(200))).andExpect(status().isNotFound());
    }
}
