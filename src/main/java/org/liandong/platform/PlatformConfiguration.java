package org.liandong.platform;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** One clock for the whole application, so tests can move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Where module-event listeners ({@code @ApplicationModuleListener}) and background imports run: a few threads
     * (default 4, {@code liandong.async.threads}) and a queue. Not a new virtual thread per event: in a surge of fever
     * alerts thousands of listeners waited at once for a database connection, the pool starved, check-ins timed out
     * and 1,397 notifications failed in one 30 s run (bench/checkins.sh). Not a blocking limit either: a listener that
     * publishes the next event (an isolated carer → the dependants' alerts → their notices) must never wait for a
     * place held by listeners that wait in turn. A queued event is in the event publication registry already, so one
     * still queued at a shutdown is republished on the next start.
     */
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${liandong.async.threads:4}") int threads) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setThreadNamePrefix("task-");
        return executor;
    }
}
