package org.liandong.volunteer.roster;

import java.nio.charset.StandardCharsets;
import org.liandong.platform.OutOfScopeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The iCalendar feed phones subscribe to: no login, the secret token in the address is the key. */
@Controller
class CalendarFeedController {

    private final RosterCalendar calendar;

    CalendarFeedController(RosterCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/volunteer/calendar/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        var ics = calendar.feed(token).orElseThrow(OutOfScopeException::new);
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header("Cache-Control", "private, max-age=300")
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }
}
