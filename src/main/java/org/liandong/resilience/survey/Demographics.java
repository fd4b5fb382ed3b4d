package org.liandong.resilience.survey;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;

/** The optional questions about the respondent: age band, sex, years living here, household size. */
public record Demographics(@Nullable AgeBand ageBand, @Nullable String sex, @Nullable String yearsHere,
                           @Nullable Integer householdSize) {

    /** Age bands of adults; raking uses them against the registry's ages. */
    public enum AgeBand {
        A18_29(18, 29), A30_44(30, 44), A45_59(45, 59), A60_74(60, 74), A75_PLUS(75, 200);

        private final int from;
        private final int to;

        AgeBand(int from, int to) {
            this.from = from;
            this.to = to;
        }

        public static @Nullable AgeBand of(int age) {
            for (var band : values()) {
                if (age >= band.from && age <= band.to) {
                    return band;
                }
            }
            return null;
        }

        public String messageKey() {
            return "resilience.age." + name().toLowerCase(Locale.ROOT);
        }
    }

    public static final List<String> SEXES = List.of("M", "F");
    public static final List<String> YEARS = List.of("LT1", "Y1_5", "Y5_10", "GT10");

    public static final Demographics NONE = new Demographics(null, null, null, null);

    /** Reads the form's values; empty means "not answered". */
    public static Demographics parse(@Nullable String age, @Nullable String sex, @Nullable String years,
                                     @Nullable String size) {
        AgeBand band = null;
        if (age != null && !age.isBlank()) {
            try {
                band = AgeBand.valueOf(age.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("resilience.answer.bad-demographics");
            }
        }
        var s = blank(sex);
        var y = blank(years);
        if (s != null && !SEXES.contains(s) || y != null && !YEARS.contains(y)) {
            throw new InvalidValueException("resilience.answer.bad-demographics");
        }
        Integer household = null;
        var z = blank(size);
        if (z != null) {
            try {
                household = Integer.parseInt(z);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("resilience.answer.bad-household-size");
            }
            if (household < 1 || household > 20) {
                throw new InvalidValueException("resilience.answer.bad-household-size");
            }
        }
        return new Demographics(band, s, y, household);
    }

    private static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
