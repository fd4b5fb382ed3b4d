package org.liandong.supply;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a minute: reservations whose pickup slot has ended without a pickup go back to stock. */
@Component
@ConditionalOnProperty(name = "liandong.supply.no-show-check", havingValue = "true", matchIfMissing = true)
class NoShowChecker {

    private final SupplyDesk desk;
    private final Clock clock;

    NoShowChecker(SupplyDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${liandong.supply.no-show-interval:PT1M}", initialDelayString = "PT1M")
    void check() {
        int returned;
        do {
            returned = desk.returnNoShows(clock.instant());
        } while (returned >= 1000);
    }
}
