package org.liandong.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.liandong.community.Relation;

/**
 * Composes households: who lives together, their sex, age and relation to the head. Ages are drawn so
 * that relations stay plausible (a child is 22–40 years younger than the parent, a spouse within a few
 * years) and older people follow the city's age bands. Names, dates and numbers come later, in
 * {@link DemoPeople}.
 */
final class DemoHouseholds {

    record Member(Relation relation, char sex, int age) {
    }

    /** One household before it has names: its shape, members (head first) and where they are registered. */
    record Composition(HouseholdKind kind, List<Member> members, boolean registeredElsewhere) {
        int size() {
            return members.size();
        }
    }

    /** Chance that a household of this shape is registered elsewhere (实住 / 流动), before the city factor. */
    private static final Map<HouseholdKind, Double> ELSEWHERE = Map.ofEntries(
            Map.entry(HouseholdKind.YOUNG_SINGLE, 0.75), Map.entry(HouseholdKind.ELDER_ALONE, 0.04),
            Map.entry(HouseholdKind.COUPLE, 0.65), Map.entry(HouseholdKind.ELDER_COUPLE, 0.05),
            Map.entry(HouseholdKind.ONE_CHILD, 0.50), Map.entry(HouseholdKind.TWO_CHILDREN, 0.55),
            Map.entry(HouseholdKind.SINGLE_PARENT, 0.40), Map.entry(HouseholdKind.THREE_GENERATIONS, 0.30),
            Map.entry(HouseholdKind.ELDER_WITH_ADULT_CHILD, 0.10), Map.entry(HouseholdKind.SKIPPED_GENERATION, 0.15),
            Map.entry(HouseholdKind.GROWN_CHILD_AT_HOME, 0.20), Map.entry(HouseholdKind.SHARED_RENT, 1.0));

    private static final int OLDEST = 99;

    private final DemoCity city;
    private final RandomGenerator random;

    DemoHouseholds(DemoCity city, RandomGenerator random) {
        this.city = city;
        this.random = random;
    }

    /** Households holding exactly {@code residents} people between them. */
    List<Composition> fill(int residents) {
        var households = new ArrayList<Composition>();
        for (int left = residents; left > 0; ) {
            var household = next(Math.min(5, left));
            households.add(household);
            left -= household.size();
        }
        return households;
    }

    /** A household of at most {@code maxSize} people. */
    Composition next(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("a household has at least one member");
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            var kind = kind();
            var members = compose(kind);
            if (members.size() <= maxSize) {
                return new Composition(kind, members, elsewhere(kind));
            }
        }
        return new Composition(HouseholdKind.YOUNG_SINGLE, compose(HouseholdKind.YOUNG_SINGLE),
                elsewhere(HouseholdKind.YOUNG_SINGLE));
    }

    private boolean elsewhere(HouseholdKind kind) {
        var p = kind == HouseholdKind.SHARED_RENT ? 1.0 : Math.min(1.0, ELSEWHERE.get(kind) * city.elsewhereFactor());
        return random.nextDouble() < p;
    }

    private HouseholdKind kind() {
        var total = city.kinds().values().stream().mapToDouble(Double::doubleValue).sum();
        var x = random.nextDouble() * total;
        for (var e : city.kinds().entrySet()) {
            x -= e.getValue();
            if (x < 0) {
                return e.getKey();
            }
        }
        return HouseholdKind.YOUNG_SINGLE;
    }

    private List<Member> compose(HouseholdKind kind) {
        var m = new ArrayList<Member>(5);
        switch (kind) {
            case YOUNG_SINGLE -> m.add(new Member(Relation.HEAD, sex(0.55), chance(0.7) ? between(22, 39)
                    : between(40, 59)));
            case ELDER_ALONE -> m.add(new Member(Relation.HEAD, sex(0.32), elderAge()));
            case COUPLE -> couple(m, chance(0.6) ? between(23, 35) : between(36, 59));
            case ELDER_COUPLE -> couple(m, elderAge());
            case ONE_CHILD -> {
                var child = chance(0.85) ? between(0, 17) : between(18, 26);
                couple(m, child + between(25, 37));
                m.add(new Member(Relation.CHILD, sex(0.51), child));
            }
            case TWO_CHILDREN -> {
                var elder = between(3, 17);
                couple(m, elder + between(25, 35));
                m.add(new Member(Relation.CHILD, sex(0.51), elder));
                m.add(new Member(Relation.CHILD, sex(0.51), Math.max(0, elder - between(2, 7))));
            }
            case SINGLE_PARENT -> {
                var child = between(0, 17);
                m.add(new Member(Relation.HEAD, sex(0.25), child + between(24, 38)));
                m.add(new Member(Relation.CHILD, sex(0.51), child));
            }
            case THREE_GENERATIONS -> {
                var grandparent = elderAge(60, 92);
                var head = grandparent - between(24, 32);
                var child = head - between(24, 34);
                couple(m, head);
                m.add(new Member(Relation.CHILD, sex(0.51), child < 0 ? between(0, 5) : child));
                m.add(new Member(Relation.PARENT, sex(0.4), grandparent));
                if (chance(0.45)) {
                    m.add(new Member(Relation.PARENT, opposite(m.getLast().sex()),
                            Math.max(58, grandparent - between(-3, 4))));
                }
            }
            case ELDER_WITH_ADULT_CHILD -> {
                var parent = elderAge(62, OLDEST);
                m.add(new Member(Relation.HEAD, sex(0.5), parent - between(24, 34)));
                m.add(new Member(Relation.PARENT, sex(0.35), parent));
                if (chance(0.35)) {
                    m.add(new Member(Relation.PARENT, opposite(m.getLast().sex()),
                            Math.max(60, parent - between(-3, 4))));
                }
            }
            case SKIPPED_GENERATION -> {
                var head = elderAge(58, 80);
                if (chance(0.6)) {
                    couple(m, head);
                } else {
                    m.add(new Member(Relation.HEAD, sex(0.3), head));
                }
                m.add(new Member(Relation.GRANDCHILD, sex(0.51), between(2, 15)));
            }
            case GROWN_CHILD_AT_HOME -> {
                var child = between(20, 32);
                couple(m, Math.min(64, child + between(24, 34)));
                m.add(new Member(Relation.CHILD, sex(0.5), child));
            }
            case SHARED_RENT -> {
                m.add(new Member(Relation.HEAD, sex(0.55), between(22, 40)));
                var tenants = chance(0.6) ? 1 : 2;
                for (int i = 0; i < tenants; i++) {
                    m.add(new Member(Relation.TENANT, sex(0.55), between(21, 40)));
                }
            }
        }
        return m;
    }

    /** Head (usually the husband) and spouse a few years apart. */
    private void couple(List<Member> m, int headAge) {
        var headSex = sex(0.75);
        var gap = between(-1, 4);
        var spouseAge = headSex == 'M' ? headAge - gap : headAge + gap;
        m.add(new Member(Relation.HEAD, headSex, clamp(headAge)));
        m.add(new Member(Relation.SPOUSE, opposite(headSex), clamp(Math.max(20, spouseAge))));
    }

    /** An age of 60 or more, following the city's shares of 60–64, 65–79 and 80+. */
    int elderAge() {
        var bands = city.elderBands();
        var x = random.nextDouble() * (bands[0] + bands[1] + bands[2]);
        if (x < bands[0]) {
            return between(60, 64);
        }
        if (x < bands[0] + bands[1]) {
            return between(65, 79);
        }
        var y = random.nextDouble();
        return y < 0.55 ? between(80, 84) : y < 0.85 ? between(85, 89) : between(90, OLDEST);
    }

    private int elderAge(int min, int max) {
        for (int i = 0; i < 50; i++) {
            var age = elderAge();
            if (age >= min && age <= max) {
                return age;
            }
        }
        return between(Math.max(60, min), max);
    }

    private int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private char sex(double male) {
        return random.nextDouble() < male ? 'M' : 'F';
    }

    private static char opposite(char sex) {
        return sex == 'M' ? 'F' : 'M';
    }

    private static int clamp(int age) {
        return Math.max(0, Math.min(OLDEST, age));
    }
}
