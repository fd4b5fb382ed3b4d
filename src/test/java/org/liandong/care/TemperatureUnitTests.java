package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.liandong.care.observation.Temperature;
import org.liandong.platform.InvalidValueException;

class TemperatureUnitTests {

    @Test
    void readsWhatPeopleTypeAndFlagsFeverFrom373() {
        assertThat(Temperature.parse("36.5").tenths()).isEqualTo(365);
        assertThat(Temperature.parse(" 36,8 ").tenths()).isEqualTo(368);
        assertThat(Temperature.parse("37.3℃").fever()).isTrue();
        assertThat(Temperature.parse("37.2").fever()).isFalse();
        assertThat(Temperature.parse("34").toString()).isEqualTo("34.0");
        assertThat(Temperature.parse("42.5").tenths()).isEqualTo(425);
    }

    @Test
    void refusesWhatNoLivingBodyMeasures() {
        for (var typo : new String[] {"3.7", "73", "33.9", "42.6", "NaN", "-36.5"}) {
            assertThatThrownBy(() -> Temperature.parse(typo)).isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).messageKey())
                    .isIn("care.checkin.temperature-range", "care.checkin.temperature-format");
        }
        assertThatThrownBy(() -> Temperature.parse("3.7")).hasMessage("care.checkin.temperature-range");
        assertThatThrownBy(() -> Temperature.parse("")).hasMessage("care.checkin.temperature-required");
        assertThatThrownBy(() -> Temperature.parse("abc")).hasMessage("care.checkin.temperature-format");
    }
}
