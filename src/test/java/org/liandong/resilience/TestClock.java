package org.liandong.resilience;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application clock, set by the test: indicators count hours between events (a request accepted within 72 h,
 * an alert opened within 6 h), so tests build their history through the modules' services at chosen times.
 */
public final class TestClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Instant now = Instant.now();

    public void set(Instant at) {
        now = at;
    }

    /** {@code daysAgo} days before today (Shanghai) at the given hour. */
    public Instant at(int daysAgo, int hour) {
        return LocalDate.now(ZONE).minusDays(daysAgo).atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    public void set(int daysAgo, int hour) {
        set(at(daysAgo, hour));
    }

    public void reset() {
        now = Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        var self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
