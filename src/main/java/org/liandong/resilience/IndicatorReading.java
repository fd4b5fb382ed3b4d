package org.liandong.resilience;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One operational indicator of one community over one window (RESILIENCE.md, "Operational indicators"), as the
 * dashboard and the report show it: the value with its numerator and denominator beside it, and its 0–100 score
 * against fixed goalposts. A value is never made up: with no source module or nothing in the window it is
 * {@link Availability#NO_DATA}; with a denominator below the suppression threshold it is
 * {@link Availability#SUPPRESSED}; in both cases value and score are null.
 *
 * @param id           stable id, e.g. {@code volunteers-per-1000}; texts under {@code resilience.indicator.<id>.*}
 * @param dimension    the dimension the indicator informs
 * @param value        the value in its unit (a share as 0–1, a rate per 1,000, hours…)
 * @param numerator    what was counted
 * @param denominator  what it was counted out of
 * @param unitKey      message key of the unit
 * @param score        0–100 against the indicator's fixed floor and target
 * @param from         first day of the window
 * @param to           last day of the window
 * @param computedAt   when the reading was taken (freshness)
 */
public record IndicatorReading(String id, Dimension dimension, @Nullable Double value, @Nullable Double numerator,
                               @Nullable Double denominator, String unitKey, @Nullable Double score,
                               Availability availability, LocalDate from, LocalDate to, Instant computedAt) {

    public enum Availability { MEASURED, SUPPRESSED, NO_DATA }
}
