package org.liandong.resilience;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads the operational indicators of a community. Implemented by {@code resilience.indicator}; the dashboard and
 * the report ask it for readings and show "no data" where it has none.
 */
public interface IndicatorSource {

    /** The readings of every indicator for the community over the window from..to (inclusive), in a fixed order. */
    List<IndicatorReading> readings(String communityCode, LocalDate from, LocalDate to);
}
