package org.liandong.volunteer.roster;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

/**
 * Timefold Solver, set up by hand (no starter for Boot 4): solves rosters in the background, one job per
 * roster, keeps the best score so far for the progress page, and explains a roster's score.
 */
public class RosterSolver implements DisposableBean {

    /** One line of an explanation: a rule, how often it is broken, and the score it costs. */
    public record Breach(String constraint, int count, long hard, long medium, long soft)
            implements java.io.Serializable {

        public boolean hardRule() {
            return hard != 0;
        }

        public String messageKey() {
            return "roster.constraint." + constraint;
        }
    }

    /** How a running (or finished) solve stands. */
    public record Progress(UUID rosterId, Instant started, @Nullable HardMediumSoftScore best, long filled,
                           int seats, boolean done, @Nullable String failure) {

        public long elapsedSeconds() {
            return Duration.between(started, Instant.now()).toSeconds();
        }
    }

    private final SolverFactory<DutyRosterPlan> factory;
    private final SolverManager<DutyRosterPlan> manager;
    private final SolutionManager<DutyRosterPlan, HardMediumSoftScore> solutions;
    private final Map<UUID, Progress> progress = new ConcurrentHashMap<>();

    public RosterSolver(Duration timeLimit) {
        var config = new SolverConfig()
                .withSolutionClass(DutyRosterPlan.class)
                .withEntityClasses(ShiftAssignment.class)
                .withConstraintProviderClass(RosterConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NON_REPRODUCIBLE)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit));
        this.factory = SolverFactory.create(config);
        // two cores: one roster at a time is solved, others wait their turn
        this.manager = SolverManager.create(factory, new SolverManagerConfig().withParallelSolverCount("1"));
        this.solutions = SolutionManager.create(factory);
    }

    /** Solves in the foreground (tests, the benchmark). */
    public DutyRosterPlan solve(DutyRosterPlan plan) {
        return factory.buildSolver().solve(plan);
    }

    /** Solves in the foreground and reports each new best score with the milliseconds spent (benchmark). */
    public DutyRosterPlan solve(DutyRosterPlan plan, java.util.function.ObjLongConsumer<HardMediumSoftScore> onBest) {
        var solver = factory.buildSolver();
        solver.addEventListener(event -> onBest.accept((HardMediumSoftScore) event.getNewBestScore(),
                event.getTimeMillisSpent()));
        return solver.solve(plan);
    }

    /** Starts a background solve; {@code finished} gets the final best roster (on the solver's thread). */
    public void start(UUID rosterId, DutyRosterPlan plan, Consumer<DutyRosterPlan> finished) {
        start(rosterId, plan, null, finished);
    }

    /** As {@link #start(UUID, DutyRosterPlan, Consumer)}, searching for at most {@code limit} instead of the set time. */
    public void start(UUID rosterId, DutyRosterPlan plan, @Nullable Duration limit,
                      Consumer<DutyRosterPlan> finished) {
        var seats = plan.shifts().size();
        progress.put(rosterId, new Progress(rosterId, Instant.now(), null, plan.filled(), seats, false, null));
        var builder = manager.solveBuilder();
        if (limit != null) {
            builder = builder.withConfigOverride(new SolverConfigOverride()
                    .withTerminationSpentLimit(limit));
        }
        builder.withProblemId(rosterId)
                .withProblem(plan)
                .withBestSolutionEventConsumer(event -> update(rosterId, event.solution(), false))
                .withFinalBestSolutionEventConsumer(event -> {
                    try {
                        finished.accept(event.solution());
                        update(rosterId, event.solution(), true);
                    } catch (RuntimeException e) {
                        fail(rosterId, e);
                    }
                })
                .withExceptionHandler((id, e) -> fail(rosterId, e))
                .run();
    }

    public @Nullable Progress progress(UUID rosterId) {
        return progress.get(rosterId);
    }

    public void stop(UUID rosterId) {
        manager.terminateEarly(rosterId);
    }

    private void update(UUID rosterId, DutyRosterPlan best, boolean done) {
        progress.computeIfPresent(rosterId, (id, p) -> new Progress(id, p.started(), best.score(), best.filled(),
                p.seats(), done, null));
    }

    private void fail(UUID rosterId, Throwable e) {
        progress.computeIfPresent(rosterId, (id, p) -> new Progress(id, p.started(), p.best(), p.filled(), p.seats(),
                true, e.getClass().getSimpleName()));
    }

    /** Scores a roster as it stands and lists every broken rule, hard first. */
    public Explanation explain(DutyRosterPlan plan) {
        var score = solutions.update(plan);
        return new Explanation(score, RosterReview.breaches(plan));
    }

    /** A score and what made it. */
    public record Explanation(HardMediumSoftScore score, List<Breach> breaches) {

        public boolean feasible() {
            return score.hardScore() == 0;
        }

        public long unfilled() {
            return -score.mediumScore();
        }

        public int count(String constraint) {
            return breaches.stream().filter(b -> b.constraint().equals(constraint)).mapToInt(Breach::count).sum();
        }

        public List<Breach> hardBreaches() {
            return breaches.stream().filter(Breach::hardRule).toList();
        }
    }

    @Override
    public void destroy() {
        manager.close();
    }
}
