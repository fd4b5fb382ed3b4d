package org.liandong.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in throttling: after {@code maxFailedLogins} wrong passwords the account waits {@code lockDuration}. */
@ConfigurationProperties("liandong.account")
record AccountSettings(int maxFailedLogins, Duration lockDuration) {

    AccountSettings {
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
    }
}
