package org.liandong.resilience.statistics;

import org.jspecify.annotations.Nullable;

/**
 * A mean (or a change) with its standard error and 95 % confidence interval, the unweighted n and the effective n
 * behind it — or, when it may not be shown, the message key of the reason and no number at all (never NaN).
 */
public record Estimate(@Nullable Double value, @Nullable Double standardError, @Nullable Double lower,
                       @Nullable Double upper, int n, double effectiveN, @Nullable String suppressedKey) {

    public static Estimate suppressed(String reasonKey, int n, double effectiveN) {
        return new Estimate(null, null, null, null, n, effectiveN, reasonKey);
    }

    public boolean available() {
        return suppressedKey == null && value != null;
    }

    /** The same estimate on the 0–100 scale of an instrument scored from {@code min} to {@code max}. */
    public Estimate rescaled(int min, int max) {
        if (!available()) {
            return this;
        }
        double f = 100.0 / (max - min);
        return new Estimate((value - min) * f, standardError * f, (lower - min) * f, (upper - min) * f, n,
                effectiveN, null);
    }
}
