package org.liandong.supply;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rush over HTTP (run by {@code bench/rush.sh}, not by the test suite): households reserve against one
 * first-come-first-served round with stock for 60 % of them through {@code POST /api/v1/supply/rounds/{id}/reservation}
 * of a running server, one in ten tapping twice, from C concurrent keep-alive connections on loopback, each
 * authenticated as its household with a bench token ({@code BenchTokens}).
 *
 * <pre>
 * setup  jdbcUrl households dir                 registry rows for the households (one community, 100 building groups)
 * run    baseUrl jdbcUrl key dir label clients rate [killAfter pid]
 *        a new round; closed loop (rate 0) or paced at rate requests/s; prints the figures; with killAfter, sends
 *        SIGKILL to pid after that many acknowledged reservations and writes the acknowledgements to dir/acks-label
 * check  jdbcUrl dir label                      after the restart: every acknowledged reservation stored, with its id
 * </pre>
 */
public final class ReservationRushBenchmark {

    static final String COMMUNITY = "BENCH0000001";
    static final int QUOTA = 5;
    static final int GROUPS = 100;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup" -> setup(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "run" -> run(args);
            case "check" -> check(args[1], Path.of(args[2]), args[3]);
            case "prepare" -> prepare(args[1], args[2], Path.of(args[3]), args[4]);
            case "ping" -> ping(java.net.URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), true);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---- setup -------------------------------------------------------------------------------------------

    static void setup(String url, int households, Path dir) throws Exception {
        Files.createDirectories(dir);
        try (var c = DriverManager.getConnection(url, "postgres", "")) {
            c.setAutoCommit(false);
            exec(c, "insert into district (id, name, city) values ('BENCH0', '压测区', '上海市')");
            exec(c, "insert into street (id, district_id, name) values ('BENCH0000', 'BENCH0', '压测街道')");
            exec(c, "insert into community (id, street_id, name, kind, stage) values ('" + COMMUNITY
                    + "', 'BENCH0000', '压测社区', 'COMMERCIAL', 'RESPOND')");
            var grid = UUID.randomUUID();
            try (var ps = c.prepareStatement("insert into grid (id, community_id, name) values (?, ?, '第一网格')")) {
                ps.setObject(1, grid);
                ps.setString(2, COMMUNITY);
                ps.executeUpdate();
            }
            var buildings = new ArrayList<UUID>();
            try (var g = c.prepareStatement("insert into building_group (id, community_id, grid_id, name) values (?, ?, ?, ?)");
                 var b = c.prepareStatement("""
                         insert into building (id, community_id, building_group_id, name, address) values (?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < GROUPS; i++) {
                    var group = UUID.randomUUID();
                    g.setObject(1, group);
                    g.setString(2, COMMUNITY);
                    g.setObject(3, grid);
                    g.setString(4, String.format("%03d号楼组", i + 1));
                    g.addBatch();
                    for (int j = 0; j < 10; j++) {
                        var building = UUID.randomUUID();
                        buildings.add(building);
                        b.setObject(1, building);
                        b.setString(2, COMMUNITY);
                        b.setObject(3, group);
                        b.setString(4, (i * 10 + j + 1) + "号楼");
                        b.setString(5, "压测路" + (i * 10 + j + 1) + "号");
                        b.addBatch();
                    }
                }
                g.executeBatch();
                b.executeBatch();
            }
            var ids = new ArrayList<String>(households);
            try (var h = c.prepareStatement("""
                    insert into household (id, community_id, building_id, room, created_at) values (?, ?, ?, ?, ?)""")) {
                var now = Timestamp.from(Instant.now());
                for (int i = 0; i < households; i++) {
                    var id = UUID.randomUUID();
                    ids.add(id.toString());
                    h.setObject(1, id);
                    h.setString(2, COMMUNITY);
                    h.setObject(3, buildings.get(i % buildings.size()));
                    h.setString(4, Integer.toString(100 + i / buildings.size()));
                    h.setTimestamp(5, now);
                    h.addBatch();
                    if (i % 5000 == 4999) {
                        h.executeBatch();
                    }
                }
                h.executeBatch();
            }
            c.commit();
            Files.write(dir.resolve("households.txt"), ids);
        }
        System.out.printf("setup: %d households in %d building groups%n", households, GROUPS);
    }

    // ---- the rush ----------------------------------------------------------------------------------------

    record Answer(int status, String body, boolean close) {
    }

    static void run(String[] args) throws Exception {
        var base = java.net.URI.create(args[1]);
        var url = args[2];
        var key = args[3];
        var dir = Path.of(args[4]);
        var label = args[5];
        int clients = Integer.parseInt(args[6]);
        double rate = Double.parseDouble(args[7]);
        int killAfter = args.length > 8 ? Integer.parseInt(args[8]) : 0;
        long pid = args.length > 9 ? Long.parseLong(args[9]) : 0;
        int limit = args.length > 10 ? Integer.parseInt(args[10]) : Integer.MAX_VALUE;

        // this client's own JIT warm-up (each step is a fresh JVM): its request and answer code, on the trivial endpoint
        ping(base, clients, 5, false);
        var households = Files.readAllLines(dir.resolve("households.txt")).stream().limit(limit)
                .map(UUID::fromString).toList();
        int stock = households.size() * 60 / 100 * QUOTA;
        UUID round;
        try (var c = DriverManager.getConnection(url, "postgres", "")) {
            round = openRound(c, stock);
        }
        Files.writeString(dir.resolve("round-" + label), round.toString());
        var taps = new ArrayList<UUID>(households.size() * 11 / 10);
        for (int i = 0; i < households.size(); i++) {
            taps.add(households.get(i));
            if (i % 10 == 0) {
                taps.add(households.get(i)); // a double tap or a retry
            }
        }
        Collections.shuffle(taps, new java.util.Random(42));
        var tokens = new HashMap<UUID, String>();
        households.forEach(h -> tokens.put(h, "Bench " + token(key, h)));

        var next = new AtomicInteger();
        var latencies = new long[taps.size()];
        var reservedLatencies = new long[taps.size()];
        var reservedCount = new AtomicInteger();
        var answered = new AtomicInteger();
        var acks = new ConcurrentHashMap<UUID, UUID>();
        var created = new AtomicInteger();
        var soldOut = new AtomicInteger();
        var other = new AtomicInteger();
        var refused = new AtomicInteger();
        var lastAck = new AtomicLong();
        var stop = new AtomicBoolean();
        var killedAt = new AtomicLong();
        var path = "/api/v1/supply/rounds/" + round + "/reservation";
        long start = System.nanoTime();
        long intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                executor.submit(() -> {
                    Socket socket = null;
                    try {
                        int i;
                        while (!stop.get() && (i = next.getAndIncrement()) < taps.size()) {
                            long scheduled = rate > 0 ? start + i * intervalNanos : System.nanoTime();
                            long wait = scheduled - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            var household = taps.get(i);
                            Answer answer = null;
                            for (int attempt = 0; answer == null && attempt < 2 && !stop.get(); attempt++) {
                                try {
                                    if (socket == null) {
                                        socket = new Socket();
                                        socket.setTcpNoDelay(true);
                                        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2000);
                                        socket.setSoTimeout(60_000);
                                    }
                                    answer = post(socket, base.getHost() + ":" + base.getPort(),
                                            path + "?token=t" + i, tokens.get(household));
                                    if (answer.close()) {
                                        socket.close(); // the server ends keep-alive connections after a while
                                        socket = null;
                                    }
                                } catch (IOException down) {
                                    // a kept-alive connection the server closed: once more on a fresh one
                                    if (socket != null) {
                                        socket.close();
                                        socket = null;
                                    }
                                    if (attempt == 1 || killedAt.get() != 0) {
                                        refused.incrementAndGet();
                                    }
                                    if (killedAt.get() != 0) {
                                        stop.set(true); // the server is gone: the rush is over for this run
                                    }
                                }
                            }
                            if (answer == null) {
                                continue;
                            }
                            long took = System.nanoTime() - scheduled;
                            latencies[answered.getAndIncrement()] = took;
                            if (answer.status() == 200) {
                                var id = UUID.fromString(field(answer.body(), "id"));
                                var earlier = acks.putIfAbsent(household, id);
                                if (earlier == null) {
                                    created.incrementAndGet();
                                    reservedLatencies[reservedCount.getAndIncrement()] = took;
                                    lastAck.set(System.nanoTime());
                                    if (killAfter > 0 && created.get() == killAfter && pid > 0) {
                                        killedAt.set(System.nanoTime());
                                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                                    }
                                } else if (!earlier.equals(id)) {
                                    other.incrementAndGet(); // a household told two different reservations
                                }
                            } else if (answer.status() == 409) {
                                soldOut.incrementAndGet();
                            } else {
                                other.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        other.incrementAndGet();
                    } finally {
                        if (socket != null) {
                            try {
                                socket.close();
                            } catch (IOException ignored) {
                                // closing
                            }
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double toSoldOut = (lastAck.get() - start) / 1e9;
        var all = Arrays.copyOf(latencies, answered.get());
        var reserved = Arrays.copyOf(reservedLatencies, reservedCount.get());
        Arrays.sort(all);
        Arrays.sort(reserved);
        var lines = new ArrayList<String>();
        acks.forEach((h, id) -> lines.add(h + " " + id));
        Files.write(dir.resolve("acks-" + label), lines);
        System.out.printf("[%s] households=%d taps=%d clients=%d %s stock=%d (%d reservations)%n", label,
                households.size(), taps.size(), clients, rate > 0 ? String.format("paced at %.0f/s", rate) : "closed loop",
                stock, stock / QUOTA);
        System.out.printf("[%s] answers=%d in %.1f s = %.0f answers/s; reservations acknowledged=%d, %.0f reservations/s "
                        + "(until the last one, %.1f s)%n", label, all.length, seconds, all.length / seconds, acks.size(),
                acks.size() / toSoldOut, toSoldOut);
        System.out.printf("[%s] latency all answers p50=%.1f ms p99=%.1f ms; reservations p50=%.1f ms p99=%.1f ms%n", label,
                pct(all, 0.50), pct(all, 0.99), pct(reserved, 0.50), pct(reserved, 0.99));
        System.out.printf("[%s] sold-out answers=%d, unexpected answers=%d, connection failures=%d%s%n", label,
                soldOut.get(), other.get(), refused.get(), killedAt.get() != 0 ? " (server killed with SIGKILL after "
                        + killAfter + " acknowledged reservations)" : "");
        if (killAfter == 0) {
            try (var c = DriverManager.getConnection(url, "postgres", "")) {
                audit(c, round, stock, acks, label);
            }
        }
    }

    /** The trivial endpoint through this same client, for a baseline that pays the same client costs as the rush. */
    static void ping(java.net.URI base, int clients, int seconds, boolean report) throws Exception {
        var answered = new AtomicInteger();
        var failed = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                executor.submit(() -> {
                    Socket socket = null;
                    while (System.nanoTime() < end) {
                        try {
                            if (socket == null) {
                                socket = new Socket(base.getHost(), base.getPort());
                                socket.setTcpNoDelay(true);
                            }
                            var answer = request(socket, "GET", base.getHost() + ":" + base.getPort(),
                                    "/supply/public/ping", null);
                            if (answer.close()) {
                                socket.close();
                                socket = null;
                            }
                            answered.incrementAndGet();
                        } catch (IOException e) {
                            failed.incrementAndGet();
                            socket = null;
                        }
                    }
                    return null;
                });
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        if (!report) {
            return;
        }
        System.out.printf("[ping, same client] %d answers in %.1f s = %.0f answers/s (%d connection failures)%n",
                answered.get(), took, answered.get() / took, failed.get());
    }

    /**
     * For a rush driven by wrk (bench/rush.lua): opens the round and writes the taps in order, one line each, "household
     * token" — every household once and one in ten twice, shuffled — to {@code taps-<label>}.
     */
    static void prepare(String url, String key, Path dir, String label) throws Exception {
        var households = Files.readAllLines(dir.resolve("households.txt")).stream().map(UUID::fromString).toList();
        try (var c = DriverManager.getConnection(url, "postgres", "")) {
            var round = openRound(c, households.size() * 60 / 100 * QUOTA);
            Files.writeString(dir.resolve("round-" + label), round.toString());
        }
        var lines = new ArrayList<String>(households.size() * 11 / 10);
        for (int i = 0; i < households.size(); i++) {
            var line = households.get(i) + " " + token(key, households.get(i));
            lines.add(line);
            if (i % 10 == 0) {
                lines.add(line); // a double tap or a retry
            }
        }
        Collections.shuffle(lines, new java.util.Random(42));
        Files.write(dir.resolve("taps-" + label), lines);
    }

    static void check(String url, Path dir, String label) throws Exception {
        var round = UUID.fromString(Files.readString(dir.resolve("round-" + label)).strip());
        var acks = new HashMap<UUID, UUID>();
        int told = 0;
        try (var files = Files.newDirectoryStream(dir, "acks-" + label + "*")) {
            for (var file : files) {
                for (var line : Files.readAllLines(file)) {
                    var parts = line.split(" ");
                    var earlier = acks.putIfAbsent(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
                    if (earlier != null && !earlier.toString().equals(parts[1])) {
                        told++; // one household told two different reservations
                    }
                }
            }
        }
        if (told > 0) {
            System.out.printf("[%s] households told two different reservations: %d%n", label, told);
        }
        try (var c = DriverManager.getConnection(url, "postgres", "")) {
            try (var st = c.prepareStatement("""
                    select count(*), extract(epoch from max(reserved_at) - min(reserved_at))
                    from supply_reservation where round_id = ?""")) {
                st.setObject(1, round);
                var rs = st.executeQuery();
                rs.next();
                System.out.printf("[%s] reservations stored=%d from the first to the last in %.1f s = %.0f reservations/s%n",
                        label, rs.getInt(1), rs.getDouble(2), rs.getInt(1) / Math.max(rs.getDouble(2), 0.001));
            }
            int stock;
            try (var st = c.prepareStatement("select stock from supply_round where id = ?")) {
                st.setObject(1, round);
                var rs = st.executeQuery();
                rs.next();
                stock = rs.getInt(1);
            }
            audit(c, round, stock, acks, label);
        }
    }

    /** Oversold, doubles, and acknowledged reservations missing from the database. */
    static void audit(Connection c, UUID round, int stock, Map<UUID, UUID> acks, String label) throws Exception {
        var stored = new HashMap<UUID, UUID>();
        int rows = 0;
        try (var st = c.prepareStatement("select household_id, id from supply_reservation where round_id = ?")) {
            st.setObject(1, round);
            var rs = st.executeQuery();
            while (rs.next()) {
                stored.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                rows++;
            }
        }
        int remaining;
        int negative;
        try (var st = c.prepareStatement("""
                select coalesce(sum(remaining), 0), sum(case when remaining < 0 then 1 else 0 end)
                from supply_stock_shard where round_id = ?""")) {
            st.setObject(1, round);
            var rs = st.executeQuery();
            rs.next();
            remaining = rs.getInt(1);
            negative = rs.getInt(2);
        }
        int lost = 0;
        for (var ack : acks.entrySet()) {
            if (!ack.getValue().equals(stored.get(ack.getKey()))) {
                lost++;
            }
        }
        int oversold = Math.max(0, rows * QUOTA - stock) + negative;
        System.out.printf("[%s] stored reservations=%d, stock left=%d (stock left + reserved = %d of %d): oversold=%d "
                        + "doubles=%d lost acknowledgements=%d of %d%n", label, rows, remaining, remaining + rows * QUOTA,
                stock, oversold, rows - stored.size(), lost, acks.size());
    }

    static UUID openRound(Connection c, int stock) throws Exception {
        var id = UUID.randomUUID();
        var now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        var later = Timestamp.from(Instant.now().plus(2, ChronoUnit.HOURS));
        try (var st = c.prepareStatement("""
                insert into supply_round (id, street_id, community_id, item, unit, quota, stock, eligibility, mode,
                    opens_at, closes_at, pickup_place, pickup_starts, slot_minutes, shards, exempt_delivery,
                    code_secret, created_by, created_at)
                values (?, 'BENCH0000', ?, '口罩', '个', ?, ?, 'ALL', 'FCFS', ?, ?, '居委会', ?, 30, 16, false,
                    'bench-secret', 'bench', ?)""")) {
            st.setObject(1, id);
            st.setString(2, COMMUNITY);
            st.setInt(3, QUOTA);
            st.setInt(4, stock);
            st.setTimestamp(5, now);
            st.setTimestamp(6, later);
            st.setTimestamp(7, later);
            st.setTimestamp(8, now);
            st.executeUpdate();
        }
        int units = stock / QUOTA;
        try (var st = c.prepareStatement("insert into supply_stock_shard (round_id, shard, remaining) values (?, ?, ?)")) {
            for (int shard = 0; shard < 16; shard++) {
                st.setObject(1, id);
                st.setInt(2, shard);
                st.setInt(3, (units / 16 + (shard < units % 16 ? 1 : 0)) * QUOTA);
                st.addBatch();
            }
            st.executeBatch();
        }
        return id;
    }

    // ---- a minimal HTTP/1.1 keep-alive client (cheap on CPU, so the server gets the cores) -------------

    static Answer post(Socket socket, String host, String path, String authorization) throws IOException {
        return request(socket, "POST", host, path, authorization);
    }

    static Answer request(Socket socket, String method, String host, String path, String authorization)
            throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Accept: application/json\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        var in = new BufferedInputStream(socket.getInputStream(), 4096);
        var status = line(in);
        if (status == null) {
            throw new IOException("closed");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            var lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        var body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                int size = Integer.parseInt(line(in).strip(), 16);
                if (size == 0) {
                    line(in);
                    break;
                }
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        if (in.available() > 0) {
            throw new IOException("unexpected bytes after the response");
        }
        return new Answer(code, body.toString(StandardCharsets.UTF_8), close);
    }

    private static String line(InputStream in) throws IOException {
        var sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    static String token(String key, UUID household) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return household + "." + java.util.HexFormat.of().formatHex(
                    mac.doFinal(household.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (var st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private ReservationRushBenchmark() {
    }
}
