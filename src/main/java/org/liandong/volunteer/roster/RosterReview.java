package org.liandong.volunteer.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts, rule by rule, what a roster breaks and what it costs — the same rules as
 * {@link RosterConstraints}, in plain Java. Timefold 2's own score analysis is a commercial feature, so the
 * explanation is computed here; a unit test keeps the two totals equal.
 */
final class RosterReview {

    private RosterReview() {
    }

    static List<RosterSolver.Breach> breaches(DutyRosterPlan plan) {
        var counts = new LinkedHashMap<String, long[]>(); // name -> {count, hard, medium, soft}
        RosterConstraints.ALL.forEach(name -> counts.put(name, new long[4]));
        var assigned = plan.shifts().stream().filter(s -> s.volunteer() != null).toList();
        for (var s : plan.shifts()) {
            if (s.volunteer() == null) {
                add(counts, RosterConstraints.UNFILLED, 0, 1, 0);
            }
        }
        for (var s : assigned) {
            var v = Objects.requireNonNull(s.volunteer());
            if (!v.availableFor(s)) {
                add(counts, RosterConstraints.UNAVAILABLE, 1, 0, 0);
            }
            if (!v.canServe(s)) {
                add(counts, RosterConstraints.MISSING_CATEGORY, 1, 0, 0);
            }
            if (!v.communityId().equals(s.communityId())) {
                add(counts, RosterConstraints.OTHER_COMMUNITY, 0, 0, RosterConstraints.OTHER_COMMUNITY_WEIGHT);
            }
        }
        var byVolunteer = new HashMap<RosterVolunteer, List<ShiftAssignment>>();
        assigned.forEach(s -> byVolunteer.computeIfAbsent(Objects.requireNonNull(s.volunteer()), k -> new ArrayList<>())
                .add(s));
        for (var entry : byVolunteer.entrySet()) {
            var v = entry.getKey();
            var shifts = entry.getValue();
            for (int i = 0; i < shifts.size(); i++) {
                for (int j = i + 1; j < shifts.size(); j++) {
                    var a = shifts.get(i);
                    var b = shifts.get(j);
                    if (a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
                        add(counts, RosterConstraints.OVERLAP, 1, 0, 0);
                    }
                    var gap = ShiftAssignment.gapMinutes(a, b);
                    if (gap >= 0 && gap < plan.rules().minRestMinutes()) {
                        add(counts, RosterConstraints.REST,
                                (long) Math.ceil((plan.rules().minRestMinutes() - gap) / 60.0), 0, 0);
                    }
                }
            }
            Map<Integer, Integer> minutesByWeek = new HashMap<>();
            shifts.forEach(s -> minutesByWeek.merge(s.week(), s.minutes(), Integer::sum));
            for (var minutes : minutesByWeek.values()) {
                if (minutes > v.hoursPerWeek() * 60) {
                    add(counts, RosterConstraints.HOURS, 0, 0, 0);
                    counts.get(RosterConstraints.HOURS)[1] += (long) Math.ceil((minutes - v.hoursPerWeek() * 60) / 60.0);
                }
            }
            var nights = shifts.stream().filter(ShiftAssignment::night).count();
            if (nights > 0) {
                add(counts, RosterConstraints.NIGHTS, 0, 0, RosterConstraints.NIGHT_WEIGHT * nights * nights);
            }
            long hours = shifts.stream().mapToLong(s -> s.minutes() / 60).sum();
            add(counts, RosterConstraints.BALANCE, 0, 0, hours * hours);
        }
        var out = new ArrayList<RosterSolver.Breach>();
        counts.forEach((name, c) -> {
            if (c[0] > 0 && (c[1] != 0 || c[2] != 0 || c[3] != 0)) {
                out.add(new RosterSolver.Breach(name, (int) c[0], c[1], c[2], c[3]));
            }
        });
        return out;
    }

    private static void add(Map<String, long[]> counts, String name, long hard, long medium, long soft) {
        var c = counts.get(name);
        c[0]++;
        c[1] += hard;
        c[2] += medium;
        c[3] += soft;
    }
}
