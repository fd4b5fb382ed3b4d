package org.liandong.resilience.score;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.AccessScope;
import org.liandong.platform.OutOfScopeException;
import org.liandong.resilience.Dimension;
import org.liandong.resilience.IndicatorReading;
import org.liandong.resilience.IndicatorSource;
import org.liandong.resilience.PlaybookSource;
import org.liandong.resilience.statistics.Change;
import org.liandong.resilience.statistics.Estimate;
import org.liandong.resilience.statistics.IntraclassCorrelation;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.Instrument;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The resilience of a community as the dashboard and the report show it: every round's scores, the change between
 * the last two rounds, the operational indicators (from an {@link IndicatorSource}, if one is there) and the
 * playbook summary (from a {@link PlaybookSource}); and the street's communities side by side.
 */
@Service
public class CommunityResilience {

    public static final int INDICATOR_WINDOW_DAYS = 30;
    public static final String OTHER_INSTRUMENT = "resilience.change.other-instrument";

    /** Before, after and the change of one scale between two rounds, scored on the items both forms share. */
    public record ChangeLine(String scaleId, String labelKey, Estimate before, Estimate after, Estimate change) {
    }

    public record View(Places.CommunityView community, List<RoundResult> rounds, @Nullable RoundResult latest,
                       @Nullable RoundResult previous, List<ChangeLine> changes, @Nullable List<IndicatorReading> indicators,
                       LocalDate indicatorsFrom, LocalDate indicatorsTo, PlaybookSource.@Nullable Summary playbook) {
    }

    /** A community of a street with its latest round; rank 1 is the highest total (a relative rank). */
    public record StreetLine(Places.CommunityView community, @Nullable RoundResult latest, @Nullable Integer rank) {
    }

    public record StreetView(Places.StreetView street, List<StreetLine> lines,
                             IntraclassCorrelation.@Nullable Result icc) {
    }

    private final SurveyRounds rounds;
    private final RoundScores scores;
    private final Places places;
    private final ObjectProvider<IndicatorSource> indicators;
    private final ObjectProvider<PlaybookSource> playbook;
    private final Clock clock;

    CommunityResilience(SurveyRounds rounds, RoundScores scores, Places places,
                        ObjectProvider<IndicatorSource> indicators, ObjectProvider<PlaybookSource> playbook,
                        Clock clock) {
        this.rounds = rounds;
        this.scores = scores;
        this.places = places;
        this.indicators = indicators;
        this.playbook = playbook;
        this.clock = clock;
    }

    public View community(AccessScope scope, String communityId) {
        scope.check(communityId);
        var community = places.community(communityId).orElseThrow(OutOfScopeException::new);
        var results = rounds.rounds(List.of(communityId)).stream().map(r -> scores.score(r, r.form())).toList();
        var latest = results.isEmpty() ? null : results.get(results.size() - 1);
        var previous = results.size() < 2 ? null : results.get(results.size() - 2);
        var to = LocalDate.now(clock);
        var from = to.minusDays(INDICATOR_WINDOW_DAYS - 1);
        var source = indicators.getIfAvailable();
        var book = playbook.getIfAvailable();
        return new View(community, results, latest, previous,
                previous == null ? List.of() : changes(previous.round(), latest.round()),
                source == null ? null : source.readings(communityId, from, to), from, to,
                book == null ? null : book.summary(communityId));
    }

    /** The change of each dimension and the total between two rounds, on the items both rounds asked. */
    public List<ChangeLine> changes(SurveyRounds.Round before, SurveyRounds.Round after) {
        var keys = new ArrayList<String[]>();
        for (var d : Dimension.values()) {
            keys.add(new String[] {Instrument.dimensionId(d), d.messageKey()});
        }
        keys.add(new String[] {Instrument.TOTAL, "resilience.scale.total"});
        var lines = new ArrayList<ChangeLine>();
        if (!before.instrumentId().equals(after.instrumentId())) {
            var none = Estimate.suppressed(OTHER_INSTRUMENT, 0, 0);
            keys.forEach(k -> lines.add(new ChangeLine(k[0], k[1], none, none, none)));
            return lines;
        }
        var form = before.form() == Form.PULSE || after.form() == Form.PULSE ? Form.PULSE : Form.FULL;
        var a = scores.score(before, form);
        var b = scores.score(after, form);
        for (var k : keys) {
            var x = a.scale(k[0]);
            var y = b.scale(k[0]);
            if (x == null && y == null && !k[0].equals(Instrument.TOTAL)) {
                continue; // a loaded instrument has factors, not our dimensions
            }
            var ex = x == null ? RoundScores.none() : x.score();
            var ey = y == null ? RoundScores.none() : y.score();
            lines.add(new ChangeLine(k[0], k[1], ex, ey, Change.between(ex, ey)));
        }
        return lines;
    }

    public StreetView street(AccessScope scope, String streetId) {
        var street = places.street(streetId).orElseThrow(OutOfScopeException::new);
        var communities = places.communityIdsOfStreet(streetId).stream().filter(scope::covers).toList();
        if (communities.isEmpty()) {
            throw new OutOfScopeException();
        }
        var byCommunity = new java.util.LinkedHashMap<String, SurveyRounds.Round>();
        rounds.rounds(communities).forEach(r -> byCommunity.put(r.communityId(), r)); // latest wins
        var lines = new ArrayList<StreetLine>();
        var totals = new ArrayList<double[]>();
        for (var id : communities) {
            var community = places.community(id).orElseThrow();
            var round = byCommunity.get(id);
            if (round == null) {
                lines.add(new StreetLine(community, null, null));
                continue;
            }
            var result = scores.score(round, Form.PULSE);
            lines.add(new StreetLine(community, result, null));
            if (result.suppressedKey() == null) {
                totals.add(scores.totals(round, Form.PULSE));
            }
        }
        var ranked = lines.stream().filter(l -> total(l) != null)
                .sorted(Comparator.comparing((StreetLine l) -> total(l)).reversed()).toList();
        var out = new ArrayList<StreetLine>();
        for (var line : lines) {
            int rank = ranked.indexOf(line);
            out.add(rank < 0 ? line : new StreetLine(line.community(), line.latest(), rank + 1));
        }
        return new StreetView(street, out, IntraclassCorrelation.oneWay(totals));
    }

    private static @Nullable Double total(StreetLine line) {
        if (line.latest() == null || line.latest().scale(Instrument.TOTAL) == null) {
            return null;
        }
        return line.latest().scale(Instrument.TOTAL).score().value();
    }
}
