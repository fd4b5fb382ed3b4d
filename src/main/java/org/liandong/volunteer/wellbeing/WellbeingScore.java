package org.liandong.volunteer.wellbeing;

import java.util.List;
import java.util.Locale;

/**
 * Six questions about the last two weeks, each answered 0 (not at all) to 3 (nearly every day): sleep,
 * exhaustion, worry, low mood, irritability, and feeling unable to go on. The wording is ours; the shape
 * (short frequency items, summed) follows common brief screening scales. Any answer above 1 to the last
 * question, or a total of 12 or more, is high risk: someone calls the same day.
 */
record WellbeingScore(List<Integer> answers) {

    static final int QUESTIONS = 6;
    static final int LAST = QUESTIONS - 1;

    enum Risk {
        LOW, MEDIUM, HIGH;

        public String messageKey() {
            return "wellbeing.risk." + name().toLowerCase(Locale.ROOT);
        }
    }

    WellbeingScore {
        if (answers.size() != QUESTIONS || answers.stream().anyMatch(a -> a == null || a < 0 || a > 3)) {
            throw new IllegalArgumentException("six answers from 0 to 3");
        }
        answers = List.copyOf(answers);
    }

    int total() {
        return answers.stream().mapToInt(Integer::intValue).sum();
    }

    Risk risk() {
        if (answers.get(LAST) >= 2 || total() >= 12) {
            return Risk.HIGH;
        }
        return total() >= 7 || answers.get(LAST) == 1 ? Risk.MEDIUM : Risk.LOW;
    }

    String encoded() {
        return String.join(",", answers.stream().map(String::valueOf).toList());
    }
}
