package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.liandong.platform.ChineseIdNumber;

class DemoIdNumbersUnitTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Test
    void numbersAreValidUniqueAndCarryTheSex() {
        var ids = new DemoIdNumbers();
        var seen = new HashSet<String>();
        var birth = LocalDate.of(1944, 2, 29);
        for (int i = 0; i < 200; i++) {
            var sex = i % 2 == 0 ? 'M' : 'F';
            var id = ids.next("310104", birth, sex);
            assertThat(ChineseIdNumber.check(id.value(), TODAY)).isNull();
            assertThat(id.value()).startsWith("31010419440229");
            assertThat(id.birthDate()).isEqualTo(birth);
            assertThat(id.male()).isEqualTo(sex == 'M');
            assertThat(seen.add(id.value())).isTrue();
            // 100–899 belong to the test fixtures
            var sequence = Integer.parseInt(id.value().substring(14, 17));
            assertThat(sequence < 100 || sequence > 899).as("sequence %s", sequence).isTrue();
        }
    }

    @Test
    void aHundredOfOneSexPerDayIsTheLimit() {
        var ids = new DemoIdNumbers();
        var birth = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < DemoIdNumbers.PER_DAY_AND_SEX; i++) {
            ids.next("420102", birth, 'F');
        }
        assertThat(ids.next("420102", birth, 'M').male()).isTrue();
        assertThat(ids.next("310104", birth, 'F').value()).startsWith("310104");
        assertThatThrownBy(() -> ids.next("420102", birth, 'F')).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sequencesSkipTheFixtureRange() {
        assertThat(DemoIdNumbers.sequence(0, false)).isZero();
        assertThat(DemoIdNumbers.sequence(0, true)).isEqualTo(1);
        assertThat(DemoIdNumbers.sequence(49, true)).isEqualTo(99);
        assertThat(DemoIdNumbers.sequence(50, false)).isEqualTo(900);
        assertThat(DemoIdNumbers.sequence(99, true)).isEqualTo(999);
    }
}
