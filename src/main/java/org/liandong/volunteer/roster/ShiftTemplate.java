package org.liandong.volunteer.roster;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/** A shift a post needs every day, e.g. 06:00–14:00 for two people; an end before the start is the next day. */
public record ShiftTemplate(UUID id, UUID postId, LocalTime start, LocalTime end, int headcount) {

    public boolean overnight() {
        return !end.isAfter(start);
    }

    public LocalDateTime startOn(LocalDate day) {
        return day.atTime(start);
    }

    public LocalDateTime endOn(LocalDate day) {
        return overnight() ? day.plusDays(1).atTime(end) : day.atTime(end);
    }

    public long hours() {
        return Duration.between(startOn(LocalDate.EPOCH), endOn(LocalDate.EPOCH)).toHours();
    }
}
