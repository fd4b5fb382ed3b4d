package org.liandong.resilience.score;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.RegistryOverview;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.resilience.statistics.Estimate;
import org.liandong.resilience.statistics.IntraclassCorrelation;
import org.liandong.resilience.statistics.Raking;
import org.liandong.resilience.statistics.Reliability;
import org.liandong.resilience.statistics.WeightedMean;
import org.liandong.resilience.statistics.Weights;
import org.liandong.resilience.survey.Demographics;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.Instrument;
import org.liandong.resilience.survey.Instruments;
import org.liandong.resilience.survey.Scale;
import org.liandong.resilience.survey.Scoring;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Scores a survey round: each response scored by {@link Scoring}; weights raked to the registry's age-band × sex
 * margins of adults on the day the round opened (respondents who did not give age or sex keep weight 1, the mean
 * weight); weighted means with 95 % CIs for every scale; Cronbach's α with its Feldt CI for the dimensions and the
 * total; item statistics; building groups compared by ICC. Anything with fewer than {@code min-n} responses is
 * suppressed with its reason.
 */
@Service
public class RoundScores {

    public static final String TOO_FEW_RESPONSES = "resilience.stats.round-too-few";

    private final SurveyRounds rounds;
    private final Instruments instruments;
    private final RegistryOverview registry;
    private final int minimumN;

    RoundScores(SurveyRounds rounds, Instruments instruments, RegistryOverview registry,
                @Value("${liandong.resilience.min-n:10}") int minimumN) {
        this.rounds = rounds;
        this.instruments = instruments;
        this.registry = registry;
        this.minimumN = minimumN;
    }

    public int minimumN() {
        return minimumN;
    }

    public RoundResult of(AccessScope scope, UUID roundId) {
        var round = rounds.round(scope, roundId);
        return score(round, round.form());
    }

    /** Scores the round with the scales of {@code form}: a full round scored on the pulse items, for a change. */
    public RoundResult score(SurveyRounds.Round round, Form form) {
        var instrument = instruments.get(round.instrumentId());
        var scales = instrument.scales(form);
        var responses = rounds.responses(round.id());
        if (responses.size() < minimumN) {
            return new RoundResult(round, instrument, form, responses.size(), unweighted(null, responses.size()),
                    List.of(), List.of(), List.of(), null, List.of(), TOO_FEW_RESPONSES);
        }
        var scores = responses.stream().map(r -> Scoring.score(scales, r.answers())).toList();
        var weighting = weigh(round, responses);
        var weights = weighting.weights();
        var scaleScores = new ArrayList<RoundResult.ScaleScore>();
        for (var scale : scales) {
            var values = new ArrayList<Double>();
            var w = new ArrayList<Double>();
            for (int i = 0; i < scores.size(); i++) {
                var value = scores.get(i).get(scale.id());
                if (value != null) {
                    values.add(value);
                    w.add(weights[i]);
                }
            }
            var estimate = WeightedMean.of(toArray(values), toArray(w), minimumN);
            scaleScores.add(new RoundResult.ScaleScore(scale, estimate,
                    estimate.rescaled(instrument.scaleMin(), instrument.scaleMax())));
        }
        var items = instrument.items(form);
        var reliability = new ArrayList<RoundResult.ReliabilityLine>();
        var itemStats = new LinkedHashMap<String, Reliability.Result>();
        for (var scale : scales) {
            if (scale.level() == Scale.Level.CELL || scale.level() == Scale.Level.ELEMENT) {
                continue;
            }
            var ids = itemsOf(scale, scales);
            var line = reliability(scale, ids, responses);
            reliability.add(line.line());
            if (line.result() != null && scale.level() != Scale.Level.TOTAL) {
                for (int j = 0; j < ids.size(); j++) {
                    itemStats.put(ids.get(j), line.result());
                }
            }
        }
        var itemLines = new ArrayList<RoundResult.ItemLine>();
        for (var item : items) {
            int answered = 0;
            double sum = 0;
            for (var r : responses) {
                var a = r.answers().get(item.id());
                if (a != null) {
                    answered++;
                    sum += a;
                }
            }
            var stats = itemStats.get(item.id());
            Double itemTotal = null;
            Double ifDeleted = null;
            if (stats != null) {
                var ids = itemsOf(scales.stream().filter(s -> s.level() != Scale.Level.TOTAL
                        && s.level() != Scale.Level.CELL && s.level() != Scale.Level.ELEMENT
                        && itemsOf(s, scales).contains(item.id())).findFirst().orElseThrow(), scales);
                int j = ids.indexOf(item.id());
                itemTotal = stats.itemTotal()[j];
                ifDeleted = stats.alphaIfDeleted()[j];
            }
            itemLines.add(new RoundResult.ItemLine(item.id(), item.textKey(), item.label(), answered,
                    1 - (double) answered / responses.size(), answered == 0 ? null : sum / answered, itemTotal,
                    ifDeleted));
        }
        var byGroup = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < responses.size(); i++) {
            var g = responses.get(i).buildingGroup();
            if (g != null && scores.get(i).containsKey(Instrument.TOTAL)) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
            }
        }
        var groups = new ArrayList<RoundResult.GroupLine>();
        var iccGroups = new ArrayList<double[]>();
        byGroup.forEach((g, members) -> {
            var values = members.stream().mapToDouble(i -> scores.get(i).get(Instrument.TOTAL)).toArray();
            var w = members.stream().mapToDouble(i -> weights[i]).toArray();
            groups.add(new RoundResult.GroupLine(g, values.length, WeightedMean.of(values, w, minimumN)));
            iccGroups.add(values);
        });
        var icc = IntraclassCorrelation.oneWay(iccGroups);
        return new RoundResult(round, instrument, form, responses.size(), weighting.summary(), scaleScores,
                reliability, itemLines, icc == null ? null
                        : new RoundResult.IccLine(icc.groups(), icc.n(), icc.icc1(), icc.icc2()), groups, null);
    }

    /** The individual total scores of a round, for comparing communities (ICC across a street). */
    public double[] totals(SurveyRounds.Round round, Form form) {
        var scales = instruments.get(round.instrumentId()).scales(form);
        return rounds.responses(round.id()).stream().map(r -> Scoring.score(scales, r.answers()).get(Instrument.TOTAL))
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }

    private record Weighed(double[] weights, RoundResult.Weighting summary) {
    }

    private Weighed weigh(SurveyRounds.Round round, List<SurveyRounds.Response> responses) {
        int n = responses.size();
        var weights = new double[n];
        java.util.Arrays.fill(weights, 1.0);
        var on = LocalDate.ofInstant(round.openedAt(), ZoneId.of("Asia/Shanghai"));
        var bands = Demographics.AgeBand.values();
        var targets = new double[2][];
        targets[0] = new double[bands.length];
        targets[1] = new double[2];
        for (var c : registry.ageSexCounts(round.communityId(), on)) {
            var band = Demographics.AgeBand.of(c.age());
            int sex = Demographics.SEXES.indexOf(c.sex());
            if (band != null && sex >= 0) {
                targets[0][band.ordinal()] += c.residents();
                targets[1][sex] += c.residents();
            }
        }
        var known = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            var d = responses.get(i).demographics();
            if (d.ageBand() != null && d.sex() != null) {
                known.add(i);
            }
        }
        var categories = known.stream().map(i -> new int[] {responses.get(i).demographics().ageBand().ordinal(),
                Demographics.SEXES.indexOf(responses.get(i).demographics().sex())}).toArray(int[][]::new);
        try {
            var raked = Raking.rake(categories, targets);
            double mean = java.util.Arrays.stream(raked.weights()).average().orElse(1);
            for (int j = 0; j < known.size(); j++) {
                weights[known.get(j)] = raked.weights()[j] / mean;
            }
            var w = Weights.of(weights);
            return new Weighed(weights, new RoundResult.Weighting(true, null, new Object[0], w.minimum(), w.maximum(),
                    w.effectiveN(), w.designEffect(), raked.iterations()));
        } catch (InvalidValueException e) {
            return new Weighed(weights, unweighted(e, n));
        }
    }

    private static RoundResult.Weighting unweighted(@Nullable InvalidValueException problem, int n) {
        Object[] args = problem == null ? new Object[0] : describe(problem);
        return new RoundResult.Weighting(false, problem == null ? null : problem.messageKey(), args, 1, 1, n, 1, 0);
    }

    /** Names the margin and category of a raking problem: "age band 75+", "sex F". */
    private static Object[] describe(InvalidValueException problem) {
        var args = problem.args();
        if (args.length == 0) {
            return args;
        }
        int margin = (Integer) args[0];
        String category = args.length < 2 ? "" : margin == 0
                ? Demographics.AgeBand.values()[(Integer) args[1]].messageKey()
                : "resilience.sex." + Demographics.SEXES.get((Integer) args[1]).toLowerCase(java.util.Locale.ROOT);
        return new Object[] {margin == 0 ? "resilience.margin.age" : "resilience.margin.sex", category};
    }

    private record ReliabilityWithResult(RoundResult.ReliabilityLine line, Reliability.@Nullable Result result) {
    }

    private ReliabilityWithResult reliability(Scale scale, List<String> ids, List<SurveyRounds.Response> responses) {
        var complete = new ArrayList<double[]>();
        for (var r : responses) {
            var row = new double[ids.size()];
            boolean ok = true;
            for (int j = 0; j < ids.size() && ok; j++) {
                var a = r.answers().get(ids.get(j));
                ok = a != null;
                row[j] = ok ? a : 0;
            }
            if (ok) {
                complete.add(row);
            }
        }
        var data = complete.toArray(double[][]::new);
        String reason = complete.size() < minimumN ? Reliability.TOO_FEW
                : ids.size() < 2 ? Reliability.TOO_FEW : Reliability.reasonNotComputable(data);
        if (reason != null) {
            return new ReliabilityWithResult(new RoundResult.ReliabilityLine(scale, complete.size(), ids.size(), null,
                    null, null, reason), null);
        }
        var result = Reliability.of(data);
        return new ReliabilityWithResult(new RoundResult.ReliabilityLine(scale, result.n(), result.k(),
                result.alpha(), result.lower(), result.upper(), null), result);
    }

    /** The items under a scale, through its parts. */
    static List<String> itemsOf(Scale scale, List<Scale> all) {
        if (scale.ofItems()) {
            return scale.parts();
        }
        Map<String, Scale> byId = new HashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        var ids = new ArrayList<String>();
        for (var part : scale.parts()) {
            ids.addAll(itemsOf(byId.get(part), all));
        }
        return ids;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** An estimate for a scale that may be missing from a result. */
    public static Estimate none() {
        return Estimate.suppressed(TOO_FEW_RESPONSES, 0, 0);
    }
}
