package org.liandong.volunteer;

import java.time.DayOfWeek;

/**
 * When a volunteer can usually help: a weekly pattern of 7 days × 3 periods (morning 06–14, afternoon
 * 14–22, night 22–06), stored as 21 characters of '1'/'0', Monday morning first.
 */
public record Availability(String pattern) {

    public enum Period { MORNING, AFTERNOON, NIGHT }

    public Availability {
        if (pattern == null || !pattern.matches("[01]{21}")) {
            throw new IllegalArgumentException("availability needs 21 characters of 0/1");
        }
    }

    public static Availability always() {
        return new Availability("1".repeat(21));
    }

    public static Availability of(boolean[][] weekByPeriod) {
        var b = new StringBuilder(21);
        for (int d = 0; d < 7; d++) {
            for (int p = 0; p < 3; p++) {
                b.append(weekByPeriod[d][p] ? '1' : '0');
            }
        }
        return new Availability(b.toString());
    }

    public boolean available(DayOfWeek day, Period period) {
        return pattern.charAt((day.getValue() - 1) * 3 + period.ordinal()) == '1';
    }

    public boolean none() {
        return pattern.indexOf('1') < 0;
    }

    public int slots() {
        return (int) pattern.chars().filter(c -> c == '1').count();
    }
}
