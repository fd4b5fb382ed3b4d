package org.liandong.community.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.liandong.LiandongApplication;
import org.liandong.account.Accounts;
import org.liandong.community.PlaceWriter;
import org.liandong.platform.ChineseIdNumber;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import throughput on a generated sheet (default 100,000 rows), against baselines measured in the same run
 * on the same database: a plain JDBC batch insert of the same number of households, residents and
 * vulnerabilities without checks or encryption, and on PostgreSQL also COPY. Run by {@code bench/import.sh};
 * not a test, so the normal suite never runs it.
 *
 * <p>Arguments: {@code h2|postgres [rows]}.
 */
public final class ImportBenchmark {

    private static final String H2_URL = "jdbc:h2:file:./target/bench/liandong;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=FALSE";
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String PG_DB = "liandong_bench";
    private static final int BUILDINGS = 100;

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var engine = args.length > 0 ? args[0] : "h2";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String url;
        if (engine.equals("postgres")) {
            recreatePostgres();
            url = PG_SERVER + PG_DB;
            System.setProperty("liandong.bench.db-user", "postgres");
        } else {
            deleteH2Files();
            url = H2_URL;
        }
        System.setProperty("liandong.bench.db-url", url);
        try (var context = new SpringApplicationBuilder(LiandongApplication.class).profiles("bench").run()) {
            new Run(context, engine, rows).run();
        }
    }

    private static final class Run {
        private final ConfigurableApplicationContext context;
        private final String engine;
        private final int rows;
        private final ImportDesk desk;
        private final JdbcTemplate jdbc;
        private final TransactionTemplate tx;
        private final PlaceWriter places;
        private final String street = "B00001001";
        private final List<String> codes = new ArrayList<>();
        private int communities;
        private int used;
        private int nextSeq;

        Run(ConfigurableApplicationContext context, String engine, int rows) {
            this.context = context;
            this.engine = engine;
            this.rows = rows;
            this.desk = context.getBean(ImportDesk.class);
            this.jdbc = context.getBean(JdbcTemplate.class);
            this.tx = context.getBean(TransactionTemplate.class);
            this.places = context.getBean(PlaceWriter.class);
        }

        void run() throws Exception {
            tx.executeWithoutResult(s -> {
                places.district("B00001", "基准区", "上海市");
                places.street(street, "B00001", "基准街道");
            });
            for (int i = 0; i < 5; i++) {
                codes.add(community());
            }
            var user = staff();

            // warm-up: the same code paths on a small sheet, so the JIT has compiled them
            importSheet(user, 4_000);
            baselineBatch(4_000);

            var timing = importSheet(user, rows);
            var batch = baselineBatch(rows);
            var copy = engine.equals("postgres") ? baselineCopy(rows) : -1;

            var total = timing[0] + timing[1];
            System.out.printf(Locale.ROOT, "%n| database | rows | check (preview) | commit | check + commit | "
                    + "JDBC batch baseline | ratio | COPY |%n|---|---|---|---|---|---|---|---|%n");
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f s (%,.0f rows/s) | %.1f s (%,.0f rows/s) | %.1f s "
                            + "(%,.0f rows/s) | %.1f s (%,.0f rows/s) | %.2f | %s |%n",
                    engine.equals("postgres") ? "PostgreSQL 15" : "H2 file", rows, timing[0], rows / timing[0],
                    timing[1], rows / timing[1], total, rows / total, batch, rows / batch, batch / total,
                    copy < 0 ? "–" : String.format(Locale.ROOT, "%.1f s (%,.0f rows/s)", copy, rows / copy));
        }

        /** Staff of the whole street, signed in after its communities exist. */
        private LiandongUser staff() {
            context.getBean(Accounts.class).create("bench-staff", "基准", "bench-password-1", Role.COMMUNITY_STAFF,
                    List.of(street), List.of(), null);
            return (LiandongUser) context.getBean(UserDetailsService.class).loadUserByUsername("bench-staff");
        }

        /** A community with {@value BUILDINGS} buildings named 1号楼 … 100号楼. */
        private String community() {
            var code = street + String.format("%03d", ++communities);
            tx.executeWithoutResult(s -> {
                places.community(code, street, "基准社区" + communities, "COMMERCIAL");
                var grid = places.grid(code, "网格");
                for (int g = 0; g < BUILDINGS / 10; g++) {
                    var group = places.buildingGroup(code, grid, (g + 1) + "号楼组");
                    for (int b = 1; b <= 10; b++) {
                        var name = (g * 10 + b) + "号楼";
                        places.building(code, group, name, "基准路" + name);
                    }
                }
            });
            return code;
        }

        /** Seconds for upload + check, and for the commit. */
        private double[] importSheet(LiandongUser user, int n) {
            var code = codes.get(used++);
            var sheet = sheet(n);
            var start = System.nanoTime();
            var id = desk.upload(user, code, "bench.csv", sheet);
            var checked = System.nanoTime();
            var status = desk.find(user.scope(), id).status();
            if (status != RegistryImport.Status.READY) {
                throw new IllegalStateException("benchmark sheet not ready: " + status);
            }
            desk.commit(user, id);
            var committed = System.nanoTime();
            status = desk.find(user.scope(), id).status();
            if (status != RegistryImport.Status.COMMITTED) {
                throw new IllegalStateException("benchmark sheet not committed: " + status);
            }
            return new double[] {(checked - start) / 1e9, (committed - checked) / 1e9};
        }

        /** n rows: households of two (head and spouse), some with a vulnerability and a phone. */
        private byte[] sheet(int n) {
            var out = new StringBuilder(n * 110).append(String.join(",", ImportTemplate.headers())).append("\n");
            for (int i = 0; i < n; i++) {
                var id = nextId();
                var household = i / 2;
                out.append(household % BUILDINGS + 1).append("号楼,").append(household / BUILDINGS + 101).append(',')
                        .append("居民").append(i).append(',').append(id.male() ? "男" : "女").append(',')
                        .append(id.birthDate()).append(',').append(id.value()).append(',')
                        .append(i % 3 == 0 ? String.format("139%08d", i) : "").append(',')
                        .append(i % 2 == 0 ? "户主" : "配偶").append(",户籍,,")
                        .append(i % 10 == 0 ? "独居老人" : "").append(",,\n");
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }

        private ChineseIdNumber nextId() {
            int seq = nextSeq++;
            return ChineseIdNumber.of("310104", LocalDate.of(1940, 1, 1).plusDays(seq / 1000), seq % 1000);
        }

        /** The same inserts the import makes, as plain batches: no parsing, no checks, no encryption. */
        private double baselineBatch(int n) {
            var code = codes.get(used++);
            var buildings = jdbc.queryForList("select id from building where community_id = ? order by name",
                    UUID.class, code);
            var start = System.nanoTime();
            tx.executeWithoutResult(s -> {
                var now = new Timestamp(System.currentTimeMillis());
                var households = new ArrayList<Object[]>();
                var residents = new ArrayList<Object[]>();
                var tags = new ArrayList<Object[]>();
                UUID household = null;
                for (int i = 0; i < n; i++) {
                    var id = nextId();
                    if (i % 2 == 0) {
                        household = UUID.randomUUID();
                        households.add(new Object[] {household, code, buildings.get(i / 2 % buildings.size()),
                                String.valueOf(i / 2 / BUILDINGS + 101), now});
                    }
                    var resident = UUID.randomUUID();
                    residents.add(new Object[] {resident, code, household, "居民" + i, id.male() ? "M" : "F",
                            Date.valueOf(id.birthDate()), "plain:" + id.value(), padded(id.value()), id.tail(),
                            i % 3 == 0 ? String.format("139%08d", i) : null, i % 2 == 0 ? "HEAD" : "SPOUSE",
                            "REGISTERED", null, null, now});
                    if (i % 10 == 0) {
                        tags.add(new Object[] {resident, code, "ELDERLY_ALONE", null, now});
                    }
                }
                batches("insert into household (id, community_id, building_id, room, created_at) values (?, ?, ?, ?, ?)",
                        households);
                batches("""
                        insert into resident (id, community_id, household_id, name, sex, birth_date, id_number_cipher,
                            id_number_hash, id_number_tail, phone, relation, residence, moved_in, needs, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", residents);
                batches("insert into vulnerability (resident_id, community_id, kind, grade, recorded_at) values (?, ?, ?, ?, ?)",
                        tags);
            });
            return (System.nanoTime() - start) / 1e9;
        }

        private void batches(String sql, List<Object[]> rows) {
            for (int i = 0; i < rows.size(); i += 1000) {
                jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 1000)));
            }
        }

        /** PostgreSQL's bulk load of the same rows, the ceiling for any insert path. */
        private double baselineCopy(int n) throws SQLException, IOException {
            var code = codes.get(used++);
            var buildings = jdbc.queryForList("select id from building where community_id = ? order by name",
                    UUID.class, code);
            var households = new StringBuilder();
            var residents = new StringBuilder();
            var tags = new StringBuilder();
            var now = new Timestamp(System.currentTimeMillis()).toString();
            UUID household = null;
            for (int i = 0; i < n; i++) {
                var id = nextId();
                if (i % 2 == 0) {
                    household = UUID.randomUUID();
                    households.append(household).append('\t').append(code).append('\t')
                            .append(buildings.get(i / 2 % buildings.size())).append('\t')
                            .append(i / 2 / BUILDINGS + 101).append('\t').append(now).append('\n');
                }
                var resident = UUID.randomUUID();
                residents.append(resident).append('\t').append(code).append('\t').append(household).append('\t')
                        .append("居民").append(i).append('\t').append(id.male() ? "M" : "F").append('\t')
                        .append(id.birthDate()).append("\tplain:").append(id.value()).append('\t')
                        .append(padded(id.value())).append('\t').append(id.tail()).append('\t')
                        .append(i % 3 == 0 ? String.format("139%08d", i) : "\\N").append('\t')
                        .append(i % 2 == 0 ? "HEAD" : "SPOUSE").append("\tREGISTERED\t\\N\t\\N\t").append(now)
                        .append('\n');
                if (i % 10 == 0) {
                    tags.append(resident).append('\t').append(code).append("\tELDERLY_ALONE\t\\N\t").append(now)
                            .append('\n');
                }
            }
            var dataSource = context.getBean(DataSource.class);
            var start = System.nanoTime();
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("copy household (id, community_id, building_id, room, created_at) from stdin",
                        new StringReader(households.toString()));
                copy.copyIn("""
                        copy resident (id, community_id, household_id, name, sex, birth_date, id_number_cipher,
                            id_number_hash, id_number_tail, phone, relation, residence, moved_in, needs, created_at)
                        from stdin""", new StringReader(residents.toString()));
                copy.copyIn("copy vulnerability (resident_id, community_id, kind, grade, recorded_at) from stdin",
                        new StringReader(tags.toString()));
                connection.commit();
            }
            return (System.nanoTime() - start) / 1e9;
        }

        private static String padded(String idNumber) {
            return (idNumber + "0".repeat(64)).substring(0, 64);
        }
    }

    private static void recreatePostgres() throws SQLException {
        try (var c = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + PG_DB + " with (force)");
            s.execute("create database " + PG_DB);
        }
    }

    private static void deleteH2Files() throws IOException {
        var dir = Path.of("target", "bench");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (var f : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (f.getFileName().toString().startsWith("liandong.")) {
                        Files.delete(f);
                    }
                }
            }
        }
    }
}
