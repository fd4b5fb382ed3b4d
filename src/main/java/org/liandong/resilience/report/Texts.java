package org.liandong.resilience.report;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.LocalisedText;
import org.liandong.resilience.score.RoundResult;

/** Texts the templates cannot put together themselves: messages whose arguments are message keys. */
public final class Texts {

    private Texts() {
    }

    /** Why the responses were not raked, in words ("no respondent in age band 75+"), or null. */
    public static @Nullable String weightingProblem(LocalisedText text, RoundResult.Weighting weighting) {
        if (weighting.problemKey() == null) {
            return null;
        }
        var args = Arrays.stream(weighting.problemArgs()).map(a -> a instanceof String s && s.startsWith("resilience.")
                ? text.of(s) : a).toArray();
        return text.of(weighting.problemKey(), args);
    }
}
