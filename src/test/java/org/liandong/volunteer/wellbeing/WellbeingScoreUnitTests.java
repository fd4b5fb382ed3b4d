package org.liandong.volunteer.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WellbeingScoreUnitTests {

    @Test
    void sumsAndGradesRisk() {
        assertThat(new WellbeingScore(List.of(0, 1, 1, 0, 1, 0)).risk()).isEqualTo(WellbeingScore.Risk.LOW);
        assertThat(new WellbeingScore(List.of(2, 2, 1, 1, 1, 0)).risk()).isEqualTo(WellbeingScore.Risk.MEDIUM);
        assertThat(new WellbeingScore(List.of(3, 3, 2, 2, 2, 0)).risk()).isEqualTo(WellbeingScore.Risk.HIGH);
        assertThat(new WellbeingScore(List.of(3, 3, 2, 2, 2, 0)).total()).isEqualTo(12);
    }

    @Test
    void theLastQuestionAloneCanMakeItUrgent() {
        assertThat(new WellbeingScore(List.of(0, 0, 0, 0, 0, 1)).risk()).isEqualTo(WellbeingScore.Risk.MEDIUM);
        assertThat(new WellbeingScore(List.of(0, 0, 0, 0, 0, 2)).risk()).isEqualTo(WellbeingScore.Risk.HIGH);
    }

    @Test
    void refusesIncompleteOrOutOfRangeAnswers() {
        assertThatThrownBy(() -> new WellbeingScore(List.of(0, 0, 0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WellbeingScore(List.of(0, 0, 0, 0, 0, 4))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WellbeingScore(List.of(1, 2, 3, 0, 1, 2)).encoded()).isEqualTo("1,2,3,0,1,2");
    }
}
