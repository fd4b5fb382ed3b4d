package org.liandong.notice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liandong.Fixtures;
import org.liandong.LiandongTest;
import org.liandong.notice.Channel;
import org.liandong.notice.DeliveryStatus;
import org.liandong.notice.Notification;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.liandong.notice.SmsGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox end to end: written with the business change or not at all, delivered by e-mail to an
 * in-process SMTP server (GreenMail), to an in-process group robot (JDK HTTP server) and by SMS; a dead
 * robot is retried with back-off and then marked failed with its reason; the in-app inbox counts unread.
 */
@LiandongTest
class OutboxIntegrationTests {

    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Autowired TransactionTemplate tx;
    @Autowired Fixtures fixtures;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;

    GreenMail smtp;
    WebhookServer robot;
    MutableClock clock;
    List<String> sms = new ArrayList<>();
    OutboxSettings settings = new OutboxSettings(false, Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofMinutes(10), 4, Duration.ofMinutes(2), 100, "https://liandong.example", "notice@liandong.example",
            Duration.ofSeconds(3));
    OutboxRelay relay;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.now().plusSeconds(1)); // the outbox writes with the real clock
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        robot = new WebhookServer();
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        SmsGateway gateway = (phone, text, key) -> sms.add(phone + "|" + key + "|" + text);
        relay = new OutboxRelay(jdbc, List.of(new EmailChannel(mail, settings.mailFrom(), settings.baseUrl()),
                new WebhookChannel(settings.timeout(), settings.baseUrl(), WebhookServer.GUARD), new SmsChannel(gateway, settings.baseUrl())),
                clock, settings);
    }

    @AfterEach
    void stop() {
        smtp.stop();
        robot.close();
    }

    UUID enqueue(Recipient... recipients) {
        return notifications.enqueue(Notification.of("TEST", "停水通知", "明天 9:00–12:00 停水，请提前储水。", List.of(recipients))
                .about("test:" + UUID.randomUUID(), "/inbox"));
    }

    DeliveryStatus statusOf(UUID notification) {
        return notifications.deliveries(notification).getFirst().status();
    }

    @Test
    void aNotificationExistsOnlyWhenTheBusinessChangeCommits() {
        var ref = "rollback:" + UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            notifications.enqueue(Notification.of("TEST", "t", "b", List.of(Recipient.sms("13912345678"))).about(ref, null));
            throw new IllegalStateException("business change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(notifications.bySubject(ref)).isEmpty();

        tx.executeWithoutResult(status -> notifications.enqueue(
                Notification.of("TEST", "t", "b", List.of(Recipient.sms("13912345678"))).about(ref, null)));
        assertThat(notifications.bySubject(ref)).isPresent();
    }

    @Test
    void theSameFactEnqueuedTwiceIsOneNotification() {
        var key = "task-created:" + UUID.randomUUID();
        var first = notifications.enqueue(Notification.of("TEST", "t", "b", List.of(Recipient.sms("13912345678"))).once(key));
        var second = notifications.enqueue(Notification.of("TEST", "t", "b", List.of(Recipient.sms("13912345678"))).once(key));
        assertThat(second).isEqualTo(first);
        assertThat(notifications.deliveries(first)).hasSize(1);
    }

    @Test
    void emailGoesThroughSmtpWithTheDeliveryKeyAsMessageId() throws Exception {
        var id = enqueue(Recipient.email("wang@example.org"));
        assertThat(statusOf(id)).isEqualTo(DeliveryStatus.PENDING);

        assertThat(relay.deliverDue(id)).isEqualTo(1);

        var mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("停水通知");
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("wang@example.org");
        var delivery = notifications.deliveries(id).getFirst();
        assertThat(mails[0].getMessageID()).isEqualTo("<ld-" + delivery.id() + "@liandong>");
        assertThat((String) mails[0].getContent()).contains("请提前储水").contains("https://liandong.example/inbox");
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(relay.deliverDue(id)).as("nothing left to send").isZero();
    }

    @Test
    void webhookPostsTheGroupRobotTextFormat() {
        var id = enqueue(Recipient.webhook(robot.url()));
        relay.deliverDue(id);

        assertThat(robot.received).hasSize(1);
        var got = robot.received.getFirst();
        assertThat(got.body()).isEqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":"
                + "\"停水通知\\n明天 9:00–12:00 停水，请提前储水。\\nhttps://liandong.example/inbox\"}}");
        assertThat(got.contentType()).startsWith("application/json");
        assertThat(got.idempotencyKey()).isEqualTo("ld-" + notifications.deliveries(id).getFirst().id());
        assertThat(statusOf(id)).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aDeadWebhookIsRetriedWithBackOffThenMarkedFailedWithTheReason() {
        robot.answer(r -> new WebhookServer.Answer(502, "bad gateway"));
        var id = enqueue(Recipient.webhook(robot.url()));

        relay.deliverDue(id);
        var first = notifications.deliveries(id).getFirst();
        assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(first.lastError()).isEqualTo("webhook: HTTP 502 bad gateway");

        clock.advance(Duration.ofSeconds(29));
        assertThat(relay.deliverDue(id)).as("30 s back-off not over").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.deliverDue(id)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(59));
        assertThat(relay.deliverDue(id)).as("then 60 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.deliverDue(id)).isEqualTo(1);

        robot.answer(r -> new WebhookServer.Answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
        clock.advance(Duration.ofSeconds(120));
        relay.deliverDue(id);
        var failed = notifications.deliveries(id).getFirst();
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.lastError()).isEqualTo("webhook: errcode 93000 invalid webhook url");
        assertThat(robot.received).hasSize(4);
        clock.advance(Duration.ofDays(1));
        assertThat(relay.deliverDue(id)).as("failed for good").isZero();
    }

    @Test
    void aStoredRobotAddressOutsideTheAllowListIsNeverCalledAndFailsWithTheReason() {
        var strict = new OutboxRelay(jdbc, List.of(new WebhookChannel(settings.timeout(), settings.baseUrl(),
                new WebhookGuard(new WebhookSettings(List.of("qyapi.weixin.qq.com"), false)))), clock, settings);
        var id = enqueue(Recipient.webhook(robot.url()));
        for (int i = 0; i < 4; i++) {
            strict.deliverDue(id);
            clock.advance(Duration.ofHours(1));
        }
        var d = notifications.deliveries(id).getFirst();
        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.lastError()).isEqualTo("webhook: host 127.0.0.1 is not on the allow-list "
                + "(liandong.notice.webhook.allowed-hosts), not sent");
        assertThat(robot.received).as("no request ever left").isEmpty();
    }

    @Test
    void aRobotThatDoesNotAnswerCountsAsAFailedAttempt() {
        robot.answer(r -> null);
        var id = enqueue(Recipient.webhook(robot.url()));
        relay.deliverDue(id);
        var d = notifications.deliveries(id).getFirst();
        assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.lastError()).startsWith("webhook: ");
    }

    @Test
    void smsGoesThroughTheGatewayWithItsKey() {
        var id = enqueue(Recipient.sms("139 1234 5678"));
        relay.deliverDue(id);
        var d = notifications.deliveries(id).getFirst();
        assertThat(sms).containsExactly("13912345678|ld-" + d.id() + "|停水通知\n明天 9:00–12:00 停水，请提前储水。\n"
                + "https://liandong.example/inbox");
        assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void badAddressesAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> Recipient.webhook("javascript:alert(1)")).hasMessage("notice.error.webhook-url");
        assertThatThrownBy(() -> Recipient.email("not-an-address")).hasMessage("notice.error.email");
        assertThatThrownBy(() -> Recipient.sms("12345")).hasMessage("phone.error.format");
    }

    @Test
    void inAppMessagesReachTheHouseholdsInboxWithAnUnreadCount() throws Exception {
        var street = fixtures.street();
        var resident = users.loadUserByUsername(fixtures.residentAccount(street.a()));
        var other = users.loadUserByUsername(fixtures.residentAccount(street.b()));
        var id = notifications.enqueue(Notification.of("TEST", "<script>alert(1)</script>核酸检测安排",
                "<b>明早</b> 8 点在 2 号楼下", List.of(Recipient.household(street.a().households().getFirst()))));
        var delivery = notifications.deliveries(id).getFirst();
        assertThat(delivery.status()).as("in-app is delivered on commit").isEqualTo(DeliveryStatus.SENT);

        mvc.perform(get("/inbox").with(user(resident)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1 条未读")))
                .andExpect(content().string(Matchers.containsString("&lt;script&gt;alert(1)&lt;/script&gt;核酸检测安排")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))));
        mvc.perform(get("/inbox").with(user(other)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("核酸检测安排"))));
        mvc.perform(get("/inbox/" + delivery.id()).with(user(other))).andExpect(status().isNotFound());

        mvc.perform(get("/inbox/" + delivery.id()).with(user(resident)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("&lt;b&gt;明早&lt;/b&gt;")));
        mvc.perform(get("/inbox/unread").with(user(resident)))
                .andExpect(content().string(Matchers.containsString("0 条未读")));
        mvc.perform(post("/inbox/read-all").with(user(resident)).with(csrf())).andExpect(status().is3xxRedirection());
    }
}
