package org.liandong.resilience;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.liandong.Fixtures;
import org.liandong.community.RegistryWriter;
import org.liandong.platform.LiandongUser;
import org.liandong.resilience.survey.Demographics;
import org.liandong.resilience.survey.Form;
import org.liandong.resilience.survey.Instrument;
import org.liandong.resilience.survey.Item;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** Survey rounds for tests: more households in a test community, tokens, and generated responses. */
@TestComponent
public class ResilienceFixtures {

    /** One generated response: its demographics and its answers (null = "don't know"). */
    public record Answered(Demographics demographics, Map<String, @Nullable Integer> answers) {
    }

    private final SurveyRounds rounds;
    private final RegistryWriter registry;
    private final UserDetailsService users;
    private final TransactionTemplate tx;

    public ResilienceFixtures(SurveyRounds rounds, RegistryWriter registry, UserDetailsService users,
                       TransactionTemplate tx) {
        this.rounds = rounds;
        this.registry = registry;
        this.users = users;
        this.tx = tx;
    }

    public LiandongUser user(String username) {
        return (LiandongUser) users.loadUserByUsername(username);
    }

    /** Adds empty households (no residents: the registry's age × sex margins stay the fixture's) to a community. */
    public void moreHouseholds(Fixtures.TestCommunity community, int count) {
        var households = new ArrayList<RegistryWriter.NewHousehold>();
        for (int i = 0; i < count; i++) {
            households.add(new RegistryWriter.NewHousehold(UUID.randomUUID(), community.id(),
                    community.buildings().get(i % community.buildings().size()), (201 + i) + ""));
        }
        tx.executeWithoutResult(s -> registry.households(households));
    }

    /** Opens a round, issues household codes and answers it once per generated response (one code each). */
    public UUID answeredRound(Fixtures.TestCommunity community, String stage, Form form, List<Answered> responses) {
        var staff = user(community.staffUsername());
        var id = rounds.open(staff, community.id(), Instrument.LIANDONG_ID, stage, form.name());
        rounds.issueTokens(staff, id);
        var tokens = rounds.tokens(staff.scope(), id);
        var code = rounds.round(staff.scope(), id).code();
        for (int i = 0; i < responses.size(); i++) {
            rounds.submit(code, null, tokens.get(i).code(), responses.get(i).answers(),
                    responses.get(i).demographics());
        }
        return id;
    }

    /**
     * Generated answers: each item is {@code centre} plus noise, clipped to 1–5, with a "don't know" now and then;
     * demographics cycle through men and women aged 45–59 and women aged 75+ (the fixture's adults).
     */
    public static List<Answered> generate(Form form, int count, double centre, long seed) {
        return generate(form, count, i -> centre, seed);
    }

    public static List<Answered> generate(Form form, int count, Function<Integer, Double> centre, long seed) {
        var random = new SplittableRandom(seed);
        var items = Instrument.LIANDONG.items(form);
        var out = new ArrayList<Answered>();
        for (int i = 0; i < count; i++) {
            var answers = new HashMap<String, @Nullable Integer>();
            double person = centre.apply(i) + random.nextGaussian() * 0.6;
            for (Item item : items) {
                if (random.nextInt(25) == 0) {
                    answers.put(item.id(), null);
                } else {
                    long v = Math.round(person + random.nextGaussian() * 0.7);
                    answers.put(item.id(), (int) Math.max(1, Math.min(5, v)));
                }
            }
            var demographics = switch (i % 3) {
                case 0 -> new Demographics(Demographics.AgeBand.A45_59, "M", "GT10", 3);
                case 1 -> new Demographics(Demographics.AgeBand.A45_59, "F", "Y1_5", 2);
                default -> new Demographics(Demographics.AgeBand.A75_PLUS, "F", null, null);
            };
            out.add(new Answered(demographics, answers));
        }
        return out;
    }
}
