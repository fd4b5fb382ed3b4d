package org.liandong.resilience.indicator;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.liandong.resilience.IndicatorReading;
import org.liandong.resilience.IndicatorReading.Availability;

/**
 * One indicator as this module's pages show it: the contract's {@link IndicatorReading} plus what only the
 * indicator page needs — a second figure (the 90th percentile beside a median) and why there is no value.
 *
 * @param secondary   a second value in the same unit (indicator 4: the 90th-percentile hours), or null
 * @param reasonKey   message key saying why there is no data, or null
 */
public record Measurement(Indicator indicator, IndicatorReading reading, @Nullable Double secondary,
                          @Nullable String reasonKey) {

    /** What a computation found before goalposts and suppression are applied. */
    record Count(@Nullable Double numerator, double denominator, double value, @Nullable Double secondary) {
    }

    static Measurement of(Indicator indicator, Count count, int minDenominator, LocalDate from, LocalDate to,
                          Instant at) {
        if (count.denominator() < minDenominator) {
            return new Measurement(indicator, new IndicatorReading(indicator.id(), indicator.dimension(), null, null,
                    count.denominator(), indicator.unit().messageKey(), null, Availability.SUPPRESSED, from, to, at),
                    null, null);
        }
        return new Measurement(indicator, new IndicatorReading(indicator.id(), indicator.dimension(), count.value(),
                count.numerator(), count.denominator(), indicator.unit().messageKey(), indicator.score(count.value()),
                Availability.MEASURED, from, to, at), count.secondary(), null);
    }

    static Measurement noData(Indicator indicator, String reasonKey, LocalDate from, LocalDate to, Instant at) {
        return new Measurement(indicator, new IndicatorReading(indicator.id(), indicator.dimension(), null, null, null,
                indicator.unit().messageKey(), null, Availability.NO_DATA, from, to, at), null, reasonKey);
    }

    public boolean measured() {
        return reading.availability() == Availability.MEASURED;
    }

    public boolean suppressed() {
        return reading.availability() == Availability.SUPPRESSED;
    }

    /** The value as people read it: a percentage for shares, one decimal otherwise. */
    public @Nullable String shown() {
        return format(reading.value());
    }

    public @Nullable String secondaryShown() {
        return format(secondary);
    }

    private @Nullable String format(@Nullable Double v) {
        if (v == null) {
            return null;
        }
        return indicator.unit() == Indicator.Unit.SHARE ? String.format(java.util.Locale.ROOT, "%.0f%%", v * 100)
                : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    public @Nullable Long scoreRounded() {
        return reading.score() == null ? null : Math.round(reading.score());
    }

    public @Nullable Long numeratorShown() {
        return reading.numerator() == null ? null : Math.round(reading.numerator());
    }

    public @Nullable Long denominatorShown() {
        return reading.denominator() == null ? null : Math.round(reading.denominator());
    }
}
