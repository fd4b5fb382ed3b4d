package org.liandong.volunteer.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A quick first roster: seats in time order, each to the first volunteer of the post's community (then of
 * any community) who breaks no hard rule. Milliseconds for a street: the benchmark's baseline (test code).
 */
final class FirstFitRoster {

    private FirstFitRoster() {
    }

    /** Fills the empty seats of the plan in place; seats already assigned are kept and counted. */
    static DutyRosterPlan fill(DutyRosterPlan plan) {
        var taken = new HashMap<RosterVolunteer, List<ShiftAssignment>>();
        plan.shifts().stream().filter(s -> s.volunteer() != null)
                .forEach(s -> taken.computeIfAbsent(s.volunteer(), k -> new ArrayList<>()).add(s));
        var sorted = new ArrayList<>(plan.shifts());
        sorted.sort(Comparator.comparing(ShiftAssignment::start));
        for (var shift : sorted) {
            if (shift.volunteer() != null) {
                continue;
            }
            RosterVolunteer chosen = null;
            for (int pass = 0; pass < 2 && chosen == null; pass++) {
                for (var v : plan.volunteers()) {
                    if ((pass == 0) == v.communityId().equals(shift.communityId()) && fits(v, shift, taken, plan.rules())) {
                        chosen = v;
                        break;
                    }
                }
            }
            if (chosen != null) {
                shift.assign(chosen);
                taken.computeIfAbsent(chosen, k -> new ArrayList<>()).add(shift);
            }
        }
        return plan;
    }

    static boolean fits(RosterVolunteer v, ShiftAssignment shift, Map<RosterVolunteer, List<ShiftAssignment>> taken,
                        RosterRules rules) {
        if (!v.canServe(shift) || !v.availableFor(shift)) {
            return false;
        }
        int weekMinutes = shift.minutes();
        for (var other : taken.getOrDefault(v, List.of())) {
            if (ShiftAssignment.gapMinutes(other, shift) < rules.minRestMinutes()) {
                return false;
            }
            if (other.week() == shift.week()) {
                weekMinutes += other.minutes();
            }
        }
        return weekMinutes <= v.hoursPerWeek() * 60;
    }
}
