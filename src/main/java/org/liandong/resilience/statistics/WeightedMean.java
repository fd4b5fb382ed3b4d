package org.liandong.resilience.statistics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The weighted mean of a sample with its 95 % confidence interval. The variance is the linearisation
 * (Taylor-series) estimate of a ratio mean under with-replacement sampling,
 * v = n / (n − 1) · Σ w²(x − x̄)² / (Σ w)², which for equal weights is exactly s² / n; the interval uses
 * Student's t with n − 1 degrees of freedom.
 */
public final class WeightedMean {

    public static final String TOO_FEW = "resilience.stats.too-few";

    private WeightedMean() {
    }

    /** Suppressed (with a reason) when fewer than {@code minimumN} values, or fewer than 2, are there. */
    public static Estimate of(double[] values, double[] weights, int minimumN) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException("one weight per value");
        }
        int n = values.length;
        double sw = 0;
        double sw2 = 0;
        double swx = 0;
        for (int i = 0; i < n; i++) {
            sw += weights[i];
            sw2 += weights[i] * weights[i];
            swx += weights[i] * values[i];
        }
        double effectiveN = sw2 == 0 ? 0 : sw * sw / sw2;
        if (n < Math.max(2, minimumN) || sw <= 0) {
            return Estimate.suppressed(TOO_FEW, n, effectiveN);
        }
        double mean = swx / sw;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = weights[i] * (values[i] - mean);
            ss += d * d;
        }
        double se = Math.sqrt((double) n / (n - 1) * ss / (sw * sw));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(mean, se, mean - t * se, mean + t * se, n, effectiveN, null);
    }

    public static Estimate unweighted(double[] values, int minimumN) {
        var ones = new double[values.length];
        java.util.Arrays.fill(ones, 1.0);
        return of(values, ones, minimumN);
    }
}
