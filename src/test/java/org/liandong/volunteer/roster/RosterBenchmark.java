package org.liandong.volunteer.roster;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.liandong.volunteer.Availability;
import org.liandong.volunteer.VolunteerCategory;

/**
 * Roster solving at street scale (bench/roster.sh; not run by the test suite): 500 volunteers, 10 posts ×
 * 3 shifts × 14 days × 2 seats = 840 seats. Measures Timefold to the first complete roster with no broken
 * rule and its score after the time limit, against a greedy first-fit baseline in the same run.
 */
public final class RosterBenchmark {

    private RosterBenchmark() {
    }

    public static void main(String[] args) {
        var seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        var volunteers = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        var random = new Random(42);
        var start = LocalDate.of(2026, 11, 23);
        var rules = new RosterRules(11 * 60);

        System.out.printf("roster benchmark: %d volunteers, 10 posts x 3 shifts x 14 days x 2 seats, limit %d s%n",
                volunteers, seconds);
        // warm-up (JIT) on a small problem
        new RosterSolver(Duration.ofSeconds(3)).solve(problem(new Random(1), 60, start, rules, 2));

        var greedyPlan = problem(new Random(42), volunteers, start, rules, 10);
        var t0 = System.nanoTime();
        greedy(greedyPlan);
        var greedyMillis = (System.nanoTime() - t0) / 1_000_000.0;
        var solver = new RosterSolver(Duration.ofSeconds(seconds));
        var greedyScore = solver.explain(greedyPlan);
        System.out.printf("baseline greedy first-fit: %.1f ms, score %s (%d of %d seats filled)%n", greedyMillis,
                greedyScore.score(), greedyPlan.filled(), greedyPlan.shifts().size());

        var plan = problem(random, volunteers, start, rules, 10);
        var firstComplete = new AtomicLong(-1);
        var firstFeasibleFull = new AtomicLong(-1);
        var solved = solver.solve(plan, (score, millis) -> {
            if (score.hardScore() == 0 && score.mediumScore() == 0 && firstComplete.get() < 0) {
                firstComplete.set(millis);
            }
            if (score.hardScore() == 0 && firstFeasibleFull.get() < 0 && score.mediumScore()
                    >= greedyScore.score().mediumScore()) {
                firstFeasibleFull.set(millis);
            }
        });
        var result = solver.explain(solved);

        var warm = FirstFitRoster.fill(problem(new Random(42), volunteers, start, rules, 10));
        var warmFirst = new AtomicLong(-1);
        var warmSolved = solver.solve(warm, (score, millis) -> {
            if (score.hardScore() == 0 && score.mediumScore() == 0 && warmFirst.get() < 0) {
                warmFirst.set(millis);
            }
        });
        var warmResult = solver.explain(warmSolved);
        System.out.printf("timefold from first-fit: complete 0-hard after %d ms (+ first-fit), after %d s score %s%n",
                warmFirst.get(), seconds, warmResult.score());
        System.out.printf("timefold: first roster with 0 hard and every seat filled after %s ms%n",
                firstComplete.get() < 0 ? "never" : String.valueOf(firstComplete.get()));
        System.out.printf("timefold: first 0-hard roster at least as full as greedy after %d ms%n",
                firstFeasibleFull.get());
        System.out.printf("timefold: after %d s score %s (%d of %d seats filled)%n", seconds, result.score(),
                solved.filled(), solved.shifts().size());
        for (var b : result.breaches()) {
            System.out.printf("  %-16s count %5d  hard %4d  medium %4d  soft %9d%n", b.constraint(), b.count(),
                    b.hard(), b.medium(), b.soft());
        }
        System.out.println("greedy breakdown:");
        for (var b : greedyScore.breaches()) {
            System.out.printf("  %-16s count %5d  hard %4d  medium %4d  soft %9d%n", b.constraint(), b.count(),
                    b.hard(), b.medium(), b.soft());
        }
        System.exit(0);
    }

    /** Volunteers in 5 communities with random availability (≈ 60 %), categories and hours; posts spread. */
    static DutyRosterPlan problem(Random random, int count, LocalDate start, RosterRules rules, int posts) {
        var volunteers = new ArrayList<RosterVolunteer>();
        for (int i = 0; i < count; i++) {
            var week = new boolean[7][3];
            for (var day : week) {
                for (int p = 0; p < 3; p++) {
                    day[p] = random.nextDouble() < (p == 2 ? 0.35 : 0.6);
                }
            }
            var categories = EnumSet.noneOf(VolunteerCategory.class);
            categories.add(random.nextDouble() < 0.8 ? VolunteerCategory.GATE : VolunteerCategory.DELIVERY);
            if (random.nextDouble() < 0.3) {
                categories.add(VolunteerCategory.DISINFECTION);
            }
            volunteers.add(new RosterVolunteer(new UUID(0, i), "v" + i, "C" + (i % 5), categories,
                    EnumSet.noneOf(VolunteerCategory.class), Availability.of(week), 8 + 4 * random.nextInt(9)));
        }
        var shifts = new ArrayList<ShiftAssignment>();
        long n = 0;
        for (int p = 0; p < posts; p++) {
            var postId = new UUID(1, p);
            for (int d = 0; d < 14; d++) {
                for (int h : new int[] {6, 14, 22}) {
                    for (int seat = 1; seat <= 2; seat++) {
                        var s = start.plusDays(d).atTime(h, 0);
                        shifts.add(new ShiftAssignment(new UUID(2, n++), postId, "门" + p, "C" + (p % 5),
                                VolunteerCategory.GATE, false, s, s.plusHours(8), seat, start, null));
                    }
                }
            }
        }
        return new DutyRosterPlan(volunteers, shifts, rules);
    }

    static void greedy(DutyRosterPlan plan) {
        FirstFitRoster.fill(plan);
    }
}
