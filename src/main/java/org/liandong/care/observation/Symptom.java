package org.liandong.care.observation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a resident under observation may report besides the temperature. */
public enum Symptom {
    COUGH, SORE_THROAT, SHORT_OF_BREATH, FATIGUE, LOST_TASTE_OR_SMELL, DIARRHOEA, HEADACHE, MUSCLE_ACHE;

    public String messageKey() {
        return "care.symptom." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Set<Symptom> parse(java.util.@org.jspecify.annotations.Nullable Collection<String> codes) {
        var set = EnumSet.noneOf(Symptom.class);
        if (codes != null) {
            for (var code : codes) {
                for (var s : values()) {
                    if (s.name().equalsIgnoreCase(code.strip())) {
                        set.add(s);
                    }
                }
            }
        }
        return set;
    }
}
