package org.liandong.resilience.statistics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The change of a mean between two independent samples (two survey rounds): after − before, its standard error
 * √(se₁² + se₂²) and a 95 % interval with Welch–Satterthwaite degrees of freedom.
 */
public final class Change {

    public static final String NOT_COMPARABLE = "resilience.stats.change-suppressed";

    private Change() {
    }

    public static Estimate between(Estimate before, Estimate after) {
        if (!before.available() || !after.available()) {
            return Estimate.suppressed(NOT_COMPARABLE, Math.min(before.n(), after.n()),
                    Math.min(before.effectiveN(), after.effectiveN()));
        }
        double v1 = before.standardError() * before.standardError();
        double v2 = after.standardError() * after.standardError();
        double se = Math.sqrt(v1 + v2);
        double diff = after.value() - before.value();
        double df = v1 + v2 == 0 ? before.n() + after.n() - 2
                : (v1 + v2) * (v1 + v2) / (v1 * v1 / (before.n() - 1) + v2 * v2 / (after.n() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        return new Estimate(diff, se, diff - t * se, diff + t * se, before.n() + after.n(),
                before.effectiveN() + after.effectiveN(), null);
    }
}
