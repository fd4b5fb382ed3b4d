package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Module-event listeners run on a few threads with a queue: a surge never runs more than the limit at once (so it
 * cannot starve the connection pool), and a listener that publishes the next event never waits for a place.
 */
class ApplicationTaskExecutorTests {

    @Test
    void aSurgeRunsFourAtOnceAndAListenerPublishingTheNextEventNeverWaits() throws Exception {
        var executor = new PlatformConfiguration().applicationTaskExecutor(4);
        executor.initialize();
        try {
            int events = 200;
            var running = new AtomicInteger();
            var mostAtOnce = new AtomicInteger();
            var done = new CountDownLatch(events * 2);
            Runnable work = () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(2); // a listener's transaction
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
            };
            for (int i = 0; i < events; i++) {
                executor.execute(() -> {
                    work.run();
                    // the event this listener's work published: with a limit that makes the publisher wait, four
                    // listeners publishing at once would each wait for a place the others hold, for ever
                    executor.execute(() -> {
                        work.run();
                        done.countDown();
                    });
                    done.countDown();
                });
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).as("every event and its follow-up handled").isTrue();
            assertThat(mostAtOnce.get()).isEqualTo(4);
        } finally {
            executor.shutdown();
        }
    }
}
