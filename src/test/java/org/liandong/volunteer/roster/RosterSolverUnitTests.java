package org.liandong.volunteer.roster;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;

/** Each roster rule on its own (Timefold's ConstraintVerifier), then whole solves, feasible and not. */
class RosterSolverUnitTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final RosterRules RULES = new RosterRules(11 * 60);

    final ConstraintVerifier<RosterConstraints, DutyRosterPlan> verifier = ConstraintVerifier.build(
            new RosterConstraints(), DutyRosterPlan.class, ShiftAssignment.class);

    static RosterVolunteer volunteer(String name, String community, Availability availability, int hours,
                                     VolunteerCategory... categories) {
        var set = categories.length == 0 ? EnumSet.of(VolunteerCategory.GATE) : EnumSet.copyOf(List.of(categories));
        return new RosterVolunteer(UUID.randomUUID(), name, community, set, EnumSet.noneOf(VolunteerCategory.class),
                availability, hours);
    }

    static RosterVolunteer gate(String name) {
        return volunteer(name, "A", Availability.always(), 40);
    }

    static ShiftAssignment shift(LocalDate day, int startHour, int hours, @Nullable RosterVolunteer v) {
        var start = day.atTime(LocalTime.of(startHour, 0));
        return shift(start, start.plusHours(hours), VolunteerCategory.GATE, false, v);
    }

    static ShiftAssignment shift(LocalDateTime start, LocalDateTime end, VolunteerCategory category, boolean cert,
                                 @Nullable RosterVolunteer v) {
        return new ShiftAssignment(UUID.randomUUID(), UUID.randomUUID(), "东门", "A", category, cert, start, end, 1,
                MONDAY, v);
    }

    @Test
    void unavailableCountsEachShiftOutsideTheVolunteersWeek() {
        var mornings = new boolean[7][3];
        for (var day : mornings) {
            day[0] = true;
        }
        var v = volunteer("早班", "A", Availability.of(mornings), 40);
        verifier.verifyThat(RosterConstraints::unavailable)
                .given(shift(MONDAY, 6, 8, v), shift(MONDAY.plusDays(1), 14, 8, v), shift(MONDAY.plusDays(2), 22, 8, v))
                .penalizesBy(2);
    }

    @Test
    void nightShiftIsCheckedAgainstTheNightOfTheDayItStarts() {
        var nights = new boolean[7][3];
        nights[0][2] = true; // Monday night only
        var v = volunteer("夜班", "A", Availability.of(nights), 40);
        verifier.verifyThat(RosterConstraints::unavailable).given(shift(MONDAY, 22, 8, v)).penalizesBy(0);
        verifier.verifyThat(RosterConstraints::unavailable).given(shift(MONDAY.plusDays(1), 22, 8, v)).penalizesBy(1);
    }

    @Test
    void missingCategoryOrCertificate() {
        var driver = volunteer("司机", "A", Availability.always(), 40, VolunteerCategory.DELIVERY);
        var doctor = new RosterVolunteer(UUID.randomUUID(), "医生", "A", EnumSet.of(VolunteerCategory.MEDICAL),
                EnumSet.noneOf(VolunteerCategory.class), Availability.always(), 40);
        var start = MONDAY.atTime(6, 0);
        verifier.verifyThat(RosterConstraints::missingCategory)
                .given(shift(MONDAY, 6, 8, driver), shift(start.plusDays(2), start.plusDays(2).plusHours(8),
                        VolunteerCategory.MEDICAL, true, doctor), shift(start.plusDays(4),
                        start.plusDays(4).plusHours(8), VolunteerCategory.MEDICAL, false, doctor))
                .penalizesBy(2);
    }

    @Test
    void overlappingShiftsOfOneVolunteer() {
        var v = gate("甲");
        var other = gate("乙");
        verifier.verifyThat(RosterConstraints::overlap)
                .given(shift(MONDAY, 6, 8, v), shift(MONDAY, 10, 8, v), shift(MONDAY, 6, 8, other))
                .penalizesBy(1);
    }

    @Test
    void restShorterThanTheMinimumIsPenalisedByTheHoursMissing() {
        var v = gate("甲");
        // 06–14 then 22–06: 8 h of rest, 3 h short of 11
        verifier.verifyThat(RosterConstraints::rest)
                .given(RULES, shift(MONDAY, 6, 8, v), shift(MONDAY, 22, 8, v))
                .penalizesBy(3);
        // 06–14 then next day 06–14: 16 h of rest
        verifier.verifyThat(RosterConstraints::rest)
                .given(RULES, shift(MONDAY, 6, 8, v), shift(MONDAY.plusDays(1), 6, 8, v))
                .penalizesBy(0);
    }

    @Test
    void hoursOverTheWeeklyLimitArePenalisedPerHour() {
        var v = volunteer("甲", "A", Availability.always(), 20);
        verifier.verifyThat(RosterConstraints::hours)
                .given(shift(MONDAY, 6, 8, v), shift(MONDAY.plusDays(1), 6, 8, v), shift(MONDAY.plusDays(2), 6, 8, v),
                        shift(MONDAY.plusDays(7), 6, 8, v))
                .penalizesBy(4);
    }

    @Test
    void emptySeatsCostMedium() {
        verifier.verifyThat(RosterConstraints::unfilled)
                .given(shift(MONDAY, 6, 8, null), shift(MONDAY, 14, 8, null), shift(MONDAY, 22, 8, gate("甲")))
                .penalizesBy(2);
    }

    @Test
    void nightsAreSharedBySquares() {
        var a = gate("甲");
        var b = gate("乙");
        verifier.verifyThat(RosterConstraints::nights)
                .given(shift(MONDAY, 22, 8, a), shift(MONDAY.plusDays(2), 22, 8, a), shift(MONDAY.plusDays(4), 22, 8, b),
                        shift(MONDAY, 6, 8, b))
                .penalizesBy(RosterConstraints.NIGHT_WEIGHT * (4 + 1));
    }

    @Test
    void volunteersOfAnotherCommunityCost() {
        var neighbour = volunteer("邻居", "B", Availability.always(), 40);
        verifier.verifyThat(RosterConstraints::otherCommunity)
                .given(shift(MONDAY, 6, 8, neighbour), shift(MONDAY.plusDays(1), 6, 8, gate("甲")))
                .penalizesBy(RosterConstraints.OTHER_COMMUNITY_WEIGHT);
    }

    @Test
    void hoursAreBalancedBySquares() {
        var a = gate("甲");
        var b = gate("乙");
        verifier.verifyThat(RosterConstraints::balance)
                .given(shift(MONDAY, 6, 8, a), shift(MONDAY.plusDays(1), 6, 8, a), shift(MONDAY.plusDays(2), 6, 8, b))
                .penalizesBy(16 * 16 + 8 * 8);
    }

    @Test
    void slotsAndNightsOfShifts() {
        assertThat(ShiftAssignment.slotsOf(MONDAY.atTime(6, 0), MONDAY.atTime(14, 0))).containsExactly(0);
        assertThat(ShiftAssignment.slotsOf(MONDAY.atTime(22, 0), MONDAY.plusDays(1).atTime(6, 0))).containsExactly(2);
        assertThat(ShiftAssignment.slotsOf(MONDAY.atTime(12, 0), MONDAY.atTime(16, 0))).containsExactly(0, 1);
        assertThat(ShiftAssignment.slotsOf(MONDAY.plusDays(6).atTime(22, 0), MONDAY.plusDays(7).atTime(6, 0)))
                .containsExactly(20);
        assertThat(ShiftAssignment.nightIn(MONDAY.atTime(22, 0), MONDAY.plusDays(1).atTime(6, 0))).isTrue();
        assertThat(ShiftAssignment.nightIn(MONDAY.atTime(14, 0), MONDAY.atTime(22, 0))).isFalse();
    }

    /** 12 volunteers, 2 posts × 3 shifts × 7 days, one seat each: a roster with no broken rule in seconds. */
    @Test
    void smallRosterSolvesWithoutBreakingARule() {
        var volunteers = new ArrayList<RosterVolunteer>();
        for (int i = 0; i < 12; i++) {
            volunteers.add(gate("志愿者" + i));
        }
        var plan = new DutyRosterPlan(volunteers, seats(2, 1, 7), RULES);
        var solved = new RosterSolver(Duration.ofSeconds(3)).solve(plan);
        var explanation = new RosterSolver(Duration.ofSeconds(1)).explain(solved);
        assertThat(solved.score()).isNotNull();
        assertThat(solved.score().hardScore()).isZero();
        assertThat(explanation.feasible()).isTrue();
        assertThat(explanation.unfilled()).isZero();
        assertThat(solved.filled()).isEqualTo(42);
    }

    /** More seats than people can fill: the roster still comes out, with the empty seats counted. */
    @Test
    void infeasibleRosterCountsEmptySeatsInsteadOfFailing() {
        var volunteers = List.of(gate("甲"), gate("乙"), gate("丙"));
        var plan = new DutyRosterPlan(volunteers, seats(2, 2, 7), RULES);
        var solver = new RosterSolver(Duration.ofSeconds(2));
        var solved = solver.solve(plan);
        var explanation = solver.explain(solved);
        assertThat(solved.score().hardScore()).isZero();
        assertThat(explanation.unfilled()).isPositive();
        assertThat(explanation.count(RosterConstraints.UNFILLED)).isEqualTo((int) (84 - solved.filled()));
        // three people with 40 h a week and 11 h rest can take at most 5 eight-hour shifts a week each
        assertThat(solved.filled()).isLessThanOrEqualTo(15);
    }

    /** The plain-Java explanation adds up to exactly the solver's score, rule by rule. */
    @Test
    void explanationAddsUpToTheSolversScore() {
        var a = volunteer("甲", "A", Availability.of(new boolean[7][3]), 8);
        var b = volunteer("乙", "B", Availability.always(), 40, VolunteerCategory.DELIVERY);
        var c = gate("丙");
        var shifts = List.of(shift(MONDAY, 6, 8, a), shift(MONDAY, 10, 8, a), shift(MONDAY, 22, 8, a),
                shift(MONDAY.plusDays(1), 6, 8, b), shift(MONDAY.plusDays(1), 22, 8, c), shift(MONDAY.plusDays(2), 6, 8, c),
                shift(MONDAY.plusDays(3), 14, 8, null));
        var plan = new DutyRosterPlan(List.of(a, b, c), new ArrayList<>(shifts), RULES);
        var explanation = new RosterSolver(Duration.ofSeconds(1)).explain(plan);
        var breaches = explanation.breaches();
        assertThat(breaches.stream().mapToLong(RosterSolver.Breach::hard).sum())
                .isEqualTo(-explanation.score().hardScore());
        assertThat(breaches.stream().mapToLong(RosterSolver.Breach::medium).sum())
                .isEqualTo(-explanation.score().mediumScore());
        assertThat(breaches.stream().mapToLong(RosterSolver.Breach::soft).sum())
                .isEqualTo(-explanation.score().softScore());
        assertThat(explanation.count(RosterConstraints.UNAVAILABLE)).isEqualTo(3);
        assertThat(explanation.count(RosterConstraints.OVERLAP)).isEqualTo(1);
        assertThat(explanation.count(RosterConstraints.MISSING_CATEGORY)).isEqualTo(1);
        assertThat(explanation.unfilled()).isEqualTo(1);
    }

    static List<ShiftAssignment> seats(int posts, int headcount, int days) {
        var out = new ArrayList<ShiftAssignment>();
        for (int p = 0; p < posts; p++) {
            var postId = UUID.randomUUID();
            for (int d = 0; d < days; d++) {
                for (int h : new int[] {6, 14, 22}) {
                    for (int seat = 1; seat <= headcount; seat++) {
                        var start = MONDAY.plusDays(d).atTime(h, 0);
                        out.add(new ShiftAssignment(UUID.randomUUID(), postId, "门" + p, "A", VolunteerCategory.GATE,
                                false, start, start.plusHours(8), seat, MONDAY, null));
                    }
                }
            }
        }
        return out;
    }

}
