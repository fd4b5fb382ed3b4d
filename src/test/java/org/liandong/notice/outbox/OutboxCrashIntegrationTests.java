package org.liandong.notice.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liandong.notice.Channel;
import org.liandong.notice.Notification;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox survives its relay being killed, and every notification is received exactly once.
 *
 * <p>One notification goes to 8 households in-app, 8 group robots and 8 e-mail addresses, committed in one
 * transaction. Relay processes are then killed (1) right after one claimed a delivery and before sending it —
 * between commit and send; (2) right after an SMTP server accepted a mail, before {@code SENT} was written; and
 * (3) while the robot is processing a message, before its answer comes back. A fourth relay finishes. The
 * in-process peers behave like receivers that honour the idempotency key: the robot shows each
 * {@code Idempotency-Key} once, the mailbox shows each {@code Message-ID} once. Then: every in-app delivery
 * was there at commit and was never touched by a relay; every robot message and every mail was received
 * exactly once by its peer; the two messages in flight at kills (2) and (3) were sent again — with the same
 * key, so the peers dropped the repeat; nothing is left unsent. On H2 (file, the production options) in the
 * first test run and on PostgreSQL in the second.
 */
class OutboxCrashIntegrationTests {

    static final int EACH = 8;

    @TempDir
    Path dir;

    /**
     * The relay in a process of its own: {@code url user smtpPort notificationId mode}. Mode {@code before:N}
     * halts the JVM (like kill -9: no shutdown hooks, nothing flushed) when it is about to send its N-th message;
     * {@code after-mail:N} halts right after the SMTP server accepted its N-th mail; {@code none} runs until
     * nothing is left and prints "done".
     */
    public static void main(String[] args) throws Exception {
        var jdbc = JdbcClient.create(new DriverManagerDataSource(args[0], args[1], ""));
        var notification = UUID.fromString(args[3]);
        var mode = args[4].split(":");
        var at = mode.length > 1 ? Integer.parseInt(mode[1]) : 0;
        var settings = new OutboxSettings(false, Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(1),
                10, Duration.ofMillis(800), 100, "http://localhost", "x@localhost", Duration.ofSeconds(30));
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(Integer.parseInt(args[2]));
        var sends = new AtomicInteger();
        var mails = new AtomicInteger();
        var channels = new ArrayList<DeliveryChannel>();
        var both = new ArrayList<DeliveryChannel>(List.of(new EmailChannel(mail, settings.mailFrom(), settings.baseUrl())));
        if (!mode[0].equals("after-mail")) { // that one sends mail only, so robot messages are left for kill (3)
            both.add(new WebhookChannel(settings.timeout(), settings.baseUrl(), WebhookServer.GUARD));
        }
        for (var channel : both) {
            channels.add(new DeliveryChannel() {
                @Override
                public Channel channel() {
                    return channel.channel();
                }

                @Override
                public void send(OutgoingMessage message) throws DeliveryFailed {
                    if (mode[0].equals("before") && sends.incrementAndGet() == at) {
                        Runtime.getRuntime().halt(137);
                    }
                    channel.send(message);
                    if (mode[0].equals("after-mail") && channel.channel() == Channel.EMAIL
                            && mails.incrementAndGet() == at) {
                        Runtime.getRuntime().halt(137);
                    }
                }
            });
        }
        var relay = new OutboxRelay(jdbc, channels, Clock.systemUTC(), settings);
        while (true) {
            relay.deliverDue(notification);
            var open = jdbc.sql("select count(*) from notification_delivery where notification_id = :n "
                    + "and status in ('PENDING', 'SENDING')").param("n", notification).query(Long.class).single();
            if (open == 0) {
                System.out.println("done");
                return;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void killedRelaysLoseNothingAndEveryPeerReceivesEachNotificationOnce() throws Exception {
        var url = System.getProperty("liandong.test.db-url", "");
        var user = System.getProperty("liandong.test.db-user", "sa");
        if (url.isEmpty()) {
            url = "jdbc:h2:file:" + dir.resolve("outbox")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=FALSE";
            user = "sa";
        }
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        var dataSource = new DriverManagerDataSource(url, user, "");
        var jdbc = JdbcClient.create(dataSource);
        var tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (var robot = new WebhookServer()) {
            var recipients = new ArrayList<Recipient>();
            for (int i = 0; i < EACH; i++) {
                recipients.add(Recipient.household(UUID.randomUUID()));
                recipients.add(Recipient.webhook(robot.url() + "&group=" + i));
                recipients.add(Recipient.email("resident" + i + "@example.org"));
            }
            var notifications = new Notifications(jdbc, new JdbcTemplate(dataSource), Clock.systemUTC());
            var id = tx.execute(s -> notifications.enqueue(
                    Notification.of("TEST", "发热门诊时间调整", "社区卫生服务中心发热门诊 24 小时开放。", recipients)));
            assertThat(count(jdbc, id, "channel = 'IN_APP' and status = 'SENT' and attempts = 0"))
                    .as("in-app deliveries are complete at commit").isEqualTo(EACH);
            var port = String.valueOf(smtp.getSmtp().getPort());
            var child = new AtomicReference<Process>();

            // (1) killed between the commit of its claim and the send
            var first = relay(url, user, port, id, "before:3", child);
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isEqualTo(137);
            assertThat(count(jdbc, id, "status = 'SENT' and channel <> 'IN_APP'")).isEqualTo(2);
            assertThat(count(jdbc, id, "status = 'SENDING'")).as("the claim of the halted relay").isEqualTo(1);

            // (2) killed after the SMTP server accepted a mail, before SENT was written
            Thread.sleep(1_000); // the dead relay's claim runs out
            var mailsBefore = smtp.getReceivedMessages().length;
            var second = relay(url, user, port, id, "after-mail:1", child);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isEqualTo(137);
            var mailInFlight = smtp.getReceivedMessages()[mailsBefore].getMessageID();

            // (3) killed while the robot processes a message, before its answer
            var robotInFlight = new AtomicReference<String>();
            robot.answer(killOn(2, new AtomicInteger(), robotInFlight, child));
            Thread.sleep(1_000);
            var third = relay(url, user, port, id, "none", child);
            assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(third.exitValue()).isNotZero();
            assertThat(robotInFlight.get()).isNotNull();

            // (4) a relay that is left alone finishes
            robot.answer(r -> WebhookServer.Answer.ok());
            Thread.sleep(1_000);
            var fourth = relay(url, user, port, id, "none", child);
            assertThat(fourth.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(fourth.exitValue()).isZero();

            assertThat(statuses(jdbc, id)).as("nothing lost, nothing left").isEqualTo(Map.of("SENT", 3L * EACH));
            assertThat(count(jdbc, id, "channel = 'IN_APP' and attempts = 0"))
                    .as("no relay ever touched an in-app delivery").isEqualTo(EACH);

            // the robot: each group's message shown exactly once; the one in flight was sent again, same key
            assertThat(robot.shown).extracting(WebhookServer.Received::idempotencyKey).doesNotHaveDuplicates()
                    .hasSize(EACH).containsExactlyInAnyOrderElementsOf(keys(jdbc, id, "WEBHOOK"));
            assertThat(repeated(robot.received.stream().map(WebhookServer.Received::idempotencyKey).toList()))
                    .as("the outbox resent only what was in flight at a kill").containsExactly(robotInFlight.get());

            // the mailbox: each Message-ID once; the mail accepted just before kill (2) arrived twice, same ID
            var messageIds = Arrays.stream(smtp.getReceivedMessages()).map(OutboxCrashIntegrationTests::messageId)
                    .toList();
            assertThat(messageIds.stream().distinct().toList()).as("the mailbox, deduplicated by Message-ID")
                    .hasSize(EACH).containsExactlyInAnyOrderElementsOf(
                            keys(jdbc, id, "EMAIL").stream().map(k -> "<" + k + "@liandong>").toList());
            assertThat(repeated(messageIds)).containsExactly(mailInFlight);
            assertThat(jdbc.sql("select sum(attempts) from notification_delivery where notification_id = :n")
                    .param("n", id).query(Long.class).single())
                    .as("one attempt per external delivery, plus one for each of the three kills (the halted claim "
                            + "and the two in flight; they may hit the same delivery)").isEqualTo(2L * EACH + 3);
        } finally {
            smtp.stop();
        }
    }

    private static List<String> repeated(List<String> keys) {
        return keys.stream().collect(Collectors.groupingBy(k -> k, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Function<WebhookServer.Received, WebhookServer.Answer> killOn(int n, AtomicInteger count,
            AtomicReference<String> inFlight, AtomicReference<Process> child) {
        return r -> {
            if (count.incrementAndGet() == n) {
                inFlight.set(r.idempotencyKey());
                child.get().destroyForcibly(); // SIGKILL while the relay waits for our answer
                try {
                    child.get().waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }
            return WebhookServer.Answer.ok();
        };
    }

    private static Process relay(String url, String user, String smtpPort, UUID id, String mode,
                                 AtomicReference<Process> holder) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OutboxCrashIntegrationTests.class.getName(), url, user, smtpPort, id.toString(), mode)
                .redirectErrorStream(true).start();
        holder.set(process);
        // drain the output so the child never blocks on a full pipe
        Thread.ofVirtual().start(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                while (out.readLine() != null) {
                    // ignore
                }
            } catch (java.io.IOException e) {
                // the process was killed
            }
        });
        return process;
    }

    private static long count(JdbcClient jdbc, UUID id, String where) {
        return jdbc.sql("select count(*) from notification_delivery where notification_id = :n and " + where)
                .param("n", id).query(Long.class).single();
    }

    private static List<String> keys(JdbcClient jdbc, UUID id, String channel) {
        return jdbc.sql("select idempotency_key from notification_delivery where notification_id = :n and channel = :c")
                .param("n", id).param("c", channel).query(String.class).list();
    }

    private static Map<String, Long> statuses(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select status, count(*) from notification_delivery where notification_id = :n group by status")
                .param("n", id).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
