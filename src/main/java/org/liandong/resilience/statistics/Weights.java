package org.liandong.resilience.statistics;

/**
 * What weighting costs: the range of the weights (scaled to mean 1), Kish's effective sample size
 * n_eff = (Σw)² / Σw² and the design effect of unequal weighting n / n_eff = 1 + CV²(w).
 */
public record Weights(int n, double minimum, double maximum, double effectiveN, double designEffect) {

    public static Weights of(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            return new Weights(0, 0, 0, 0, 1);
        }
        double sw = 0;
        double sw2 = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double w : weights) {
            sw += w;
            sw2 += w * w;
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        double mean = sw / n;
        double effective = sw * sw / sw2;
        return new Weights(n, min / mean, max / mean, effective, n / effective);
    }

    /** Kish's effective sample size of a set of weights. */
    public static double kishEffectiveN(double[] weights) {
        return of(weights).effectiveN();
    }
}
