package org.liandong.volunteer.roster;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The roster as a planning problem: the seats to fill, the volunteers who may fill them, the rules. Hard
 * score = broken rules, medium = empty seats, soft = fairness and preferences.
 */
@PlanningSolution
public class DutyRosterPlan {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    // annotated fields are public: Timefold reads them directly (no JavaBean getters here)
    public List<RosterVolunteer> volunteers;

    @PlanningEntityCollectionProperty
    public List<ShiftAssignment> shifts;

    @ProblemFactProperty
    public RosterRules rules;

    @PlanningScore
    public @Nullable HardMediumSoftScore score;

    @SuppressWarnings("NullAway.Init")
    DutyRosterPlan() {
        // for the solver's cloning
    }

    public DutyRosterPlan(List<RosterVolunteer> volunteers, List<ShiftAssignment> shifts, RosterRules rules) {
        this.volunteers = volunteers;
        this.shifts = shifts;
        this.rules = rules;
    }

    public List<RosterVolunteer> volunteers() {
        return volunteers;
    }

    public List<ShiftAssignment> shifts() {
        return shifts;
    }

    public RosterRules rules() {
        return rules;
    }

    public @Nullable HardMediumSoftScore score() {
        return score;
    }

    public long filled() {
        return shifts.stream().filter(s -> s.volunteer() != null).count();
    }
}
