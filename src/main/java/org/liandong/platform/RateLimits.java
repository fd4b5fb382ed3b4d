package org.liandong.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Counts attempts on the pages anyone may use without an account (volunteer application, status look-up with a
 * phone number and a reference code, choosing a password) and refuses the excess, so nobody can flood the vetting
 * queue or guess reference codes. Fixed windows per bucket and key (a client address, a phone number), bound to
 * {@code liandong.rate-limits.buckets.<bucket>.{limit,window}}. The counts live in this node's memory: with
 * several nodes behind a load balancer each allows the limit, which still stops guessing.
 */
@Service
public class RateLimits {

    /** How many attempts a bucket allows per key within a window. */
    public record Limit(int limit, Duration window) {
    }

    @ConfigurationProperties("liandong.rate-limits")
    public record Settings(Map<String, Limit> buckets) {

        public Settings {
            buckets = buckets == null ? Map.of() : Map.copyOf(buckets);
        }
    }

    private record Window(Instant start, AtomicInteger count) {
    }

    static final int SWEEP_ABOVE = 50_000;

    private final Settings settings;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimits(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one attempt of {@code key} in {@code bucket}.
     *
     * @throws TooManyAttemptsException when the key used up the bucket's limit in the current window
     */
    public void check(String bucket, String key) {
        var limit = settings.buckets().get(bucket);
        if (limit == null) {
            throw new IllegalStateException("no rate limit configured for " + bucket);
        }
        var now = clock.instant();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.start().plus(Duration.ofDays(1)).isBefore(now));
        }
        var window = windows.compute(bucket + '|' + key, (k, w) ->
                w == null || !now.isBefore(w.start().plus(limit.window())) ? new Window(now, new AtomicInteger()) : w);
        if (window.count().incrementAndGet() > limit.limit()) {
            var wait = Duration.between(now, window.start().plus(limit.window()));
            throw new TooManyAttemptsException(Math.max(1, (wait.toSeconds() + 59) / 60));
        }
    }
}
