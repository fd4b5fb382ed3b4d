package org.liandong.care.referral;

import java.util.List;
import java.util.Locale;
import org.liandong.platform.InvalidValueException;

/**
 * One filled-in questionnaire and what it means. Risk: {@code HIGH} — a score of 15 or more, or any answer
 * above 0 on PHQ-9 item 9 (thoughts of death or self-harm), which opens an urgent referral to the on-call
 * expert; {@code MEDIUM} — 10 to 14; {@code LOW} below.
 */
public record Screening(Instrument instrument, List<Integer> answers) {

    public enum Risk {
        LOW, MEDIUM, HIGH;

        public String messageKey() {
            return "care.risk." + name().toLowerCase(Locale.ROOT);
        }
    }

    public Screening {
        answers = List.copyOf(answers);
        if (answers.size() != instrument.items()) {
            throw new InvalidValueException("care.screening.answer-all", instrument.items());
        }
        for (var a : answers) {
            if (a == null || a < 0 || a > 3) {
                throw new InvalidValueException("care.screening.answer-all", instrument.items());
            }
        }
    }

    public static Screening of(Instrument instrument, List<String> typed) {
        if (typed.size() != instrument.items()) {
            throw new InvalidValueException("care.screening.answer-all", instrument.items());
        }
        try {
            return new Screening(instrument, typed.stream().map(s -> Integer.parseInt(s.strip())).toList());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("care.screening.answer-all", instrument.items());
        }
    }

    public int score() {
        return answers.stream().mapToInt(Integer::intValue).sum();
    }

    /** PHQ-9 item 9; 0 for GAD-7. */
    public int item9() {
        return instrument == Instrument.PHQ9 ? answers.get(8) : 0;
    }

    public Risk risk() {
        if (item9() > 0 || score() >= 15) {
            return Risk.HIGH;
        }
        return score() >= 10 ? Risk.MEDIUM : Risk.LOW;
    }

    public boolean urgent() {
        return risk() == Risk.HIGH;
    }
}
