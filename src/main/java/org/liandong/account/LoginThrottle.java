package org.liandong.account;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per account and locks it for a while after too many, so a password cannot be
 * guessed by trying. A successful sign-in resets the count.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final AccountSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, AccountSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        var username = String.valueOf(event.getAuthentication().getPrincipal()).strip();
        jdbc.sql("update user_account set failed_logins = failed_logins + 1 where username = :u")
                .param("u", username).update();
        jdbc.sql("""
                update user_account set locked_until = :until, failed_logins = 0
                where username = :u and failed_logins >= :max""")
                .param("until", Timestamp.from(clock.instant().plus(settings.lockDuration())))
                .param("u", username).param("max", settings.maxFailedLogins()).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("update user_account set failed_logins = 0, locked_until = null where username = :u")
                .param("u", event.getAuthentication().getName()).update();
    }
}
