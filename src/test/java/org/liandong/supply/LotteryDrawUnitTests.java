package org.liandong.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The draw as docs/supply.md specifies it, checked against a test vector computed by an independent implementation. */
class LotteryDrawUnitTests {

    static final byte[] SEED = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    static List<String> refs() {
        return IntStream.rangeClosed(1, 10).mapToObj(i -> Long.toHexString(i * 0x1111111111111111L))
                .map(s -> "0".repeat(16 - s.length()) + s).toList();
    }

    @Test
    void theTestVectorOfTheDocumentation() {
        // the same vector in docs/supply.md and in bench/lottery-redraw.py (Python's hashlib, another implementation)
        assertThat(LotteryDraw.commitment(SEED))
                .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
        var shuffledInput = new ArrayList<>(refs());
        java.util.Collections.reverse(shuffledInput); // the input order does not matter: the draw sorts first
        assertThat(LotteryDraw.shuffle(SEED, shuffledInput)).containsExactly("8888888888888888", "3333333333333333",
                "1111111111111111", "7777777777777777", "4444444444444444", "9999999999999999", "6666666666666666",
                "aaaaaaaaaaaaaaaa", "5555555555555555", "2222222222222222");
    }

    @Test
    void aDrawIsAPermutationAndDependsOnTheSeed() {
        var other = SEED.clone();
        other[0] = 1;
        var a = LotteryDraw.shuffle(SEED, refs());
        var b = LotteryDraw.shuffle(other, refs());
        assertThat(a).containsExactlyInAnyOrderElementsOf(refs());
        assertThat(b).containsExactlyInAnyOrderElementsOf(refs()).isNotEqualTo(a);
        assertThat(LotteryDraw.shuffle(SEED, List.of())).isEmpty();
        assertThat(LotteryDraw.shuffle(SEED, List.of("x"))).containsExactly("x");
    }

    @Test
    void everyPlaceIsEquallyLikelyForEveryone() {
        // 3 registrations, 6000 seeds: each of the 6 orders about 1000 times
        var counts = new java.util.HashMap<List<String>, Integer>();
        for (int s = 0; s < 6000; s++) {
            var seed = LotteryDraw.sha256(Integer.toString(s).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            counts.merge(LotteryDraw.shuffle(seed, List.of("a", "b", "c")), 1, Integer::sum);
        }
        assertThat(counts).hasSize(6);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }
}
