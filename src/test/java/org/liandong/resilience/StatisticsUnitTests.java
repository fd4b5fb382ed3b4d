package org.liandong.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.liandong.platform.InvalidValueException;
import org.liandong.resilience.statistics.Change;
import org.liandong.resilience.statistics.Estimate;
import org.liandong.resilience.statistics.IntraclassCorrelation;
import org.liandong.resilience.statistics.Raking;
import org.liandong.resilience.statistics.Reliability;
import org.liandong.resilience.statistics.WeightedMean;
import org.liandong.resilience.statistics.Weights;

/**
 * Known answers for every formula the resilience scores rest on, each from a published example or derived by hand
 * here and cross-checked with a second method.
 */
class StatisticsUnitTests {

    /**
     * Shrout, P. E. &amp; Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater reliability.
     * Psychological Bulletin 86(2), 420–428, Table 2: six targets rated by four judges. Their Table 4 gives
     * ICC(1,1) = .17, ICC(1,4) = .44 and ICC(3,4) = .91; ANOVA (Table 3): BMS = 11.24, WMS = 6.26, EMS = 1.02.
     */
    static final double[][] SHROUT_FLEISS = {
            {9, 2, 5, 8},
            {6, 1, 3, 2},
            {8, 4, 6, 8},
            {7, 1, 2, 6},
            {10, 5, 6, 9},
            {6, 2, 4, 7}};

    @Test
    void cronbachsAlphaIsHoytsAnovaReliabilityOfTheShroutFleissRatings() {
        // Treating the judges as items, α equals Hoyt's (1941) (BMS − EMS) / BMS, which is Shrout & Fleiss's
        // ICC(3,k) = .91 (their Table 4).
        var result = Reliability.of(SHROUT_FLEISS);
        assertThat(result.alpha()).isCloseTo(0.91, within(0.005));
        // second method: the two-way ANOVA in this test, by hand
        int n = 6;
        int k = 4;
        double grand = 0;
        for (var row : SHROUT_FLEISS) {
            for (var v : row) {
                grand += v / (n * k);
            }
        }
        double ssRows = 0;
        double ssColumns = 0;
        double ssTotal = 0;
        for (int i = 0; i < n; i++) {
            double rowMean = java.util.Arrays.stream(SHROUT_FLEISS[i]).average().orElseThrow();
            ssRows += k * (rowMean - grand) * (rowMean - grand);
        }
        for (int j = 0; j < k; j++) {
            double columnMean = 0;
            for (int i = 0; i < n; i++) {
                columnMean += SHROUT_FLEISS[i][j] / n;
                ssTotal += (SHROUT_FLEISS[i][j] - grand) * (SHROUT_FLEISS[i][j] - grand);
            }
            ssColumns += n * (columnMean - grand) * (columnMean - grand);
        }
        double bms = ssRows / (n - 1);
        double ems = (ssTotal - ssRows - ssColumns) / ((n - 1) * (k - 1));
        assertThat(bms).isCloseTo(11.24, within(0.005));
        assertThat(ems).isCloseTo(1.02, within(0.005));
        assertThat(result.alpha()).isCloseTo((bms - ems) / bms, within(1e-12));
    }

    @Test
    void feldtIntervalUsesTheTabulatedFQuantiles() {
        // Feldt (1965): L = 1 − (1 − α)·F(.975; n − 1, (n − 1)(k − 1)), U = 1 − (1 − α)·F(.025; …).
        // For the Shrout–Fleiss data n = 6, k = 4, so F has (5, 15) degrees of freedom. Published F tables
        // (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.2, upper 2.5 % points): F(.975; 5, 15) = 3.576 and
        // F(.975; 15, 5) = 6.428, so F(.025; 5, 15) = 1 / 6.428.
        var result = Reliability.of(SHROUT_FLEISS);
        assertThat(result.lower()).isCloseTo(1 - (1 - result.alpha()) * 3.576, within(0.002));
        assertThat(result.upper()).isCloseTo(1 - (1 - result.alpha()) / 6.428, within(0.0005));
        assertThat(result.lower()).isLessThan(result.alpha());
        assertThat(result.upper()).isBetween(result.alpha(), 1.0);
    }

    @Test
    void feldtIntervalForThreeRespondentsMatchesTheClosedFormOfF22() {
        // Three respondents, two items (by hand): item 1 = 1, 2, 3 (variance 1); item 2 = 2, 2, 5 (variance 3);
        // totals 3, 4, 8 (variance 7). α = 2·(1 − 4/7) = 6/7.
        // With 2 numerator degrees of freedom the F distribution has a closed form:
        // P(F ≤ x) = 1 − (1 + 2x/ν₂)^(−ν₂/2); with ν₂ = 2 the quantile is x = 1/(1 − p) − 1, so
        // F(.975; 2, 2) = 39 (the tabulated 39.00) and F(.025; 2, 2) = 1/.975 − 1.
        double[][] data = {{1, 2}, {2, 2}, {3, 5}};
        var result = Reliability.of(data);
        assertThat(result.alpha()).isCloseTo(6.0 / 7, within(1e-12));
        assertThat(result.lower()).isCloseTo(1 - (1.0 / 7) * 39, within(1e-6));
        assertThat(result.upper()).isCloseTo(1 - (1.0 / 7) * (1 / 0.975 - 1), within(1e-9));
        assertThat(result.alphaIfDeleted()).containsOnlyNulls(); // two items: nothing left to scale
        // corrected item–total: each item against the other one alone, r(1 2 3; 2 2 5) = 3 / √(2·6) = .866
        assertThat(result.itemTotal()[0]).isCloseTo(3 / Math.sqrt(12), within(1e-12));
    }

    @Test
    void alphaIfDeletedAndItemTotalCorrelationsMatchAlphaOfTheRemainingItems() {
        var result = Reliability.of(SHROUT_FLEISS);
        for (int skip = 0; skip < 4; skip++) {
            var rest = new double[6][3];
            for (int i = 0; i < 6; i++) {
                int c = 0;
                for (int j = 0; j < 4; j++) {
                    if (j != skip) {
                        rest[i][c++] = SHROUT_FLEISS[i][j];
                    }
                }
            }
            assertThat(result.alphaIfDeleted()[skip]).isCloseTo(Reliability.of(rest).alpha(), within(1e-12));
        }
        // judge 2 (column 1) rated 2, 1, 4, 1, 5, 2; the other three summed: 22, 11, 22, 15, 25, 17.
        // By hand: means 2.5 and 18.667; Sxy = −1.667 + 11.5 + 5 + 5.5 + 15.833 + .833 = 37, Sxx = 13.5,
        // Syy = 11.111 + 58.778 + 11.111 + 13.444 + 40.111 + 2.778 = 137.333 → r = 37 / √(13.5·137.333) = .8593
        assertThat(result.itemTotal()[1]).isCloseTo(37 / Math.sqrt(13.5 * 137.3333333333), within(1e-6));
    }

    @Test
    void alphaIsNotComputedFromTooFewOrConstantAnswers() {
        assertThat(Reliability.reasonNotComputable(new double[][] {{1, 2}, {2, 3}})).isEqualTo(Reliability.TOO_FEW);
        assertThat(Reliability.reasonNotComputable(new double[][] {{3, 3}, {3, 3}, {3, 3}}))
                .isEqualTo(Reliability.NO_VARIANCE);
    }

    @Test
    void iccOfTheShroutFleissRatingsIsTheirOneWayIcc() {
        var groups = new ArrayList<double[]>();
        for (var row : SHROUT_FLEISS) {
            groups.add(row);
        }
        var icc = IntraclassCorrelation.oneWay(groups);
        assertThat(icc).isNotNull();
        // Shrout & Fleiss Table 3: BMS = 11.24, WMS = 6.26; Table 4: ICC(1,1) = .17, ICC(1,4) = .44
        assertThat(icc.msBetween()).isCloseTo(11.24, within(0.005));
        assertThat(icc.msWithin()).isCloseTo(6.26, within(0.005));
        assertThat(icc.icc1()).isCloseTo(0.17, within(0.005));
        assertThat(icc.icc2()).isCloseTo(0.44, within(0.005));
        // by hand: within-row sums of squares 30 + 14 + 11 + 26 + 17 + 14.75 = 112.75 over 18 df
        assertThat(icc.msWithin()).isCloseTo(112.75 / 18, within(1e-12));
        assertThat(icc.k0()).isCloseTo(4, within(1e-12));
    }

    @Test
    void iccWithUnequalGroupsUsesTheAdjustedGroupSize() {
        // By hand: groups {1, 2, 3} and {4, 6}; N = 5, grand mean 3.2, group means 2 and 5.
        // SSB = 3·1.2² + 2·1.8² = 10.8 (1 df); SSW = 2 + 2 = 4 (3 df) → MSW = 4/3;
        // k₀ = (5 − (9 + 4)/5) / 1 = 2.4; ICC(1) = (10.8 − 4/3) / (10.8 + 1.4·4/3) = .74737; ICC(2) = .87654
        var icc = IntraclassCorrelation.oneWay(List.of(new double[] {1, 2, 3}, new double[] {4, 6}));
        assertThat(icc.k0()).isCloseTo(2.4, within(1e-12));
        assertThat(icc.icc1()).isCloseTo((10.8 - 4.0 / 3) / (10.8 + 1.4 * 4 / 3), within(1e-12));
        assertThat(icc.icc2()).isCloseTo((10.8 - 4.0 / 3) / 10.8, within(1e-12));
        assertThat(IntraclassCorrelation.oneWay(List.of(new double[] {1, 2, 3}))).isNull();
    }

    @Test
    void rakingMatchesBothMarginsAndKeepsTheSamplesOddsRatio() {
        // A 2 × 2 sample (sex × age): men-young 20, men-old 30, women-young 30, women-old 20.
        // Population: 500 men, 500 women; 400 young, 600 old. Raking converges to the table with these margins
        // and the sample's odds ratio (20·20)/(30·30) = 4/9 (Deming & Stephan 1940; Bishop, Fienberg & Holland
        // 1975, ch. 3). With x = men-young: x(100 + x) / ((500 − x)(400 − x)) = 4/9
        // ⇔ 5x² + 4500x − 800000 = 0 ⇔ x = (−900 + √1 450 000) / 2 = 152.0797.
        var categories = new ArrayList<int[]>();
        add(categories, 20, 0, 0);
        add(categories, 30, 0, 1);
        add(categories, 30, 1, 0);
        add(categories, 20, 1, 1);
        double[][] targets = {{500, 500}, {400, 600}};
        var result = Raking.rake(categories.toArray(int[][]::new), targets);
        double x = (-900 + Math.sqrt(1_450_000)) / 2;
        var w = result.weights();
        assertThat(w[0]).isCloseTo(x / 20, within(1e-6));
        assertThat(w[20]).isCloseTo((500 - x) / 30, within(1e-6));
        assertThat(w[50]).isCloseTo((400 - x) / 30, within(1e-6));
        assertThat(w[80]).isCloseTo((100 + x) / 20, within(1e-6));
        assertThat(java.util.Arrays.stream(w).sum()).isCloseTo(1000, within(1e-6));

        // Kish's effective n by hand from the four weights and their counts, and again as n / (1 + CV²)
        double sw = 20 * (x / 20) + 30 * ((500 - x) / 30) + 30 * ((400 - x) / 30) + 20 * ((100 + x) / 20);
        double sw2 = 20 * Math.pow(x / 20, 2) + 30 * Math.pow((500 - x) / 30, 2) + 30 * Math.pow((400 - x) / 30, 2)
                + 20 * Math.pow((100 + x) / 20, 2);
        var weights = Weights.of(w);
        assertThat(weights.effectiveN()).isCloseTo(sw * sw / sw2, within(1e-6));
        double mean = sw / 100;
        double cv2 = (sw2 / 100 - mean * mean) / (mean * mean);
        assertThat(weights.effectiveN()).isCloseTo(100 / (1 + cv2), within(1e-6));
        assertThat(weights.designEffect()).isCloseTo(1 + cv2, within(1e-9));
        assertThat(weights.maximum()).isCloseTo(((100 + x) / 20) / mean, within(1e-9));
    }

    @Test
    void kishEffectiveNOfHalfDoubleWeights() {
        // Kish (1965, §11.7): n_eff = (Σw)² / Σw². 50 weights of 1 and 50 of 2: 150² / 250 = 90; deff = 1 + CV²
        // = 1 + .25 / 1.5² = 1.111.
        var w = new double[100];
        for (int i = 0; i < 100; i++) {
            w[i] = i < 50 ? 1 : 2;
        }
        assertThat(Weights.kishEffectiveN(w)).isCloseTo(90, within(1e-12));
        assertThat(Weights.of(w).designEffect()).isCloseTo(100.0 / 90, within(1e-12));
    }

    @Test
    void rakingRefusesAnEmptyMarginOrAPopulationCellWithoutRespondents() {
        int[][] categories = {{0, 0}, {0, 1}, {1, 0}};
        assertThatThrownBy(() -> Raking.rake(categories, new double[][] {{0, 0}, {1, 1}}))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo(Raking.EMPTY_MARGIN);
        assertThatThrownBy(() -> Raking.rake(categories, new double[][] {{5, 5, 5}, {1, 1}}))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo(Raking.EMPTY_CELL);
        assertThatThrownBy(() -> Raking.rake(categories, new double[][] {{5, 0}, {1, 1}}))
                .extracting(e -> ((InvalidValueException) e).messageKey()).isEqualTo(Raking.NO_POPULATION);
    }

    @Test
    void unweightedMeanHasTheTextbookTInterval() {
        // 1..5: mean 3, s² = 2.5, se = √(2.5/5); t(.975; 4) = 2.776 (any t table)
        var e = WeightedMean.unweighted(new double[] {1, 2, 3, 4, 5}, 2);
        assertThat(e.value()).isEqualTo(3.0);
        assertThat(e.standardError()).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(e.lower()).isCloseTo(3 - 2.776 * Math.sqrt(0.5), within(0.001));
        assertThat(e.upper()).isCloseTo(3 + 2.776 * Math.sqrt(0.5), within(0.001));
        assertThat(e.effectiveN()).isEqualTo(5.0);
        // rescaling to 0–100 on a 1–5 scale: 3 → 50
        assertThat(e.rescaled(1, 5).value()).isEqualTo(50.0);
    }

    @Test
    void weightedMeanIsSuppressedWithAReasonNeverNaN() {
        var e = WeightedMean.unweighted(new double[] {4, 4, 5}, 10);
        assertThat(e.available()).isFalse();
        assertThat(e.value()).isNull();
        assertThat(e.suppressedKey()).isEqualTo(WeightedMean.TOO_FEW);
        assertThat(WeightedMean.unweighted(new double[0], 1).available()).isFalse();
    }

    @Test
    void weightedMeanWeighsAndScalingTheWeightsChangesNothing() {
        // by hand: values 1, 5 with weights 3, 1 → mean (3 + 5)/4 = 2
        var a = WeightedMean.of(new double[] {1, 5}, new double[] {3, 1}, 2);
        var b = WeightedMean.of(new double[] {1, 5}, new double[] {30, 10}, 2);
        assertThat(a.value()).isEqualTo(2.0);
        assertThat(b.value()).isEqualTo(2.0);
        assertThat(a.standardError()).isCloseTo(b.standardError(), within(1e-12));
        // linearisation by hand: n/(n−1)·Σw²(x−m)²/(Σw)² = 2·(9·1 + 1·9)/16 = 2.25 → se 1.5
        assertThat(a.standardError()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void changeBetweenRoundsHasAWelchInterval() {
        var before = new Estimate(3.0, 0.1, 2.8, 3.2, 100, 100, null);
        var after = new Estimate(3.5, 0.2, 3.1, 3.9, 50, 50, null);
        var change = Change.between(before, after);
        assertThat(change.value()).isCloseTo(0.5, within(1e-12));
        assertThat(change.standardError()).isCloseTo(Math.sqrt(0.05), within(1e-12));
        // Welch df = .05² / (.01²/99 + .04²/49) = 74.3; t(.975; 74.3) ≈ 1.993
        assertThat(change.lower()).isCloseTo(0.5 - 1.993 * Math.sqrt(0.05), within(0.001));
        assertThat(Change.between(before, Estimate.suppressed(WeightedMean.TOO_FEW, 3, 3)).available()).isFalse();
    }

    private static void add(List<int[]> rows, int count, int sex, int age) {
        for (int i = 0; i < count; i++) {
            rows.add(new int[] {sex, age});
        }
    }
}
