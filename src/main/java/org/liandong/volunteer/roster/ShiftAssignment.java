package org.liandong.volunteer.roster;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;

/**
 * One seat of one shift at one post on one day: the solver fills it with a volunteer, or leaves it empty
 * (and says so) when nobody fits.
 */
@PlanningEntity
public class ShiftAssignment {

    // annotated fields are public: Timefold reads them directly (no JavaBean getters here)
    @PlanningId
    public UUID id;
    private UUID postId;
    private String postName;
    private String communityId;
    private VolunteerCategory category;
    private boolean certificateRequired;
    private LocalDate day;
    private LocalDateTime start;
    private LocalDateTime end;
    private int seat;
    private int week;
    private int[] slots;
    private boolean night;

    @PlanningVariable(allowsUnassigned = true)
    public @Nullable RosterVolunteer volunteer;

    @SuppressWarnings("NullAway.Init")
    ShiftAssignment() {
        // for the solver's cloning
    }

    public ShiftAssignment(UUID id, UUID postId, String postName, String communityId, VolunteerCategory category,
                           boolean certificateRequired, LocalDateTime start, LocalDateTime end, int seat,
                           LocalDate rosterStart, @Nullable RosterVolunteer volunteer) {
        this.id = id;
        this.postId = postId;
        this.postName = postName;
        this.communityId = communityId;
        this.category = category;
        this.certificateRequired = certificateRequired;
        this.day = start.toLocalDate();
        this.start = start;
        this.end = end;
        this.seat = seat;
        this.week = (int) (java.time.temporal.ChronoUnit.DAYS.between(rosterStart, day) / 7);
        this.slots = slotsOf(start, end);
        this.night = nightIn(start, end);
        this.volunteer = volunteer;
    }

    /**
     * The weekly availability slots (day × period, as indexes into {@link Availability#pattern()}) that a
     * shift overlaps: morning 06–14, afternoon 14–22, night 22–06 (a night belongs to the day it starts).
     */
    static int[] slotsOf(LocalDateTime start, LocalDateTime end) {
        var out = new ArrayList<Integer>();
        var t = start;
        while (t.isBefore(end)) {
            var time = t.toLocalTime();
            LocalDate day = t.toLocalDate();
            Availability.Period period;
            LocalDateTime slotEnd;
            if (time.isBefore(LocalTime.of(6, 0))) {
                day = day.minusDays(1);
                period = Availability.Period.NIGHT;
                slotEnd = t.toLocalDate().atTime(6, 0);
            } else if (time.isBefore(LocalTime.of(14, 0))) {
                period = Availability.Period.MORNING;
                slotEnd = t.toLocalDate().atTime(14, 0);
            } else if (time.isBefore(LocalTime.of(22, 0))) {
                period = Availability.Period.AFTERNOON;
                slotEnd = t.toLocalDate().atTime(22, 0);
            } else {
                period = Availability.Period.NIGHT;
                slotEnd = t.toLocalDate().plusDays(1).atTime(6, 0);
            }
            var index = (day.getDayOfWeek().getValue() - 1) * 3 + period.ordinal();
            if (!out.contains(index)) {
                out.add(index);
            }
            t = slotEnd;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A shift is a night shift when at least two of its hours fall between 22:00 and 06:00. */
    static boolean nightIn(LocalDateTime start, LocalDateTime end) {
        long minutes = 0;
        for (var t = start; t.isBefore(end); t = t.plusMinutes(30)) {
            var h = t.getHour();
            if (h >= 22 || h < 6) {
                minutes += 30;
            }
        }
        return minutes >= 120;
    }

    public UUID id() {
        return id;
    }

    public UUID postId() {
        return postId;
    }

    public String postName() {
        return postName;
    }

    public String communityId() {
        return communityId;
    }

    public VolunteerCategory category() {
        return category;
    }

    public boolean certificateRequired() {
        return certificateRequired;
    }

    public LocalDate day() {
        return day;
    }

    public LocalDateTime start() {
        return start;
    }

    public LocalDateTime end() {
        return end;
    }

    public int seat() {
        return seat;
    }

    public int week() {
        return week;
    }

    int[] slots() {
        return slots;
    }

    public boolean night() {
        return night;
    }

    public int minutes() {
        return (int) Duration.between(start, end).toMinutes();
    }

    public @Nullable RosterVolunteer volunteer() {
        return volunteer;
    }

    public void assign(@Nullable RosterVolunteer volunteer) {
        this.volunteer = volunteer;
    }

    /** Minutes from the end of the earlier of two shifts to the start of the later (negative if they overlap). */
    static long gapMinutes(ShiftAssignment a, ShiftAssignment b) {
        var first = a.start.isBefore(b.start) ? a : b;
        var second = first == a ? b : a;
        return Duration.between(first.end, second.start).toMinutes();
    }

    @Override
    public String toString() {
        return postName + " " + start + "#" + seat;
    }
}
