package org.liandong.volunteer.roster;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import java.util.List;
import java.util.Objects;

/**
 * The roster's rules as constraint streams. Constraint names are message-key suffixes
 * ({@code roster.constraint.<name>}) so people read them in their language.
 */
public class RosterConstraints implements ConstraintProvider {

    public static final String UNAVAILABLE = "unavailable";
    public static final String MISSING_CATEGORY = "missing-category";
    public static final String OVERLAP = "overlap";
    public static final String REST = "rest";
    public static final String HOURS = "hours";
    public static final String UNFILLED = "unfilled";
    public static final String NIGHTS = "nights";
    public static final String OTHER_COMMUNITY = "other-community";
    public static final String BALANCE = "balance";

    /** Hard rules first, then empty seats, then preferences: the order the page lists them. */
    public static final List<String> ALL = List.of(UNAVAILABLE, MISSING_CATEGORY, OVERLAP, REST, HOURS, UNFILLED,
            NIGHTS, OTHER_COMMUNITY, BALANCE);

    static final int OTHER_COMMUNITY_WEIGHT = 100;
    static final int NIGHT_WEIGHT = 64;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {unavailable(f), missingCategory(f), overlap(f), rest(f), hours(f), unfilled(f),
                nights(f), otherCommunity(f), balance(f)};
    }

    Constraint unavailable(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .filter(s -> !Objects.requireNonNull(s.volunteer()).availableFor(s))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(UNAVAILABLE);
    }

    Constraint missingCategory(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .filter(s -> !Objects.requireNonNull(s.volunteer()).canServe(s))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(MISSING_CATEGORY);
    }

    Constraint overlap(ConstraintFactory f) {
        return f.forEachUniquePair(ShiftAssignment.class, Joiners.equal(ShiftAssignment::volunteer),
                        Joiners.overlapping(ShiftAssignment::start, ShiftAssignment::end))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(OVERLAP);
    }

    /** Two shifts of one volunteer closer than the minimum rest; penalised by the hours missing. */
    Constraint rest(ConstraintFactory f) {
        return f.forEachUniquePair(ShiftAssignment.class, Joiners.equal(ShiftAssignment::volunteer))
                .join(RosterRules.class)
                .filter((a, b, rules) -> {
                    var gap = ShiftAssignment.gapMinutes(a, b);
                    return gap >= 0 && gap < rules.minRestMinutes();
                })
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (a, b, rules) -> (int) Math.ceil((rules.minRestMinutes() - ShiftAssignment.gapMinutes(a, b))
                                / 60.0))
                .asConstraint(REST);
    }

    /** More hours in a roster week than the volunteer offered; penalised by the hours over. */
    Constraint hours(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .groupBy(ShiftAssignment::volunteer, ShiftAssignment::week, sum(ShiftAssignment::minutes))
                .filter((v, week, minutes) -> minutes > Objects.requireNonNull(v).hoursPerWeek() * 60)
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (v, week, minutes) -> (int) Math.ceil((minutes - Objects.requireNonNull(v).hoursPerWeek() * 60)
                                / 60.0))
                .asConstraint(HOURS);
    }

    Constraint unfilled(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(ShiftAssignment.class)
                .filter(s -> s.volunteer() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM)
                .asConstraint(UNFILLED);
    }

    /** Squared night count per volunteer: the total is fixed, so squares reward spreading nights evenly. */
    Constraint nights(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .filter(ShiftAssignment::night)
                .groupBy(ShiftAssignment::volunteer, count())
                .penalize(HardMediumSoftScore.ONE_SOFT, (v, n) -> NIGHT_WEIGHT * n * n)
                .asConstraint(NIGHTS);
    }

    Constraint otherCommunity(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .filter(s -> !Objects.requireNonNull(s.volunteer()).communityId().equals(s.communityId()))
                .penalize(HardMediumSoftScore.ONE_SOFT, s -> OTHER_COMMUNITY_WEIGHT)
                .asConstraint(OTHER_COMMUNITY);
    }

    /** Squared hours per volunteer over the roster: spreads the load rather than wearing out a few. */
    Constraint balance(ConstraintFactory f) {
        return f.forEach(ShiftAssignment.class)
                .groupBy(ShiftAssignment::volunteer, sum(s -> s.minutes() / 60))
                .penalize(HardMediumSoftScore.ONE_SOFT, (v, h) -> h * h)
                .asConstraint(BALANCE);
    }
}
