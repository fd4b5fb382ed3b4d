package org.liandong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded H2 database keeps every commit it acknowledged, even when the process is killed with
 * SIGKILL right after. A child JVM commits rows one by one and reports each; we kill it mid-stream and
 * count what survived, using the very JDBC URL options of application.yml.
 */
class H2CrashDurabilityTests {

    @TempDir
    Path dir;

    /** Run by the child JVM: commits one row at a time and prints the number after each commit returns. */
    public static void main(String[] args) throws Exception {
        try (var c = DriverManager.getConnection(args[0], "sa", "")) {
            c.createStatement().execute("create table if not exists acknowledged (n int primary key)");
            c.setAutoCommit(false);
            var insert = c.prepareStatement("insert into acknowledged (n) values (?)");
            for (int n = 1; ; n++) {
                insert.setInt(1, n);
                insert.executeUpdate();
                c.commit();
                System.out.println(n);
                System.out.flush();
            }
        }
    }

    @Test
    void everyAcknowledgedCommitSurvivesKillMinusNine() throws Exception {
        var url = "jdbc:h2:file:" + dir.resolve("durable") + ";" + productionOptions();
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                H2CrashDurabilityTests.class.getName(), url).redirectErrorStream(true).start();
        int lastAcknowledged = 0;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.matches("\\d+")) {
                    lastAcknowledged = Integer.parseInt(line);
                    if (lastAcknowledged >= 300) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no H2 close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastAcknowledged).isGreaterThanOrEqualTo(300);
        try (var c = DriverManager.getConnection(url, "sa", "");
             var rs = c.createStatement().executeQuery("select count(*), max(n) from acknowledged")) {
            rs.next();
            assertThat(rs.getInt(2)).as("highest committed row after the crash").isGreaterThanOrEqualTo(lastAcknowledged);
            assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2));
        }
    }

    /** The options after the file name in the default datasource URL of application.yml. */
    private static String productionOptions() throws Exception {
        var sources = new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"));
        var env = new StandardEnvironment();
        env.getPropertySources().addFirst(sources.get(0));
        var url = Binder.get(env).bind("spring.datasource.url", String.class).get();
        // the value is ${LIANDONG_DB_URL:jdbc:h2:file:./data/liandong;...}
        var h2 = url.substring(url.indexOf("jdbc:h2:"));
        var options = h2.substring(h2.indexOf(';') + 1);
        assertThat(options).contains("WRITE_DELAY=0");
        return options.endsWith("}") ? options.substring(0, options.length() - 1) : options;
    }
}
