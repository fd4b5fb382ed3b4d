package org.liandong.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.liandong.care.referral.Instrument;
import org.liandong.care.referral.Screening;
import org.liandong.platform.InvalidValueException;

class ScreeningUnitTests {

    @Test
    void scoresBandsAndRisk() {
        var mild = new Screening(Instrument.PHQ9, List.of(1, 1, 1, 1, 1, 0, 0, 0, 0));
        assertThat(mild.score()).isEqualTo(5);
        assertThat(Instrument.PHQ9.band(mild.score())).isEqualTo(1);
        assertThat(mild.risk()).isEqualTo(Screening.Risk.LOW);

        var item9 = new Screening(Instrument.PHQ9, List.of(0, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThat(item9.score()).isEqualTo(1);
        assertThat(item9.risk()).as("any thought of self-harm is high risk").isEqualTo(Screening.Risk.HIGH);
        assertThat(item9.urgent()).isTrue();

        var moderate = new Screening(Instrument.GAD7, List.of(2, 2, 2, 1, 1, 1, 1));
        assertThat(moderate.score()).isEqualTo(10);
        assertThat(moderate.risk()).isEqualTo(Screening.Risk.MEDIUM);
        assertThat(moderate.item9()).isZero();

        var severe = new Screening(Instrument.GAD7, List.of(3, 3, 3, 2, 2, 1, 1));
        assertThat(severe.risk()).isEqualTo(Screening.Risk.HIGH);
        assertThat(Instrument.GAD7.band(21)).isEqualTo(3);
        assertThat(Instrument.PHQ9.band(27)).isEqualTo(4);
        assertThat(Instrument.PHQ9.band(4)).isZero();
    }

    @Test
    void refusesIncompleteOrOutOfRangeAnswers() {
        assertThatThrownBy(() -> Screening.of(Instrument.GAD7, List.of("1", "2"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Screening.of(Instrument.GAD7, List.of("1", "2", "3", "4", "0", "0", "0")))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Screening.of(Instrument.GAD7, List.of("x", "2", "3", "1", "0", "0", "0")))
                .isInstanceOf(InvalidValueException.class);
    }
}
