package org.liandong.supply;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rush at the database: N households (every one tapping, one in ten tapping twice) reserve against one round
 * with stock for 60 % of them, from C concurrent clients through a small connection pool, with the module's own
 * reservation code. Prints reservations/s, p50/p99 latency, oversold and doubles. Run by bench/rush.sh, which
 * runs the naive pgbench baseline at the same concurrency in the same run.
 */
public final class ReservationRushBenchmark {

    public static void main(String[] args) throws Exception {
        var url = args[0];
        int households = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int pool = Integer.parseInt(args[3]);
        int quota = 5;
        int stock = households * 60 / 100 * quota;
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(pool);
        try (var ds = new HikariDataSource(config)) {
            var jdbc = JdbcClient.create(ds);
            var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            var keys = new byte[32];
            new SecureRandom().nextBytes(keys);
            var book = new ReservationBook(jdbc, tx, new PickupCodes(new PersonalDataCipher(keys, keys)));
            var roundId = TestRounds.insert(jdbc, "BENCH0000", "BENCH0000001", quota, stock);
            var round = jdbc.sql("select * from supply_round where id = :id").param("id", roundId)
                    .query(SupplyRound::map).single();
            var taps = new ArrayList<UUID>();
            for (int i = 0; i < households; i++) {
                var h = UUID.randomUUID();
                taps.add(h);
                if (i % 10 == 0) {
                    taps.add(h);
                }
            }
            java.util.Collections.shuffle(taps);
            var queue = new ConcurrentLinkedQueue<>(taps);
            var latencies = new long[taps.size()];
            var index = new AtomicInteger();
            var acknowledged = new AtomicLong();
            var soldOut = new AtomicLong();
            var errors = new AtomicLong();
            var done = new CountDownLatch(clients);
            long start = System.nanoTime();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    executor.submit(() -> {
                        UUID h;
                        while ((h = queue.poll()) != null) {
                            long t0 = System.nanoTime();
                            try {
                                book.reserve(round, new ReservationBook.Applicant(h, "BENCH0000001", h, "1号楼组", 0,
                                        "1号楼 101"), null, Instant.now());
                                acknowledged.incrementAndGet();
                            } catch (InvalidValueException e) {
                                soldOut.incrementAndGet();
                            } catch (RuntimeException e) {
                                errors.incrementAndGet();
                            }
                            latencies[index.getAndIncrement()] = System.nanoTime() - t0;
                        }
                        done.countDown();
                    });
                }
                done.await();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            var sorted = Arrays.copyOf(latencies, index.get());
            Arrays.sort(sorted);
            int reserved = jdbc.sql("select count(*) from supply_reservation where round_id = :r").param("r", roundId)
                    .query(Integer.class).single();
            int distinct = jdbc.sql("select count(distinct household_id) from supply_reservation where round_id = :r")
                    .param("r", roundId).query(Integer.class).single();
            int remaining = jdbc.sql("select coalesce(sum(remaining), 0) from supply_stock_shard where round_id = :r")
                    .param("r", roundId).query(Integer.class).single();
            int negativeShards = jdbc.sql("select count(*) from supply_stock_shard where round_id = :r and remaining < 0")
                    .param("r", roundId).query(Integer.class).single();
            int oversold = Math.max(0, reserved * quota - stock) + negativeShards;
            System.out.printf("households=%d taps=%d clients=%d pool=%d stock=%d%n", households, taps.size(), clients,
                    pool, stock);
            System.out.printf("requests/s=%.0f (answers incl. sold out and retries) reservations=%d in %.1f s%n",
                    sorted.length / seconds, reserved, seconds);
            System.out.printf("p50=%.1f ms p99=%.1f ms%n", sorted[sorted.length / 2] / 1e6,
                    sorted[(int) (sorted.length * 0.99)] / 1e6);
            System.out.printf("oversold=%d doubles=%d errors=%d stock left=%d%n", oversold, reserved - distinct,
                    errors.get(), remaining);
        }
    }
}
