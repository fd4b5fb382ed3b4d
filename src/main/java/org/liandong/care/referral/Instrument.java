package org.liandong.care.referral;

import java.util.List;
import java.util.Locale;

/**
 * The two free screening questionnaires: PHQ-9 (depression) and GAD-7 (anxiety), both by Spitzer, Kroenke,
 * Williams et al., developed with an educational grant from Pfizer, which states that no permission is
 * required to reproduce, translate, display or distribute them. The item texts in our message bundles are our
 * own wording of the public items, in Chinese and English. Each item is answered 0–3 for the last two weeks.
 */
public enum Instrument {

    PHQ9(9, List.of(5, 10, 15, 20)), GAD7(7, List.of(5, 10, 15));

    private final int items;
    private final List<Integer> bands;

    Instrument(int items, List<Integer> bands) {
        this.items = items;
        this.bands = bands;
    }

    public int items() {
        return items;
    }

    public int maxScore() {
        return items * 3;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "care.screening." + code();
    }

    public String itemKey(int index) {
        return "care.screening." + code() + ".item" + (index + 1);
    }

    public List<String> itemKeys() {
        return java.util.stream.IntStream.range(0, items).mapToObj(this::itemKey).toList();
    }

    /** Severity band 0 (minimal) … 4 (severe) by the published cut-offs. */
    public int band(int score) {
        var band = 0;
        for (var cut : bands) {
            if (score >= cut) {
                band++;
            }
        }
        return band;
    }

    public String bandKey(int score) {
        return "care.screening." + code() + ".band" + band(score);
    }
}
