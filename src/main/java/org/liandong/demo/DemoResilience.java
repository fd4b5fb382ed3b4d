package org.liandong.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.liandong.community.RegistryOverview;
import org.liandong.platform.LiandongUser;
import org.liandong.resilience.survey.Demographics;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.Instrument;
import org.liandong.resilience.survey.SurveyRounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resilience surveys in the first two communities of 枫林路街道 (张家浜居委会 and its neighbour): a prepare baseline
 * (full form, closed) and a respond pulse (still open), opened by the {@code social-worker} login and answered
 * with household codes, a few hundred responses each (fewer in a small demo: at most 40 % of the households for
 * the baseline and 30 % for the pulse). Respondents are drawn from the registry's adults, older people and women a
 * little more likely to answer, so the raking has work to do. 张家浜 grows more resilient in the emergency (its
 * mutual-aid story); the neighbour slips, psychologically most.
 *
 * <p>Loaded once: the check is whether 张家浜居委会 has a survey round.
 */
@Component
@Order(60)
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoResilience implements DemoChapter {

    static final int BASELINE = 240;
    static final int PULSE = 160;

    private static final Logger log = LoggerFactory.getLogger(DemoResilience.class);

    private final SurveyRounds rounds;
    private final RegistryOverview registry;
    private final UserDetailsService users;
    private final TransactionTemplate tx;
    private final DemoSettings settings;
    private final Clock clock;

    DemoResilience(SurveyRounds rounds, RegistryOverview registry, UserDetailsService users, TransactionTemplate tx,
                   DemoSettings settings, Clock clock) {
        this.rounds = rounds;
        this.registry = registry;
        this.users = users;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "resilience";
    }

    @Override
    public void load(Divisions divisions, DemoStory story) {
        var communities = divisions.communitiesOf(DemoCity.SHANGHAI.streetCode()).stream()
                .limit(Math.min(2, settings.populatedCommunitiesPerStreet())).toList();
        if (communities.isEmpty() || !rounds.rounds(List.of(communities.get(0).code())).isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        var worker = (LiandongUser) users.loadUserByUsername("social-worker");
        int total = 0;
        for (int c = 0; c < communities.size(); c++) {
            var code = communities.get(c).code();
            var random = new SplittableRandom(settings.seed() * 31 + c);
            // 张家浜 (c = 0) rises from the baseline into the emergency; its neighbour falls back
            double[] before = c == 0 ? new double[] {3.1, 3.3, 3.2} : new double[] {3.5, 3.4, 3.6};
            double[] during = c == 0 ? new double[] {3.5, 3.9, 3.6} : new double[] {2.9, 3.3, 3.3};
            total += round(worker, code, "PREPARE", Form.FULL, BASELINE, 0.4, before, random, true);
            total += round(worker, code, "RESPOND", Form.PULSE, PULSE, 0.3, during, random, false);
        }
        log.info("Demo data: {} resilience survey responses in {} communities in {} ms", total, communities.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private int round(LiandongUser worker, String community, String stage, Form form, int wanted, double share,
                      double[] centres, SplittableRandom random, boolean close) {
        var people = people(community);
        var answered = tx.execute(status -> {
            var id = rounds.open(worker, community, Instrument.LIANDONG_ID, stage, form.name());
            rounds.issueTokens(worker, id);
            var tokens = rounds.tokens(worker.scope(), id);
            int n = Math.min(wanted, (int) (tokens.size() * share));
            var code = rounds.round(worker.scope(), id).code();
            var used = new java.util.HashSet<String>();
            for (int i = 0; i < n; i++) {
                var token = tokens.get(random.nextInt(tokens.size())).code();
                if (used.add(token)) {
                    rounds.submit(code, null, token, answers(form, centres, random), person(people, random));
                }
            }
            if (close) {
                rounds.close(worker, id);
            }
            return rounds.round(worker.scope(), id).responses();
        });
        return answered == null ? 0 : answered.intValue();
    }

    /** The registry's adults by age band and sex, weighted by how likely they are to answer a survey. */
    private List<Map.Entry<Demographics, Double>> people(String community) {
        var weights = new HashMap<Demographics, Double>();
        for (var c : registry.ageSexCounts(community, LocalDate.now(clock))) {
            var band = Demographics.AgeBand.of(c.age());
            if (band == null) {
                continue;
            }
            double propensity = (band.ordinal() >= 3 ? 1.6 : 1.0) * ("F".equals(c.sex()) ? 1.3 : 1.0);
            weights.merge(new Demographics(band, c.sex(), null, null), c.residents() * propensity, Double::sum);
        }
        return new ArrayList<>(weights.entrySet());
    }

    private static Demographics person(List<Map.Entry<Demographics, Double>> people, SplittableRandom random) {
        double total = people.stream().mapToDouble(Map.Entry::getValue).sum();
        double pick = random.nextDouble() * total;
        var chosen = people.get(people.size() - 1).getKey();
        for (var e : people) {
            pick -= e.getValue();
            if (pick <= 0) {
                chosen = e.getKey();
                break;
            }
        }
        // some skip the optional questions; the rest also say how long they have lived here and their household
        if (random.nextInt(12) == 0) {
            return Demographics.NONE;
        }
        return new Demographics(chosen.ageBand(), chosen.sex(), Demographics.YEARS.get(random.nextInt(4)),
                1 + random.nextInt(5));
    }

    private static Map<String, @Nullable Integer> answers(Form form, double[] centres, SplittableRandom random) {
        var answers = new HashMap<String, @Nullable Integer>();
        double person = random.nextGaussian() * 0.55;
        for (var item : Instrument.LIANDONG.items(form)) {
            if (random.nextInt(18) == 0) {
                answers.put(item.id(), null);
                continue;
            }
            double v = centres[item.dimension().ordinal()] + person + random.nextGaussian() * 0.75;
            answers.put(item.id(), (int) Math.max(1, Math.min(5, Math.round(v))));
        }
        return answers;
    }
}
