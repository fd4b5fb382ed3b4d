package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsUnitTests {

    @Test
    void version7IdsCarryTheirMillisecondAndSortByIt() {
        var at = Instant.parse("2026-12-06T02:00:00.123Z");
        var id = TimeOrderedIds.next(Clock.fixed(at, ZoneOffset.UTC));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(id.toString()).startsWith("01a24914-597b-7");

        var later = TimeOrderedIds.next(Clock.fixed(at.plusMillis(1), ZoneOffset.UTC));
        // PostgreSQL and H2 order uuids by their bytes, i.e. as unsigned numbers: the later one sorts after
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), id.getMostSignificantBits())).isPositive();
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        var clock = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC);
        var seen = new HashSet<java.util.UUID>();
        for (var i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedIds.next(clock));
        }
        assertThat(seen).hasSize(100_000);
    }
}
