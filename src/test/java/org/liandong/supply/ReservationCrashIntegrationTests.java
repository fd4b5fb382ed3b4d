package org.liandong.supply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liandong.TestEnvironment;
import org.liandong.platform.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A server process in the middle of a rush is killed with SIGKILL. Every reservation it acknowledged (the
 * commit returned, the household was told) is in the database afterwards, with the id it was given, and the
 * stock still adds up. A child JVM runs the real reservation code (group commit) with 64 reserving threads against the test
 * database: PostgreSQL in the second test run, an H2 file with the production options in the first (reopened
 * after the kill, as a restarted server would).
 */
class ReservationCrashIntegrationTests {

    static final int QUOTA = 5;
    static final int STOCK = 20_000 * QUOTA;
    static final int ACKS_BEFORE_KILL = 400;
    static final int THREADS = 64;

    @TempDir
    Path dir;

    /** The child: reserves for fresh households on 64 threads; prints "ACK household reservation" after each commit. */
    public static void main(String[] args) throws Exception {
        var ds = new DriverManagerDataSource(args[0], args[1], "");
        var jdbc = JdbcClient.create(ds);
        var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        var random = new SecureRandom();
        var keys = new byte[32];
        random.nextBytes(keys);
        // the application's path: group commit, up to 500 reservations per transaction
        var book = new ReservationBook(ds, tx, new PickupCodes(new PersonalDataCipher(keys, keys)), 500);
        var round = jdbc.sql("select * from supply_round where id = :id").param("id", UUID.fromString(args[2]))
                .query(SupplyRound::map).single();
        var out = System.out;
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    while (true) {
                        var household = UUID.randomUUID();
                        var outcome = book.reserve(round, new ReservationBook.Applicant(household, "CRASH0000001",
                                UUID.randomUUID(), "1号楼组", 0, "1号楼 101"), null, Instant.now());
                        synchronized (out) {
                            out.println("ACK " + household + " " + outcome.reservation().id());
                            out.flush();
                        }
                    }
                });
            }
            pool.awaitTermination(1, TimeUnit.HOURS);
        }
    }

    @Test
    void everyAcknowledgedReservationSurvivesKillMinusNine() throws Exception {
        String url;
        String user;
        if (TestEnvironment.postgresRun()) {
            url = System.getProperty("liandong.test.db-url");
            user = System.getProperty("liandong.test.db-user", "postgres");
        } else {
            url = "jdbc:h2:file:" + dir.resolve("crash") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=FALSE";
            user = "sa";
        }
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        var jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, ""));
        var round = TestRounds.insert(jdbc, "CRASH0000", "CRASH0000001", QUOTA, STOCK);

        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ReservationCrashIntegrationTests.class.getName(), url, user, round.toString())
                .redirectErrorStream(true).start();
        var acknowledged = new HashMap<UUID, UUID>();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    var parts = line.split(" ");
                    acknowledged.put(UUID.fromString(parts[1]), UUID.fromString(parts[2]));
                    if (acknowledged.size() >= ACKS_BEFORE_KILL) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL, mid-rush: batches are gathering and committing
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        // "restart": a fresh connection (for H2, the file is reopened and recovered)
        var after = JdbcClient.create(new DriverManagerDataSource(url, user, ""));
        var stored = new HashMap<UUID, UUID>();
        after.sql("select household_id, id from supply_reservation where round_id = :r").param("r", round)
                .query((rs, n) -> stored.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        assertThat(stored).as("every acknowledged reservation, with the id the household was given")
                .containsAllEntriesOf(acknowledged);
        int remaining = after.sql("select sum(remaining) from supply_stock_shard where round_id = :r")
                .param("r", round).query(Integer.class).single();
        assertThat(remaining + stored.size() * QUOTA).as("stock left + stock reserved").isEqualTo(STOCK);
    }
}
