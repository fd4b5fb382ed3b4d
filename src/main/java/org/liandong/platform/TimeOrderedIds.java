package org.liandong.platform;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids whose order follows their creation time (UUID version 7, RFC 9562: 48 bits of Unix milliseconds, then 74
 * random bits), for rows written in floods, such as check-ins. A random id (version 4) puts each new row in a random
 * page of the primary-key index, so once the index outgrows the database's buffers every insert reads and dirties an
 * old page (and writes it whole to the WAL after each checkpoint); time-ordered ids all go to the index's newest page.
 * They say when the row was made, which the rows they are used for record anyway, and they are not credentials.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    public static UUID next(Clock clock) {
        return at(clock.millis());
    }

    static UUID at(long epochMillis) {
        var random = ThreadLocalRandom.current();
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
