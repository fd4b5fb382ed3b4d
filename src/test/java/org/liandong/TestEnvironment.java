package org.liandong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides whether tests that need PostgreSQL or Chromium can run. On a newcomer's machine a missing
 * database or browser skips those tests with a message that says what to install; under CI (CI=true)
 * it fails them, so nothing is silently skipped there. Creates the PostgreSQL test database on first use.
 */
public final class TestEnvironment implements ExecutionCondition {

    public static final String CHROMIUM = System.getProperty("liandong.test.chromium", "/usr/bin/chromium");

    private static volatile Boolean postgresReady;

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static boolean postgresRun() {
        return System.getProperty("liandong.test.db-url", "").startsWith("jdbc:postgresql:");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestClass().isEmpty() || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("checked per class");
        }
        var type = context.getTestClass().get();
        if (postgresRun() && !postgresReady()) {
            var why = "PostgreSQL is not reachable for " + System.getProperty("liandong.test.db-url")
                    + ": start it with 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'";
            if (onCi()) {
                throw new IllegalStateException(why);
            }
            return ConditionEvaluationResult.disabled(why);
        }
        if (type.isAnnotationPresent(NeedsBrowser.class) && !Files.isExecutable(Path.of(CHROMIUM))) {
            var why = "Chromium not found at " + CHROMIUM + ": install it with 'apt-get install -y chromium fonts-noto-cjk'";
            if (onCi()) {
                throw new IllegalStateException(why);
            }
            return ConditionEvaluationResult.disabled(why);
        }
        return ConditionEvaluationResult.enabled("environment ready");
    }

    private static synchronized boolean postgresReady() {
        if (postgresReady == null) {
            postgresReady = createDatabase();
        }
        return postgresReady;
    }

    /** Recreates the test database once per run, so every run starts from the migrations. */
    private static boolean createDatabase() {
        var url = System.getProperty("liandong.test.db-url");
        var user = System.getProperty("liandong.test.db-user", "postgres");
        var slash = url.lastIndexOf('/');
        var name = url.substring(slash + 1).replaceAll("\\?.*", "");
        var admin = url.substring(0, slash + 1) + "postgres";
        try (var c = DriverManager.getConnection(admin, user, "");
             var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
            return true;
        } catch (SQLException e) {
            System.err.println("PostgreSQL not available: " + e.getMessage());
            return false;
        }
    }
}
