package org.liandong.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.liandong.community.Relation;

/** Household shapes and ages add up to the census figures each city is modelled on. */
class DemoHouseholdsUnitTests {

    record Shares(double mean, double aged60, double aged65, double aged80, double under15, double elsewhereAdults,
                  int people) {
    }

    static Shares sample(DemoCity city, int people) {
        var households = new DemoHouseholds(city, new Random(7));
        var all = new ArrayList<DemoHouseholds.Composition>();
        int n = 0;
        while (n < people) {
            var h = households.next(5);
            all.add(h);
            n += h.size();
        }
        var members = all.stream().flatMap(h -> h.members().stream()).toList();
        long adults = members.stream().filter(m -> m.age() >= 18).count();
        long elsewhereAdults = all.stream().filter(DemoHouseholds.Composition::registeredElsewhere)
                .flatMap(h -> h.members().stream()).filter(m -> m.age() >= 18).count();
        return new Shares((double) n / all.size(), share(members, 60), share(members, 65), share(members, 80),
                1 - share(members, 15), (double) elsewhereAdults / adults, n);
    }

    private static double share(List<DemoHouseholds.Member> members, int minAge) {
        return (double) members.stream().filter(m -> m.age() >= minAge).count() / members.size();
    }

    @Test
    void shanghaiMatchesTheCensus() {
        var s = sample(DemoCity.SHANGHAI, 40_000);
        System.out.println("Shanghai " + s);
        assertThat(s.mean()).isCloseTo(2.32, within(0.08));
        assertThat(s.aged60()).isCloseTo(0.234, within(0.015));
        assertThat(s.aged65()).isCloseTo(0.1628, within(0.015));
        assertThat(s.aged80()).isBetween(0.035, 0.055);
        assertThat(s.under15()).isCloseTo(0.098, within(0.02));
        assertThat(s.elsewhereAdults()).isCloseTo(0.42, within(0.04));
    }

    @Test
    void wuhanMatchesTheCensus() {
        var s = sample(DemoCity.WUHAN, 40_000);
        System.out.println("Wuhan " + s);
        assertThat(s.mean()).isCloseTo(2.47, within(0.08));
        assertThat(s.aged60()).isCloseTo(0.1723, within(0.015));
        assertThat(s.aged65()).isCloseTo(0.1181, within(0.015));
        assertThat(s.aged80()).isBetween(0.02, 0.04);
        assertThat(s.under15()).isCloseTo(0.133, within(0.02));
        assertThat(s.elsewhereAdults()).isBetween(0.15, 0.25);
    }

    @Test
    void relationsFitTheAges() {
        for (var city : DemoCity.all()) {
            var households = new DemoHouseholds(city, new Random(11));
            for (int i = 0; i < 20_000; i++) {
                var h = households.next(5);
                var head = h.members().getFirst();
                assertThat(head.relation()).isEqualTo(Relation.HEAD);
                assertThat(head.age()).isGreaterThanOrEqualTo(20);
                assertThat(h.size()).isBetween(1, 5);
                for (var m : h.members().subList(1, h.size())) {
                    var gap = head.age() - m.age();
                    switch (m.relation()) {
                        case SPOUSE -> {
                            assertThat(Math.abs(gap)).isLessThanOrEqualTo(6);
                            assertThat(m.sex()).isNotEqualTo(head.sex());
                        }
                        case CHILD -> assertThat(gap).as("parent %s, child %s", head, m).isGreaterThanOrEqualTo(20);
                        case PARENT -> assertThat(-gap).as("head %s, parent %s", head, m).isGreaterThanOrEqualTo(18);
                        case GRANDCHILD -> assertThat(gap).isGreaterThanOrEqualTo(40);
                        case TENANT -> assertThat(m.age()).isGreaterThanOrEqualTo(18);
                        default -> throw new AssertionError("unexpected relation " + m);
                    }
                }
            }
        }
    }

    @Test
    void respectsTheRoomLeft() {
        var households = new DemoHouseholds(DemoCity.WUHAN, new Random(3));
        for (int i = 0; i < 1000; i++) {
            assertThat(households.next(2).size()).isLessThanOrEqualTo(2);
            assertThat(households.next(1).size()).isEqualTo(1);
        }
    }

    @Test
    void sameSeedSameHouseholds() {
        var a = new DemoHouseholds(DemoCity.SHANGHAI, new Random(5));
        var b = new DemoHouseholds(DemoCity.SHANGHAI, new Random(5));
        for (int i = 0; i < 100; i++) {
            assertThat(a.next(5)).isEqualTo(b.next(5));
        }
    }
}
