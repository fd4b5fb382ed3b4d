package org.liandong.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Random mainland mobile numbers: a prefix that the numbering plan gives to mobile networks (13x, 15x but not
 * 154, 17x, 18x, 19x but not 194; as in libphonenumber's CN pattern) and eight random digits, never the same
 * number twice in one load. They are not taken from any list, so they are nobody's on purpose.
 */
final class DemoPhones {

    private static final List<String> PREFIXES = List.of("130", "131", "132", "133", "134", "135", "136", "137",
            "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176",
            "177", "178", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "193", "195", "198",
            "199");

    private final RandomGenerator random;
    private final Set<String> used;

    DemoPhones(RandomGenerator random) {
        this(random, new HashSet<>());
    }

    /** Draws with {@code random}, never handing out a number in {@code used}, which it adds its own to. */
    DemoPhones(RandomGenerator random, Set<String> used) {
        this.random = random;
        this.used = used;
    }

    String next() {
        while (true) {
            var number = PREFIXES.get(random.nextInt(PREFIXES.size()))
                    + String.format("%08d", random.nextInt(100_000_000));
            if (used.add(number)) {
                return number;
            }
        }
    }
}
