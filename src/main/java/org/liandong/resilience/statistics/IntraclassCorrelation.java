package org.liandong.resilience.statistics;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How much neighbourhoods (building groups, communities) differ, from a one-way analysis of variance:
 * ICC(1) = (MSB − MSW) / (MSB + (k₀ − 1)·MSW), the share of variance between groups, and
 * ICC(2) = (MSB − MSW) / MSB, the reliability of the group means (Bliese 2000; Shrout &amp; Fleiss 1979's
 * ICC(1,1) and ICC(1,k)). For unequal groups k₀ = (N − Σ nⱼ² / N) / (G − 1).
 */
public final class IntraclassCorrelation {

    public static final String TOO_FEW = "resilience.stats.icc-too-few";

    public record Result(int groups, int n, double msBetween, double msWithin, double k0, double icc1,
                         double icc2) {
    }

    private IntraclassCorrelation() {
    }

    /** Null when fewer than two groups, or no group has two members, or there is no variance at all. */
    public static @Nullable Result oneWay(List<double[]> groups) {
        var used = groups.stream().filter(g -> g.length > 0).toList();
        int g = used.size();
        int n = used.stream().mapToInt(x -> x.length).sum();
        if (g < 2 || n <= g) {
            return null;
        }
        double grand = used.stream().flatMapToDouble(java.util.Arrays::stream).sum() / n;
        double ssb = 0;
        double ssw = 0;
        double sumSquares = 0;
        for (var group : used) {
            double mean = java.util.Arrays.stream(group).average().orElse(0);
            ssb += group.length * (mean - grand) * (mean - grand);
            for (double v : group) {
                ssw += (v - mean) * (v - mean);
            }
            sumSquares += (double) group.length * group.length;
        }
        double msb = ssb / (g - 1);
        double msw = ssw / (n - g);
        if (msb == 0) {
            return null;
        }
        double k0 = (n - sumSquares / n) / (g - 1);
        return new Result(g, n, msb, msw, k0, (msb - msw) / (msb + (k0 - 1) * msw), (msb - msw) / msb);
    }
}
