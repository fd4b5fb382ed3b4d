package org.liandong.resilience.indicator;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.resilience.Dimension;

/**
 * A pillar sub-index: the equal-weight mean of the measured scores of one dimension's indicators (suppressed and
 * no-data readings are left out, never counted as 0), with the weight-sensitivity view — what the sub-index would
 * be if one indicator's weight were doubled or halved while the others stay at 1.
 */
public record Pillar(Dimension dimension, @Nullable Double score, int measured, int of, List<Sensitivity> sensitivity) {

    public record Sensitivity(Indicator indicator, double doubled, double halved) {
        public long doubledRounded() {
            return Math.round(doubled);
        }

        public long halvedRounded() {
            return Math.round(halved);
        }
    }

    static Pillar of(Dimension dimension, List<Measurement> measurements) {
        var measured = measurements.stream().filter(Measurement::measured).toList();
        if (measured.isEmpty()) {
            return new Pillar(dimension, null, 0, measurements.size(), List.of());
        }
        var mean = weighted(measured, null, 1);
        var sensitivity = measured.stream().map(m -> new Sensitivity(m.indicator(), weighted(measured, m, 2),
                weighted(measured, m, 0.5))).toList();
        return new Pillar(dimension, mean, measured.size(), measurements.size(), sensitivity);
    }

    /** Weighted mean with weight {@code w} on {@code special} and 1 on the rest. */
    static double weighted(List<Measurement> measured, @Nullable Measurement special, double w) {
        var sum = 0.0;
        var weights = 0.0;
        for (var m : measured) {
            var weight = m == special ? w : 1;
            sum += weight * nonNull(m.reading().score());
            weights += weight;
        }
        return sum / weights;
    }

    private static double nonNull(@Nullable Double d) {
        return d == null ? 0 : d;
    }

    public @Nullable Long scoreRounded() {
        return score == null ? null : Math.round(score);
    }

    /** The widest the sub-index moves under any single doubling or halving. */
    public double spread() {
        if (score == null) {
            return 0;
        }
        return sensitivity.stream().mapToDouble(s -> Math.max(Math.abs(s.doubled() - score), Math.abs(s.halved() - score)))
                .max().orElse(0);
    }
}
