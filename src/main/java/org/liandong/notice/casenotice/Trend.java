package org.liandong.notice.casenotice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** The direction of the temperature readings: first against last, with 0.3 °C either way counted as stable. */
public enum Trend {
    RISING, FALLING, STABLE, UNKNOWN;

    private static final BigDecimal MARGIN = new BigDecimal("0.3");

    public static Trend of(List<BigDecimal> readings) {
        if (readings.size() < 2) {
            return UNKNOWN;
        }
        var change = readings.getLast().subtract(readings.getFirst());
        if (change.compareTo(MARGIN) > 0) {
            return RISING;
        }
        if (change.negate().compareTo(MARGIN) > 0) {
            return FALLING;
        }
        return STABLE;
    }

    public String messageKey() {
        return "notice.case.trend." + name().toLowerCase(Locale.ROOT);
    }
}
