package org.liandong.care;

import java.time.Clock;
import java.time.Instant;
import org.liandong.care.alert.CareAlerts;
import org.liandong.care.request.HelpRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one scheduled checker of the module: overdue help requests, missed check-ins, alerts and referrals
 * nobody acted on. Time comes from the {@link Clock} bean, and {@link #run(Instant)} takes it explicitly so
 * tests drive it; every step is idempotent, so two nodes (or a test and the schedule) running it at once
 * raise nothing twice.
 */
@Component
public class CareWatch {

    private static final Logger LOG = LoggerFactory.getLogger(CareWatch.class);

    private final HelpRequests requests;
    private final CareAlerts alerts;
    private final java.util.List<CareCheck> checks;
    private final Clock clock;

    CareWatch(HelpRequests requests, CareAlerts alerts, java.util.List<CareCheck> checks, Clock clock) {
        this.requests = requests;
        this.alerts = alerts;
        this.checks = checks;
        this.clock = clock;
    }

    /** Something the watch checks on every run (missed check-ins, unacknowledged referrals). */
    public interface CareCheck {
        int check(Instant now);
    }

    @Scheduled(fixedDelayString = "${liandong.care.watch-interval:PT1M}",
            initialDelayString = "${liandong.care.watch-interval:PT1M}")
    void scheduled() {
        run(clock.instant());
    }

    /** Runs every check as of {@code now}; returns how many things it raised or escalated. */
    public int run(Instant now) {
        var n = 0;
        for (var check : checks) {
            n += check.check(now);
        }
        n += requests.timeOutUnaccepted(now);
        n += requests.escalateOverdue(now);
        n += alerts.escalateDue(now);
        if (n > 0) {
            LOG.info("Care watch at {}: {} alerts raised or escalated", now, n);
        }
        return n;
    }
}
