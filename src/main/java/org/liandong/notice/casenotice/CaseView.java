package org.liandong.notice.casenotice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A case notice as residents see it: no name, no door, the place only as finely as k households allow. */
public record CaseView(LocalDate reportedOn, CaseStatus status, PlaceLevel placeLevel, String placeLabel,
                       int placeHouseholds, int k, List<Symptom> symptoms, List<Reading> temperatures, Trend trend,
                       @Nullable String note) {

    public record Reading(LocalDate day, BigDecimal celsius) {
    }

    public CaseView {
        symptoms = List.copyOf(symptoms);
        temperatures = List.copyOf(temperatures);
    }
}
