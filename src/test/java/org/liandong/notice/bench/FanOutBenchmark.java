package org.liandong.notice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.liandong.notice.Notification;
import org.liandong.notice.Notifications;
import org.liandong.notice.Recipient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fan-out of one notice to every household of a street: the time until all in-app deliveries are recorded,
 * through the outbox's own code ({@link Notifications#enqueue}: the household ids are read from the
 * registry tables, one notification and one delivery per household written in one transaction), against
 * a baseline in the same run on the same database: bare JDBC batch inserts of the same number of rows
 * into the same table, values precomputed. Run by bench/fanout.sh; not part of the test suite.
 */
public final class FanOutBenchmark {

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        var dbs = args.length > 1 ? args[1] : "h2,postgres";
        for (var db : dbs.split(",")) {
            var url = switch (db) {
                case "h2" -> {
                    var dir = Path.of("target/bench/fanout");
                    Files.createDirectories(dir);
                    try (var files = Files.list(dir)) {
                        for (var f : files.toList()) {
                            Files.delete(f);
                        }
                    }
                    yield "jdbc:h2:file:" + dir.toAbsolutePath().resolve("fanout")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
                }
                case "postgres" -> {
                    try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                         var s = c.createStatement()) {
                        s.execute("drop database if exists liandong_bench_notice with (force)");
                        s.execute("create database liandong_bench_notice");
                    }
                    yield "jdbc:postgresql://127.0.0.1:5432/liandong_bench_notice";
                }
                default -> throw new IllegalArgumentException(db);
            };
            var user = db.equals("h2") ? "sa" : "postgres";
            run(db, url, user, households);
        }
    }

    static void run(String db, String url, String user, int households) {
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load().migrate();
        var dataSource = new DriverManagerDataSource(url, user, "");
        var jdbc = JdbcClient.create(dataSource);
        var batch = new JdbcTemplate(dataSource);
        var tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var street = street(batch, "B0001001", households);
        var warm = street(batch, "B0002001", 5_000);
        var notifications = new Notifications(jdbc, batch, Clock.systemUTC());

        fanOut(tx, jdbc, notifications, warm); // warm-up (JIT, caches)
        bare(tx, batch, 5_000);
        var fanOut = fanOut(tx, jdbc, notifications, street);
        var bare = bare(tx, batch, households);
        var recorded = jdbc.sql("select count(*) from notification_delivery where channel = 'IN_APP' and read_at is null"
                + " and notification_id = (select id from notification where subject_ref = 'bench:B0001001')")
                .query(Long.class).single();
        if (recorded != households) {
            throw new IllegalStateException("recorded " + recorded + " of " + households);
        }
        System.out.printf(Locale.ROOT, "%s  households=%d  fan-out=%.2f s (%,.0f deliveries/s)  bare inserts=%.2f s"
                        + " (%,.0f rows/s)  ratio bare/fan-out=%.2f%n", db, households, fanOut, households / fanOut, bare,
                households / bare, bare / fanOut);
    }

    /** Resolves the street's households from the registry tables and enqueues one notice to all of them. */
    static double fanOut(TransactionTemplate tx, JdbcClient jdbc, Notifications notifications, String street) {
        var start = System.nanoTime();
        tx.executeWithoutResult(s -> {
            var ids = jdbc.sql("select h.id from household h join community c on c.id = h.community_id"
                    + " where c.street_id = :s order by h.id").param("s", street).query(UUID.class).list();
            var recipients = new ArrayList<Recipient>(ids.size());
            ids.forEach(id -> recipients.add(Recipient.household(id)));
            notifications.enqueue(Notification.of("NOTICE", "全街道核酸检测安排", "明天 8:00 起按楼组到社区广场检测。",
                    recipients).in(null).about("bench:" + street, "/notices/bench"));
        });
        return (System.nanoTime() - start) / 1e9;
    }

    /** The baseline: the same number of delivery rows, precomputed, JDBC batches of 1,000, one transaction. */
    static double bare(TransactionTemplate tx, JdbcTemplate batch, int rows) {
        var notification = UUID.randomUUID();
        var now = Timestamp.from(Instant.now());
        batch.update("insert into notification (id, kind, title, body, created_at) values (?, 'BENCH', 't', 'b', ?)",
                notification, now);
        var values = new ArrayList<Object[]>(rows);
        for (int i = 0; i < rows; i++) {
            var id = UUID.randomUUID();
            values.add(new Object[] {id, notification, UUID.randomUUID(), "ld-" + id, now, now, now});
        }
        var start = System.nanoTime();
        tx.executeWithoutResult(s -> {
            for (int from = 0; from < rows; from += 1000) {
                batch.batchUpdate("""
                        insert into notification_delivery (id, notification_id, channel, household_id, idempotency_key,
                            status, attempts, next_attempt_at, sent_at, created_at)
                        values (?, ?, 'IN_APP', ?, ?, 'SENT', 0, ?, ?, ?)""", values.subList(from, Math.min(rows, from + 1000)));
            }
        });
        return (System.nanoTime() - start) / 1e9;
    }

    /** A street of 10 communities, 50 buildings each, and the given number of households spread over them. */
    static String street(JdbcTemplate batch, String street, int households) {
        var district = street.substring(0, 6);
        var now = Timestamp.from(Instant.now());
        batch.update("insert into district (id, name, city) values (?, ?, ?)", district, "区" + district, "上海市");
        batch.update("insert into street (id, district_id, name) values (?, ?, ?)", street, district, "街道" + street);
        List<UUID> buildings = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            var community = street + String.format("%03d", c + 1);
            batch.update("insert into community (id, street_id, name, kind, stage) values (?, ?, ?, 'COMMERCIAL', 'RESPOND')",
                    community, street, "社区" + c);
            var grid = UUID.randomUUID();
            batch.update("insert into grid (id, community_id, name) values (?, ?, '网格')", grid, community);
            var group = UUID.randomUUID();
            batch.update("insert into building_group (id, community_id, grid_id, name) values (?, ?, ?, '楼组')", group,
                    community, grid);
            for (int b = 0; b < 50; b++) {
                var building = UUID.randomUUID();
                batch.update("insert into building (id, community_id, building_group_id, name, address) values (?, ?, ?, ?, ?)",
                        building, community, group, b + "号楼", "路" + b);
                buildings.add(building);
            }
        }
        var rows = new ArrayList<Object[]>();
        for (int h = 0; h < households; h++) {
            var building = buildings.get(h % buildings.size());
            var community = street + String.format("%03d", h % buildings.size() / 50 + 1);
            rows.add(new Object[] {UUID.randomUUID(), community, building, String.valueOf(h), now});
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            batch.batchUpdate("insert into household (id, community_id, building_id, room, created_at) values (?, ?, ?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        return street;
    }
}
