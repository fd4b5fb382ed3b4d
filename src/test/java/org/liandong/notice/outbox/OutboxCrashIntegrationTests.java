package org.liandong.notice.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import org.liandong.notice.Notification;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox survives its relay being killed. Twelve webhook deliveries are committed; a relay process is
 * killed (1) right after it claimed the third delivery and before sending it — between commit and send —
 * and (2) while the robot is receiving the sixth, before the answer comes back. A third relay finishes.
 * Every message arrives; none that was confirmed is sent again; the one in flight at the kill arrives again
 * with the same idempotency key, so the robot (like our e-mail Message-ID) recognises it. On H2 (file, the
 * production options) in the first test run and on PostgreSQL in the second.
 */
class OutboxCrashIntegrationTests {

    static final int MESSAGES = 12;

    @TempDir
    Path dir;

    /**
     * The relay in a process of its own: {@code url user robotUrl notificationId haltBeforeSend}. Halts the JVM
     * (like kill -9: no shutdown hooks, nothing flushed) when it is about to send message number
     * {@code haltBeforeSend} of this process; 0 means never. Prints "done" when nothing is left to send.
     */
    public static void main(String[] args) throws Exception {
        var jdbc = JdbcClient.create(new DriverManagerDataSource(args[0], args[1], ""));
        var notification = UUID.fromString(args[3]);
        var haltAt = Integer.parseInt(args[4]);
        var settings = new OutboxSettings(false, Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(1),
                10, Duration.ofMillis(800), 100, "http://localhost", "x@localhost", Duration.ofSeconds(30));
        var webhook = new WebhookChannel(settings.timeout(), settings.baseUrl());
        var sent = new AtomicInteger();
        DeliveryChannel halting = new DeliveryChannel() {
            @Override
            public org.liandong.notice.Channel channel() {
                return webhook.channel();
            }

            @Override
            public void send(OutgoingMessage message) throws DeliveryFailed {
                if (sent.incrementAndGet() == haltAt) {
                    Runtime.getRuntime().halt(137);
                }
                webhook.send(message);
            }
        };
        var relay = new OutboxRelay(jdbc, List.of(halting), Clock.systemUTC(), settings);
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
    void aKilledRelayLosesNothingAndSendsNothingConfirmedTwice() throws Exception {
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

        try (var robot = new WebhookServer()) {
            var recipients = new ArrayList<Recipient>();
            for (int i = 0; i < MESSAGES; i++) {
                recipients.add(Recipient.webhook(robot.url() + "&group=" + i));
            }
            var notifications = new Notifications(jdbc, new JdbcTemplate(dataSource), Clock.systemUTC());
            var id = tx.execute(s -> notifications.enqueue(
                    Notification.of("TEST", "发热门诊时间调整", "社区卫生服务中心发热门诊 24 小时开放。", recipients)));

            // (1) killed between the commit of its claim and the send
            var child = new AtomicReference<Process>();
            var first = relay(url, user, robot.url(), id, 3, child);
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isEqualTo(137);
            assertThat(robot.received).hasSize(2);
            assertThat(statuses(jdbc, id)).containsEntry("SENT", 2L).containsEntry("SENDING", 1L)
                    .containsEntry("PENDING", (long) MESSAGES - 3);

            // (2) killed while the robot holds the sixth message, before the answer
            var inFlight = new AtomicReference<String>();
            var count = new AtomicInteger();
            robot.answer(killOn(6, count, inFlight, child));
            Thread.sleep(1_000); // the dead relay's claim runs out
            var second = relay(url, user, robot.url(), id, 0, child);
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isNotZero();
            assertThat(inFlight.get()).isNotNull();

            // (3) a relay that is left alone finishes
            robot.answer(r -> WebhookServer.Answer.ok());
            Thread.sleep(1_000);
            var third = relay(url, user, robot.url(), id, 0, child);
            assertThat(third.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(third.exitValue()).isZero();

            var byKey = robot.received.stream().collect(Collectors.groupingBy(WebhookServer.Received::idempotencyKey,
                    Collectors.counting()));
            assertThat(byKey).as("every delivery arrived").hasSize(MESSAGES);
            assertThat(byKey.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("only the message in flight at the kill arrived twice, with the same key")
                    .containsExactly(inFlight.get());
            assertThat(robot.received.stream().filter(r -> r.idempotencyKey().equals(inFlight.get()))
                    .map(WebhookServer.Received::body).distinct()).hasSize(1);
            assertThat(statuses(jdbc, id)).isEqualTo(Map.of("SENT", (long) MESSAGES));
            assertThat(jdbc.sql("select count(*) from notification_delivery where notification_id = :n and attempts = 2")
                    .param("n", id).query(Long.class).single())
                    .as("the halted and the killed delivery were attempted twice, all others once").isEqualTo(2L);
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

    private static Process relay(String url, String user, String robotUrl, UUID id, int haltAt,
                                 AtomicReference<Process> holder) throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                OutboxCrashIntegrationTests.class.getName(), url, user, robotUrl, id.toString(), String.valueOf(haltAt))
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

    private static Map<String, Long> statuses(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select status, count(*) from notification_delivery where notification_id = :n group by status")
                .param("n", id).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
