package org.liandong.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A short multiple-choice questionnaire about why and how someone wants to help, scored 0–100 so that a
 * social worker facing hundreds of applications can sort them. The points favour what a prevention team
 * needs in a lockdown: staying power, some experience, readiness for night shifts and for team work.
 * It is a sorting aid, never a reason on its own: the interview decides.
 *
 * <pre>
 * question    options (points)                                                     max
 * why         neighbours 30, duty 25, experience 15, asked 10                      30
 * prior       regular 20, once 12, never 5                                          20
 * nights      yes 20, sometimes 10, no 0                                            20
 * team        team 10, either 10, solo 4                                            10
 * commitment  whole-crisis 20, two-weeks 12, few-days 4                             20
 * </pre>
 */
public final class MotivationScore {

    /** A question, its options in display order and their points. */
    public enum Question {
        WHY(Map.of("neighbours", 30, "duty", 25, "experience", 15, "asked", 10),
                List.of("neighbours", "duty", "experience", "asked")),
        PRIOR(Map.of("regular", 20, "once", 12, "never", 5), List.of("regular", "once", "never")),
        NIGHTS(Map.of("yes", 20, "sometimes", 10, "no", 0), List.of("yes", "sometimes", "no")),
        TEAM(Map.of("team", 10, "either", 10, "solo", 4), List.of("team", "either", "solo")),
        COMMITMENT(Map.of("whole-crisis", 20, "two-weeks", 12, "few-days", 4),
                List.of("whole-crisis", "two-weeks", "few-days"));

        private final Map<String, Integer> points;
        private final List<String> options;

        Question(Map<String, Integer> points, List<String> options) {
            this.points = points;
            this.options = options;
        }

        public List<String> options() {
            return options;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String messageKey() {
            return "volunteer.apply.q." + code();
        }

        public String optionKey(String option) {
            return messageKey() + "." + option;
        }

        public Optional<Integer> points(String option) {
            return Optional.ofNullable(option == null ? null : points.get(option));
        }

        int max() {
            return points.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    private MotivationScore() {
    }

    /** The score of complete answers (question code → option); unknown or missing answers count 0. */
    public static int of(Map<String, String> answers) {
        int sum = 0;
        for (var q : Question.values()) {
            sum += q.points(answers.get(q.code())).orElse(0);
        }
        return Math.min(100, Math.max(0, sum));
    }

    /** The questions with no valid answer. */
    public static List<Question> unanswered(Map<String, String> answers) {
        return java.util.Arrays.stream(Question.values()).filter(q -> q.points(answers.get(q.code())).isEmpty()).toList();
    }

    /** Answers as stored in {@code volunteer_application.motivation}: {@code why=neighbours;prior=once;…}. */
    public static String stored(Map<String, String> answers) {
        var b = new StringBuilder();
        for (var q : Question.values()) {
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(q.code()).append('=').append(answers.getOrDefault(q.code(), ""));
        }
        return b.toString();
    }

    public static Map<String, String> parse(String stored) {
        var map = new java.util.LinkedHashMap<String, String>();
        if (stored != null) {
            for (var part : stored.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    map.put(part.substring(0, eq), part.substring(eq + 1));
                }
            }
        }
        return map;
    }
}
