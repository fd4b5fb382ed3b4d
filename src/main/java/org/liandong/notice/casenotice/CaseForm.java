package org.liandong.notice.casenotice;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The case notice form as typed (text), so a refused or previewed form comes back unchanged. */
public record CaseForm(@Nullable String community, @Nullable String building, @Nullable String reportedOn,
                       @Nullable String status, @Nullable List<String> symptoms, @Nullable String temperatures,
                       @Nullable String note) {

    public static CaseForm empty(String community, String today) {
        return new CaseForm(community, null, today, "CONFIRMED", List.of(), null, null);
    }

    public boolean has(String symptom) {
        return symptoms != null && symptoms.contains(symptom);
    }

    public boolean is(@Nullable String field, String value) {
        return value.equals(field);
    }
}
