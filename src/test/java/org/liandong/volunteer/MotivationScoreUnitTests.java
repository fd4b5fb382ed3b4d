package org.liandong.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MotivationScoreUnitTests {

    @Test
    void theBestAnswersScoreOneHundredAndTheWeakestStayAboveZero() {
        assertThat(MotivationScore.of(Map.of("why", "neighbours", "prior", "regular", "nights", "yes", "team", "team",
                "commitment", "whole-crisis"))).isEqualTo(100);
        assertThat(MotivationScore.of(Map.of("why", "asked", "prior", "never", "nights", "no", "team", "solo",
                "commitment", "few-days"))).isEqualTo(10 + 5 + 0 + 4 + 4);
    }

    @Test
    void unknownOrMissingAnswersCountZeroAndAreReported() {
        var answers = Map.of("why", "duty", "prior", "<script>", "nights", "sometimes");
        assertThat(MotivationScore.of(answers)).isEqualTo(25 + 10);
        assertThat(MotivationScore.unanswered(answers)).containsExactly(MotivationScore.Question.PRIOR,
                MotivationScore.Question.TEAM, MotivationScore.Question.COMMITMENT);
    }

    @Test
    void everyQuestionsBestOptionsAddUpToExactlyOneHundred() {
        int sum = 0;
        for (var q : MotivationScore.Question.values()) {
            sum += q.max();
            assertThat(q.options()).allSatisfy(o -> assertThat(q.points(o)).isPresent());
        }
        assertThat(sum).isEqualTo(100);
    }

    @Test
    void answersSurviveStorage() {
        var answers = Map.of("why", "experience", "prior", "once", "nights", "no", "team", "either",
                "commitment", "two-weeks");
        var stored = MotivationScore.stored(answers);
        assertThat(stored).isEqualTo("why=experience;prior=once;nights=no;team=either;commitment=two-weeks");
        assertThat(MotivationScore.parse(stored)).isEqualTo(answers);
        assertThat(MotivationScore.of(MotivationScore.parse(stored))).isEqualTo(15 + 12 + 0 + 10 + 12);
    }
}
