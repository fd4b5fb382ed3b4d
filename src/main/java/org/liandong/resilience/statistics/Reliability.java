package org.liandong.resilience.statistics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.FDistribution;
import org.jspecify.annotations.Nullable;

/**
 * Internal consistency of a scale: Cronbach's α, its Feldt (1965) confidence interval
 * L = 1 − (1 − α)·F(1 − c/2; n − 1, (n − 1)(k − 1)), U = 1 − (1 − α)·F(c/2; …), the corrected item–total
 * correlation of each item (with the sum of the other items) and α if the item is deleted. Computed on complete
 * cases (respondents who answered every item of the scale).
 */
public final class Reliability {

    public static final String TOO_FEW = "resilience.stats.too-few";
    public static final String NO_VARIANCE = "resilience.stats.no-variance";

    /** α and the rest; {@code alphaIfDeleted} is null for a two-item scale and correlations null for a constant item. */
    public record Result(int n, int k, double alpha, double lower, double upper, @Nullable Double[] itemTotal,
                         @Nullable Double[] alphaIfDeleted) {
    }

    private Reliability() {
    }

    /** Call {@link #reasonNotComputable} first: data it refuses throw an {@link IllegalArgumentException} here. */
    public static Result of(double[][] data) {
        var reason = reasonNotComputable(data);
        if (reason != null) {
            throw new IllegalArgumentException(reason);
        }
        int n = data.length;
        int k = data[0].length;
        double alpha = alpha(data, -1);
        var f1 = new FDistribution(n - 1, (double) (n - 1) * (k - 1));
        double lower = 1 - (1 - alpha) * f1.inverseCumulativeProbability(0.975);
        double upper = 1 - (1 - alpha) * f1.inverseCumulativeProbability(0.025);
        var itemTotal = new Double[k];
        var ifDeleted = new Double[k];
        for (int j = 0; j < k; j++) {
            var item = new double[n];
            var rest = new double[n];
            for (int i = 0; i < n; i++) {
                item[i] = data[i][j];
                rest[i] = Arrays.stream(data[i]).sum() - data[i][j];
            }
            itemTotal[j] = correlation(item, rest);
            ifDeleted[j] = k > 2 ? finite(alpha(data, j)) : null;
        }
        return new Result(n, k, alpha, lower, upper, itemTotal, ifDeleted);
    }

    /** The message key of why α cannot be computed for these data, or null if it can. */
    public static @Nullable String reasonNotComputable(double[][] data) {
        if (data.length < 3 || data[0].length < 2) {
            return TOO_FEW;
        }
        var totals = Arrays.stream(data).mapToDouble(r -> Arrays.stream(r).sum()).toArray();
        return variance(totals) == 0 ? NO_VARIANCE : null;
    }

    /** α of the items, leaving out item {@code skip} (or none when −1). */
    static double alpha(double[][] data, int skip) {
        int n = data.length;
        int k = data[0].length - (skip >= 0 ? 1 : 0);
        double sumItemVariances = 0;
        var totals = new double[n];
        for (int j = 0; j < data[0].length; j++) {
            if (j == skip) {
                continue;
            }
            var column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = data[i][j];
                totals[i] += data[i][j];
            }
            sumItemVariances += variance(column);
        }
        return (double) k / (k - 1) * (1 - sumItemVariances / variance(totals));
    }

    static double variance(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return x.length < 2 ? 0 : ss / (x.length - 1);
    }

    static @Nullable Double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy);
    }

    private static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
