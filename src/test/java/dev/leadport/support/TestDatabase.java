package dev.leadport.support;

import dev.leadport.shared.db.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Real PostgreSQL for tests, made fast: the migrations run once into a template database named after their
 * content hash, and every Spring context gets its own database cloned from it in a few milliseconds.
 */
public final class TestDatabase {

    private static final long TEMPLATE_LOCK = 0x1EAD_0001L;
    private static PostgresServer server;

    private TestDatabase() {}

    public static synchronized PostgresServer server() {
        if (server == null) {
            server = PostgresServer.localOrEmbedded(
                    "localhost", 5432, "postgres", Path.of("target", "embedded-pgdata"), System.err::println);
        }
        return server;
    }

    /** Creates a new, fully migrated database and returns its JDBC URL; it is dropped when the JVM ends. */
    public static synchronized String freshDatabaseUrl() {
        String template = "leadport_tpl_" + migrationsHash();
        String name =
                "leadport_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            ensureTemplate(template);
            cloneTemplate(template, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the test database: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-" + name));
        return server().jdbcUrl(name);
    }

    private static void ensureTemplate(String template) throws SQLException {
        try (Connection admin = server().connectAdmin();
                Statement st = admin.createStatement()) {
            // Several test JVMs (worktrees, CI) may race to build the same template.
            st.execute("select pg_advisory_lock(" + TEMPLATE_LOCK + ")");
            try {
                var rs = st.executeQuery("select 1 from pg_database where datname = '" + template + "'");
                if (rs.next()) {
                    return;
                }
                String building = template + "_wip";
                st.execute("drop database if exists " + building + " with (force)");
                st.execute("create database " + building);
                Flyway.configure()
                        .dataSource(server().jdbcUrl(building), server().user(), "")
                        .locations("classpath:db/migration")
                        // As in application.yml: CREATE INDEX CONCURRENTLY would wait on Flyway's own lock.
                        .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false"))
                        .load()
                        .migrate();
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + building + "'");
                st.execute("alter database " + building + " rename to " + template);
            } finally {
                st.execute("select pg_advisory_unlock(" + TEMPLATE_LOCK + ")");
            }
        }
    }

    private static void cloneTemplate(String template, String name) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Connection admin = server().connectAdmin();
                    Statement st = admin.createStatement()) {
                st.execute("create database " + name + " template " + template);
                return;
            } catch (SQLException e) {
                // 55006: another session is cloning the template at this instant; wait and retry.
                if (!"55006".equals(e.getSQLState())) {
                    throw e;
                }
                last = e;
                sleep(100);
            }
        }
        throw last;
    }

    private static void drop(String name) {
        try (Connection admin = server().connectAdmin();
                Statement st = admin.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String migrationsHash() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.sql");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                digest.update(file.getFilename().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
