package org.liandong.volunteer.roster;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.liandong.platform.LocalisedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A volunteer's published shifts as an iCalendar feed a phone calendar can subscribe to. The address
 * carries a secret token instead of a login; regenerating the token cuts off every old subscription.
 */
@Service
public class RosterCalendar {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final DutyRosters rosters;
    private final LocalisedText text;
    private final Clock clock;

    RosterCalendar(JdbcClient jdbc, DutyRosters rosters, LocalisedText text, Clock clock) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.text = text;
        this.clock = clock;
    }

    @Transactional
    public String token(UUID volunteerId) {
        return jdbc.sql("select token from volunteer_calendar_token where volunteer_id = :v").param("v", volunteerId)
                .query(String.class).optional().orElseGet(() -> regenerate(volunteerId));
    }

    @Transactional
    public String regenerate(UUID volunteerId) {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("delete from volunteer_calendar_token where volunteer_id = :v").param("v", volunteerId).update();
        jdbc.sql("insert into volunteer_calendar_token (volunteer_id, token, created_at) values (:v, :t, :at)")
                .param("v", volunteerId).param("t", token).param("at", Timestamp.from(clock.instant())).update();
        return token;
    }

    /** The feed for a token, or empty when no volunteer has it. */
    public Optional<String> feed(String token) {
        if (token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("select volunteer_id from volunteer_calendar_token where token = :t").param("t", token)
                .query(UUID.class).optional().map(this::calendar);
    }

    private String calendar(UUID volunteerId) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//Liandong//Duty roster//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (var shift : rosters.publishedShiftsOf(volunteerId, LocalDate.now(clock).minusDays(30))) {
            var event = new VEvent(shift.start().atZone(SHANGHAI), shift.end().atZone(SHANGHAI),
                    text.of("roster.calendar.summary", shift.postName()));
            event.add(new Uid(shift.id() + "@liandong"));
            if (shift.postAddress() != null) {
                event.add(new Location(shift.postAddress()));
            }
            event.add(new Description(text.of("roster.calendar.description", shift.postName(), shift.seat())));
            calendar.add(event);
        }
        return calendar.toString();
    }
}
