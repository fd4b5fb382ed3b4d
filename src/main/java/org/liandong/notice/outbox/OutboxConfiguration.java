package org.liandong.notice.outbox;

import java.time.Clock;
import java.util.ArrayList;
import org.liandong.notice.Channel;
import org.liandong.notice.SmsGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The relay and its channels; e-mail only when an SMTP server is configured ({@code spring.mail.host}). */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    SmsGateway loggingSmsGateway() {
        return new LoggingSmsGateway();
    }

    @Bean
    OutboxRelay outboxRelay(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, SmsGateway sms, Clock clock,
                            OutboxSettings settings, WebhookGuard guard) {
        var channels = new ArrayList<DeliveryChannel>();
        var sender = mail.getIfAvailable();
        channels.add(sender != null ? new EmailChannel(sender, settings.mailFrom(), settings.baseUrl())
                : new Unconfigured(Channel.EMAIL, "SMTP: no mail server configured (spring.mail.host)"));
        channels.add(new WebhookChannel(settings.timeout(), settings.baseUrl(), guard));
        channels.add(new SmsChannel(sms, settings.baseUrl()));
        return new OutboxRelay(jdbc, channels, clock, settings);
    }

    /** Runs the relay every {@code liandong.notice.outbox.poll} unless {@code liandong.notice.outbox.relay=false}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "liandong.notice.outbox.relay", havingValue = "true", matchIfMissing = true)
    static class RelaySchedule {

        private final OutboxRelay relay;

        RelaySchedule(OutboxRelay relay) {
            this.relay = relay;
        }

        @Scheduled(fixedDelayString = "${liandong.notice.outbox.poll:2s}", initialDelayString = "5s")
        void deliver() {
            while (relay.deliverDue() > 0) {
                // keep going while there is a backlog
            }
        }
    }

    /** A channel with no server behind it: every attempt fails with a reason that says what to configure. */
    record Unconfigured(Channel channel, String reason) implements DeliveryChannel {
        @Override
        public void send(OutgoingMessage message) throws DeliveryFailed {
            throw new DeliveryFailed(reason);
        }
    }
}
