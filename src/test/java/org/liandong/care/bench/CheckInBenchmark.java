package org.liandong.care.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.liandong.platform.PersonalDataCipher;
import org.liandong.platform.TimeOrderedIds;

/**
 * Check-in ingestion over HTTP, against the application started from its jar on its own port with PostgreSQL;
 * bench/checkins.sh starts it, drives the load with wrk (bench/checkins.lua) and calls this class for the rest:
 *
 * <ul>
 *   <li>{@code setup}: one community and {@code cases} open home observations, straight into the database, and
 *       their check-in codes in a file (the harness is given the server's keys, LIANDONG_CRYPTO_KEY /
 *       LIANDONG_CRYPTO_HASH_KEY, to make the codes a worker would hand out);</li>
 *   <li>{@code baseline}: {@code clients} JDBC connections (auto-commit) each insert rows like the check-ins
 *       into {@code care_checkin} as plain single-row INSERTs, values precomputed, for {@code seconds};</li>
 *   <li>{@code probe}: during the wrk run, every 250 ms one fever check-in, and the time until its FEVER alert
 *       is in {@code care_alert} (what the worker's alert list reads);</li>
 *   <li>{@code verify}: every check-in wrk saw acknowledged is stored; every fever check-in has one alert.</li>
 * </ul>
 */
public final class CheckInBenchmark {

    private CheckInBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var mode = args[0];
        var jdbcUrl = args[1];
        switch (mode) {
            case "setup" -> {
                var keys = new PersonalDataCipher(Base64.getDecoder().decode(System.getenv("LIANDONG_CRYPTO_KEY")),
                        Base64.getDecoder().decode(System.getenv("LIANDONG_CRYPTO_HASH_KEY")));
                var cases = setUp(jdbcUrl, Integer.parseInt(args[2]));
                java.nio.file.Files.write(java.nio.file.Path.of(args[3]), cases.stream()
                        .map(id -> id + "." + keys.blindIndex("care-checkin|" + id).substring(0, 32)).toList());
                System.out.printf(Locale.ROOT, "set-up: %,d open observations, their check-in codes in %s%n",
                        cases.size(), args[3]);
            }
            case "baseline" -> {
                var clients = Integer.parseInt(args[2]);
                var seconds = Integer.parseInt(args[3]);
                var rows = baseline(jdbcUrl, cases(jdbcUrl), clients, seconds);
                System.out.printf(Locale.ROOT, "baseline: plain single-row INSERTs into care_checkin, auto-commit, "
                        + "%d connections: %,d rows in %d s = %.0f rows/s%n", clients, rows, seconds,
                        rows / (double) seconds);
            }
            case "probe" -> probe(jdbcUrl, args[2], Integer.parseInt(args[3]),
                    java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[4])));
            case "verify" -> verify(jdbcUrl, args[2], Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException(mode);
        }
    }

    // ---- set-up ------------------------------------------------------------------------------------------

    static List<UUID> setUp(String url, int count) throws Exception {
        var ids = new ArrayList<UUID>(count);
        try (var c = connect(url)) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("insert into district (id, name, city) values ('990000', '基准区', '基准市')");
                s.execute("insert into street (id, district_id, name) values ('990000001', '990000', '基准街道')");
                s.execute("insert into community (id, street_id, name, kind, stage) "
                        + "values ('990000001001', '990000001', '基准社区', 'RESIDENTIAL', 'RESPOND')");
            }
            try (var ps = c.prepareStatement("""
                    insert into care_observation (id, community_id, resident_id, resident_name, household_id,
                        building_group, address, reason, started_at, planned_end, status, responsible_id,
                        responsible_name, opened_by)
                    values (?, '990000001001', ?, ?, ?, '1组', ?, 'CLOSE_CONTACT', ?, ?, 'OPEN', ?, '基准工作者', 'bench')""")) {
                var worker = UUID.randomUUID();
                for (var i = 0; i < count; i++) {
                    var id = UUID.randomUUID();
                    ids.add(id);
                    ps.setObject(1, id);
                    ps.setObject(2, UUID.randomUUID());
                    ps.setString(3, "居民" + i);
                    ps.setObject(4, UUID.randomUUID());
                    ps.setString(5, (i / 100 + 1) + "号楼 " + (i % 100 + 101));
                    ps.setTimestamp(6, Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
                    ps.setDate(7, java.sql.Date.valueOf(LocalDate.now().plusDays(13)));
                    ps.setObject(8, worker);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    static Connection connect(String url) throws Exception {
        return DriverManager.getConnection(url, "postgres", "");
    }

    // ---- baseline: bare single-row inserts ---------------------------------------------------------------

    static long baseline(String url, List<UUID> cases, int clients, int seconds) throws Exception {
        var random32 = new byte[32];
        new java.security.SecureRandom().nextBytes(random32);
        var keys = new PersonalDataCipher(random32, random32);
        var rows = new AtomicLong();
        var symptoms = keys.encrypt("COUGH");
        var needs = keys.encrypt("缺体温计电池");
        var connections = new ArrayList<Connection>();
        for (var i = 0; i < clients; i++) {
            connections.add(connect(url));
        }
        var end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var c : connections) {
                pool.submit(() -> {
                    try (var ps = c.prepareStatement("""
                            insert into care_checkin (id, observation_id, community_id, slot_date, slot,
                                temperature_tenths, symptoms_cipher, needs_cipher, by_user, by_name, at, client_token)
                            values (?, ?, '990000001001', ?, 'AM', ?, ?, ?, ?, '居民', ?, ?)""")) {
                        var random = ThreadLocalRandom.current();
                        while (System.nanoTime() < end) {
                            ps.setObject(1, TimeOrderedIds.next()); // the ids the check-ins get
                            ps.setObject(2, cases.get(random.nextInt(cases.size())));
                            ps.setDate(3, java.sql.Date.valueOf(LocalDate.now()));
                            ps.setInt(4, 360 + random.nextInt(10));
                            ps.setString(5, random.nextInt(10) == 0 ? symptoms : null);
                            ps.setString(6, random.nextInt(20) == 0 ? needs : null);
                            ps.setObject(7, UUID.randomUUID());
                            ps.setTimestamp(8, Timestamp.from(Instant.now()));
                            ps.setString(9, "b-" + UUID.randomUUID());
                            ps.executeUpdate();
                            rows.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        for (var c : connections) {
            c.close();
        }
        return rows.get();
    }

    // ---- the fever probe ---------------------------------------------------------------------------------

    static List<UUID> cases(String url) throws Exception {
        var ids = new ArrayList<UUID>();
        try (var c = connect(url); var rs = c.createStatement().executeQuery("select id from care_observation")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        var i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)];
    }

    /**
     * While the load runs: every 250 ms one fever check-in, then the FEVER alert is looked for in
     * {@code care_alert} (what the worker's alert list reads) every 5 ms; latency from send to visible.
     */
    static void probe(String url, String base, int seconds, List<String> codes) throws Exception {
        var latencies = new ArrayList<Double>();
        var missing = 0;
        var uri = URI.create(base + "/api/v1/care/check-ins");
        try (var db = connect(url);
             var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             // by the case and the token, as the unique index has them (by the token alone, each look read the
             // whole growing table, and the probe measured its own scans)
             var look = db.prepareStatement("select count(*) from care_alert a join care_checkin k "
                     + "on a.dedup_key = 'fever:' || cast(k.id as varchar) "
                     + "where k.observation_id = ? and k.client_token = ? and a.kind = 'FEVER'")) {
            var random = ThreadLocalRandom.current();
            // ready: the script starts the load when this file is there, and the clock starts now
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/bench/checkins-probe.ready"), "ready");
            var end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                var token = "probe-" + UUID.randomUUID();
                var code = codes.get(random.nextInt(codes.size()));
                var observation = UUID.fromString(code.substring(0, code.indexOf('.')));
                var body = "{\"code\":\"" + code
                        + "\",\"temperature\":\"38.6\",\"clientToken\":\"" + token + "\"}";
                var sent = System.nanoTime();
                var response = client.sendAsync(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                var seen = false;
                while (!seen && System.nanoTime() - sent < Duration.ofSeconds(10).toNanos()) {
                    look.setObject(1, observation);
                    look.setString(2, token);
                    try (var rs = look.executeQuery()) {
                        rs.next();
                        seen = rs.getInt(1) > 0;
                    }
                    if (!seen) {
                        Thread.sleep(5);
                    }
                }
                if (seen) {
                    latencies.add((System.nanoTime() - sent) / 1e6);
                } else {
                    missing++;
                }
                response.join();
                Thread.sleep(250);
            }
        }
        var sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "fever alert (send → on the worker's alert list): %d probes, p50 %.0f ms, "
                + "p99 %.0f ms, max %.0f ms, not seen within 10 s: %d%n", sorted.length, pct(sorted, 50),
                pct(sorted, 99), pct(sorted, 100), missing);
    }

    /**
     * Every acknowledged check-in of the run is stored (the server answers only after commit), and every fever
     * check-in has exactly one alert.
     */
    static void verify(String url, String label, long acknowledged) throws Exception {
        try (var c = connect(url); var s = c.createStatement()) {
            var rs = s.executeQuery("select (select count(*) from care_checkin where temperature_tenths >= 373 "
                    + "and client_token not like 'b-%'), (select count(*) from care_alert where kind = 'FEVER'), "
                    + "(select count(*) from care_checkin where client_token like '" + label + "-%')");
            rs.next();
            System.out.printf(Locale.ROOT, "check: %,d check-ins of the run stored, %,d acknowledged by the server "
                            + "(stored must be ≥ acknowledged); %,d fever check-ins over HTTP, %,d FEVER alerts (equal)%n",
                    rs.getLong(3), acknowledged, rs.getLong(1), rs.getLong(2));
            if (rs.getLong(1) != rs.getLong(2) || rs.getLong(3) < acknowledged) {
                throw new IllegalStateException("an acknowledged check-in is missing, or a fever has no single alert");
            }
        }
    }
}
