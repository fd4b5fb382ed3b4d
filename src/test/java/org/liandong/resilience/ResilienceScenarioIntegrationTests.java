package org.liandong.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.resilience.score.CommunityResilience;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.Instrument;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two survey rounds (prepare: full form; respond: pulse) in two communities with generated responses; the
 * dashboard's scores, intervals and changes must match a calculation done here, independently of the module:
 * scoring by the two-thirds rule written out again, raking weights in closed form, and the t and Welch intervals.
 */
@LiandongTest
@Import(ResilienceFixtures.class)
class ResilienceScenarioIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Fixtures fixtures;
    @Autowired ResilienceFixtures survey;
    @Autowired SurveyRounds rounds;
    @Autowired CommunityResilience resilience;

    /** A mean with its interval, computed here. */
    record Expected(double mean, double se, double lower, double upper, int n) {
    }

    @Test
    void dashboardScoresIntervalsAndChangesMatchAnIndependentCalculation() throws Exception {
        var street = fixtures.street();
        survey.moreHouseholds(street.a(), 60);
        survey.moreHouseholds(street.b(), 60);
        var aBefore = ResilienceFixtures.generate(Form.FULL, 45, 3.0, 11);
        var aAfter = ResilienceFixtures.generate(Form.PULSE, 42, 3.7, 12);
        var bBefore = ResilienceFixtures.generate(Form.FULL, 48, 3.4, 13);
        var bAfter = ResilienceFixtures.generate(Form.PULSE, 40, 3.3, 14);
        var staffA = survey.user(street.a().staffUsername());
        var staffB = survey.user(street.b().staffUsername());
        rounds.close(staffA, survey.answeredRound(street.a(), "PREPARE", Form.FULL, aBefore));
        rounds.close(staffB, survey.answeredRound(street.b(), "PREPARE", Form.FULL, bBefore));
        survey.answeredRound(street.a(), "RESPOND", Form.PULSE, aAfter);
        survey.answeredRound(street.b(), "RESPOND", Form.PULSE, bAfter);

        var view = resilience.community(staffA.scope(), street.a().id());
        assertThat(view.rounds()).hasSize(2);
        assertThat(view.latest().weighting().raked()).isTrue();
        // a "don't know" is stored as no answer, never as a 0
        assertThat(rounds.responses(view.latest().round().id()).stream().flatMap(r -> r.answers().values().stream())
                .filter(java.util.Objects::nonNull)).allMatch(a -> a >= 1 && a <= 5);

        // the radar: each dimension of the latest (pulse) round, on 0–100
        for (var dimension : org.liandong.resilience.Dimension.values()) {
            var expected = expected(aAfter, r -> dimension(r, dimension.ordinal()));
            var actual = view.latest().scale(Instrument.dimensionId(dimension)).percent();
            assertThat(actual.value()).isCloseTo(percent(expected.mean()), within(1e-9));
            assertThat(actual.lower()).isCloseTo(percent(expected.lower()), within(1e-9));
            assertThat(actual.upper()).isCloseTo(percent(expected.upper()), within(1e-9));
            assertThat(actual.n()).isEqualTo(expected.n());
        }
        var total = expected(aAfter, ResilienceScenarioIntegrationTests::total);
        var actualTotal = view.latest().scale(Instrument.TOTAL).score();
        assertThat(actualTotal.value()).isCloseTo(total.mean(), within(1e-9));
        assertThat(actualTotal.standardError()).isCloseTo(total.se(), within(1e-9));

        // the change between the rounds, both scored on the pulse items
        var before = expected(aBefore, ResilienceScenarioIntegrationTests::total);
        var change = view.changes().stream().filter(c -> c.scaleId().equals(Instrument.TOTAL)).findFirst()
                .orElseThrow().change();
        double v1 = before.se() * before.se();
        double v2 = total.se() * total.se();
        double df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (before.n() - 1) + v2 * v2 / (total.n() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        assertThat(change.value()).isCloseTo(total.mean() - before.mean(), within(1e-9));
        assertThat(change.lower()).isCloseTo(total.mean() - before.mean() - t * Math.sqrt(v1 + v2), within(1e-9));
        assertThat(change.upper()).isCloseTo(total.mean() - before.mean() + t * Math.sqrt(v1 + v2), within(1e-9));
        // generated to rise by about 0.7 on the 1–5 scale: the interval excludes 0
        assertThat(change.lower()).isPositive();

        // the pages show the same numbers
        mvc.perform(get("/resilience/communities/" + street.a().id()).with(SurveyIntegrationTests.as(staffA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(String.format("%.2f", total.mean()))))
                .andExpect(content().string(containsString(String.format("+%.2f", total.mean() - before.mean()))))
                .andExpect(content().string(containsString("data-chart=")));

        // the street: B's total is lower now, so A ranks first (a relative rank beside the absolute level)
        var bTotal = expected(bAfter, ResilienceScenarioIntegrationTests::total);
        var admin = survey.user(street.streetAdminUsername());
        var streetView = resilience.street(admin.scope(), street.id());
        var lineA = streetView.lines().stream().filter(l -> l.community().id().equals(street.a().id())).findFirst()
                .orElseThrow();
        var lineB = streetView.lines().stream().filter(l -> l.community().id().equals(street.b().id())).findFirst()
                .orElseThrow();
        assertThat(lineB.latest().scale(Instrument.TOTAL).score().value()).isCloseTo(bTotal.mean(), within(1e-9));
        assertThat(lineA.rank()).isEqualTo(total.mean() > bTotal.mean() ? 1 : 2);
        assertThat(lineB.rank()).isEqualTo(total.mean() > bTotal.mean() ? 2 : 1);
        assertThat(streetView.icc()).isNotNull();
        mvc.perform(get("/resilience/streets/" + street.id()).with(SurveyIntegrationTests.as(admin)))
                .andExpect(content().string(containsString(String.format("%.0f", percent(bTotal.mean())))));
    }

    /**
     * The weighted mean of a score over the responses that have one. Weights in closed form: the registry's adults
     * are 6 men and 6 women aged 45–59 and one woman of 88; respondents cycle man 45–59, woman 45–59, woman 75+,
     * so raking puts 6, 6 and 1 people on those cells: a respondent's weight is the cell's people ÷ its respondents.
     */
    private static Expected expected(List<ResilienceFixtures.Answered> responses,
                                     java.util.function.Function<ResilienceFixtures.Answered, Double> score) {
        var counts = new int[3];
        for (int i = 0; i < responses.size(); i++) {
            counts[i % 3]++;
        }
        double[] people = {6, 6, 1};
        var x = new ArrayList<Double>();
        var w = new ArrayList<Double>();
        for (int i = 0; i < responses.size(); i++) {
            var s = score.apply(responses.get(i));
            if (s != null) {
                x.add(s);
                w.add(people[i % 3] / counts[i % 3]);
            }
        }
        int n = x.size();
        double sw = w.stream().mapToDouble(Double::doubleValue).sum();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += w.get(i) * x.get(i) / sw;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += Math.pow(w.get(i) * (x.get(i) - mean), 2);
        }
        double se = Math.sqrt(n / (n - 1.0) * ss / (sw * sw));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Expected(mean, se, mean - t * se, mean + t * se, n);
    }

    /** The pulse items of a dimension are its three cells' first items; scored with at least 2 of 3 answered. */
    private static Double dimension(ResilienceFixtures.Answered r, int dimension) {
        String[] prefix = {"psy", "org", "cul"};
        double sum = 0;
        int answered = 0;
        for (var element : new String[] {"trust", "network", "relation"}) {
            var a = r.answers().get(prefix[dimension] + "." + element + ".1");
            if (a != null) {
                sum += a;
                answered++;
            }
        }
        return answered >= 2 ? sum / answered : null;
    }

    private static Double total(ResilienceFixtures.Answered r) {
        double sum = 0;
        int scored = 0;
        for (int d = 0; d < 3; d++) {
            var s = dimension(r, d);
            if (s != null) {
                sum += s;
                scored++;
            }
        }
        return scored >= 2 ? sum / scored : null;
    }

    private static double percent(double score) {
        return (score - 1) * 25;
    }
}
