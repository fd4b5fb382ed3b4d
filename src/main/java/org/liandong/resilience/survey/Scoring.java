package org.liandong.resilience.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Scores one response: a scale made of items is the mean of the items answered (1–5; "don't know" counts as not
 * answered) when at least two-thirds of them are; a scale made of scales (dimension, element, total) is the mean
 * of its parts' scores when at least two-thirds of them were scored. Cell means → row and column means → total.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * @param answers item id → answer, null for "don't know" or no answer
     * @return scale id → score, only for the scales that could be scored
     */
    public static Map<String, Double> score(List<Scale> scales, Map<String, @Nullable Integer> answers) {
        var scores = new HashMap<String, Double>();
        for (var scale : scales) {
            double sum = 0;
            int count = 0;
            for (var part : scale.parts()) {
                Double value = scale.ofItems() ? toDouble(answers.get(part)) : scores.get(part);
                if (value != null) {
                    sum += value;
                    count++;
                }
            }
            if (count > 0 && count >= scale.needed()) {
                scores.put(scale.id(), sum / count);
            }
        }
        return scores;
    }

    /** The 0–100 form of a score on the instrument's scale. */
    public static double percent(double score, int min, int max) {
        return (score - min) * 100.0 / (max - min);
    }

    private static @Nullable Double toDouble(@Nullable Integer answer) {
        return answer == null ? null : answer.doubleValue();
    }
}
