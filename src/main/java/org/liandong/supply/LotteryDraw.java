package org.liandong.supply;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The lottery draw, written so that anyone can re-implement it (docs/supply.md, "Lottery"): a seeded Fisher–Yates
 * shuffle of the sorted registration references, the random numbers taken from SHA-256 in counter mode.
 *
 * <ol>
 *     <li>{@code block(i) = SHA-256(seed ‖ i as 8 bytes big-endian)}, i = 0, 1, 2…; the blocks form one byte stream;</li>
 *     <li>{@code next64()} = the next 8 bytes of the stream as an unsigned big-endian integer;</li>
 *     <li>{@code uniform(m)}: limit = 2^64 − (2^64 mod m); take next64() until it is below limit; answer it mod m;</li>
 *     <li>a = the references sorted ascending; for i = n − 1 down to 1: j = uniform(i + 1), swap a[i] and a[j];</li>
 *     <li>the first k of a are drawn (k = how many the stock serves), a[i] has rank i + 1.</li>
 * </ol>
 */
public final class LotteryDraw {

    /** The name published with every draw, so a re-implementation knows which rules it follows. */
    public static final String ALGORITHM = "liandong-lottery-v1: sort refs ascending; Fisher-Yates from the end, "
            + "j = uniform(i+1) from SHA-256(seed || uint64be(counter)) blocks, rejection sampling; first k drawn";

    private LotteryDraw() {
    }

    /** The references in drawn order: the first k of the result are the winners. */
    public static List<String> shuffle(byte[] seed, List<String> references) {
        var a = new ArrayList<>(references);
        Collections.sort(a);
        var random = new Stream(seed);
        for (int i = a.size() - 1; i >= 1; i--) {
            int j = (int) random.uniform(i + 1);
            Collections.swap(a, i, j);
        }
        return a;
    }

    /** The commitment published when the round opens: lowercase hex SHA-256 of the seed's bytes. */
    public static String commitment(byte[] seed) {
        return HexFormat.of().formatHex(sha256(seed));
    }

    /** Lowercase hex SHA-256 of the lines joined by "\n" (no final newline), UTF-8. */
    public static String hashOf(List<String> lines) {
        return HexFormat.of().formatHex(sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 in counter mode as a stream of unsigned 64-bit numbers. */
    private static final class Stream {

        private final byte[] seed;
        private long counter;
        private ByteBuffer block = ByteBuffer.allocate(0);

        Stream(byte[] seed) {
            this.seed = seed.clone();
        }

        long next64() {
            var out = new byte[8];
            for (int i = 0; i < 8; i++) {
                if (!block.hasRemaining()) {
                    var input = ByteBuffer.allocate(seed.length + 8).put(seed).putLong(counter++).array();
                    block = ByteBuffer.wrap(sha256(input));
                }
                out[i] = block.get();
            }
            return ByteBuffer.wrap(out).getLong();
        }

        /** Uniform in [0, m) without modulo bias. */
        long uniform(long m) {
            // 2^64 mod m, computed in unsigned arithmetic: (2^64 - m) mod m
            long rest = Long.remainderUnsigned(-m, m);
            long limit = -rest; // 2^64 - rest, as unsigned (0 means 2^64: every value is accepted)
            while (true) {
                long x = next64();
                if (limit == 0 || Long.compareUnsigned(x, limit) < 0) {
                    return Long.remainderUnsigned(x, m);
                }
            }
        }
    }
}
