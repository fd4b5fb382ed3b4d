package org.liandong.resilience.statistics;

import java.util.Arrays;
import org.liandong.platform.InvalidValueException;

/**
 * Raking (iterative proportional fitting, Deming &amp; Stephan 1940): weights that make the sample's weighted
 * margins match the population's — here the registry's age-band and sex margins — adjusting one margin after the
 * other until every margin fits. The fitted table keeps the sample's interactions (its odds ratios).
 *
 * <p>A population category with residents but no respondent, or a respondent in a category the population does
 * not have, cannot be raked: the weights would be infinite or zero. Then {@link #rake} refuses with a reason
 * ({@link InvalidValueException}) instead of producing junk.
 */
public final class Raking {

    public static final String EMPTY_MARGIN = "resilience.weights.empty-margin";
    public static final String EMPTY_CELL = "resilience.weights.empty-cell";
    public static final String NO_POPULATION = "resilience.weights.no-population";
    public static final String NOT_CONVERGED = "resilience.weights.not-converged";

    /** Weights, one per respondent, summing to the population total, and the number of sweeps it took. */
    public record Result(double[] weights, int iterations) {
    }

    private Raking() {
    }

    /**
     * @param categories for each respondent, its category in each margin ({@code categories[i][m]})
     * @param targets    for each margin, the population count of each category ({@code targets[m][c]})
     */
    public static Result rake(int[][] categories, double[][] targets) {
        int n = categories.length;
        int margins = targets.length;
        double total = Arrays.stream(targets[0]).sum();
        for (int m = 0; m < margins; m++) {
            double sum = Arrays.stream(targets[m]).sum();
            if (sum <= 0) {
                throw new InvalidValueException(EMPTY_MARGIN, m);
            }
            var counts = new int[targets[m].length];
            for (var row : categories) {
                counts[row[m]]++;
            }
            for (int c = 0; c < counts.length; c++) {
                if (targets[m][c] > 0 && counts[c] == 0) {
                    throw new InvalidValueException(EMPTY_CELL, m, c);
                }
                if (targets[m][c] <= 0 && counts[c] > 0) {
                    throw new InvalidValueException(NO_POPULATION, m, c);
                }
            }
        }
        if (n == 0) {
            throw new InvalidValueException(EMPTY_MARGIN, 0);
        }
        var w = new double[n];
        Arrays.fill(w, total / n);
        for (int iteration = 1; iteration <= 200; iteration++) {
            double worst = 0;
            for (int m = 0; m < margins; m++) {
                // each margin scaled to the first margin's total, should the registry's margins differ slightly
                double scale = total / Arrays.stream(targets[m]).sum();
                var sums = new double[targets[m].length];
                for (int i = 0; i < n; i++) {
                    sums[categories[i][m]] += w[i];
                }
                for (int c = 0; c < sums.length; c++) {
                    if (sums[c] > 0) {
                        worst = Math.max(worst, Math.abs(sums[c] - targets[m][c] * scale) / (targets[m][c] * scale));
                    }
                }
                for (int i = 0; i < n; i++) {
                    int c = categories[i][m];
                    w[i] *= targets[m][c] * scale / sums[c];
                }
            }
            if (worst < 1e-10) {
                return new Result(w, iteration);
            }
        }
        throw new InvalidValueException(NOT_CONVERGED);
    }
}
