package org.liandong.resilience.score;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.resilience.statistics.Estimate;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.Instrument;
import org.liandong.resilience.survey.Scale;
import org.liandong.resilience.survey.SurveyRounds;

/**
 * The scores of one survey round as the dashboard, the report and the export show them. Every score is an
 * absolute level on the instrument's scale (1–5) and on 0–100; ranks exist only in the street comparison.
 *
 * @param scoredAs        the form the scores use: a full round scored "as pulse" for a change against a pulse
 * @param suppressedKey   why nothing is shown at all (too few responses), or null
 */
public record RoundResult(SurveyRounds.Round round, Instrument instrument, Form scoredAs, int responses,
                          Weighting weighting, List<ScaleScore> scales, List<ReliabilityLine> reliability,
                          List<ItemLine> items, @Nullable IccLine icc, List<GroupLine> groups,
                          @Nullable String suppressedKey) {

    public RoundResult {
        scales = List.copyOf(scales);
        reliability = List.copyOf(reliability);
        items = List.copyOf(items);
        groups = List.copyOf(groups);
    }

    public @Nullable ScaleScore scale(String id) {
        return scales.stream().filter(s -> s.scale().id().equals(id)).findFirst().orElse(null);
    }

    /**
     * How the responses were weighted: raked to the registry's age × sex margins, or not (with the reason).
     * Range of the weights scaled to mean 1, Kish's effective n and the design effect.
     */
    public record Weighting(boolean raked, @Nullable String problemKey, Object[] problemArgs, double minimum,
                            double maximum, double effectiveN, double designEffect, int iterations) {
    }

    /** A scale's weighted mean on 1–5 and on 0–100, with 95 % CIs, unweighted and effective n. */
    public record ScaleScore(Scale scale, Estimate score, Estimate percent) {
    }

    /** Cronbach's α of a scale with its Feldt interval, on complete cases; or the reason it is not shown. */
    public record ReliabilityLine(Scale scale, int n, int k, @Nullable Double alpha, @Nullable Double lower,
                                  @Nullable Double upper, @Nullable String suppressedKey) {
    }

    /** An item: mean, share "don't know", corrected item–total r and α if deleted within its dimension. */
    public record ItemLine(String itemId, String textKey, @Nullable String label, int answered, double missingShare,
                           @Nullable Double mean, @Nullable Double itemTotal, @Nullable Double alphaIfDeleted) {
    }

    /** Building groups compared on the total: ICC(1), ICC(2). */
    public record IccLine(int groups, int n, double icc1, double icc2) {
    }

    /** A building group's mean total; suppressed when it has too few respondents. */
    public record GroupLine(String buildingGroup, int n, Estimate total) {
    }
}
