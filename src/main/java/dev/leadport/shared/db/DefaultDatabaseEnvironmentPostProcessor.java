package dev.leadport.shared.db;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database when none is configured, so the app starts on a fresh machine with no settings: the
 * PostgreSQL on localhost:5432 (creating the {@code leadport} database if missing), else an embedded PostgreSQL.
 * An explicit {@code spring.datasource.url} always wins; {@code leadport.database.mode=none} turns this off.
 */
public class DefaultDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public DefaultDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DefaultDatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // After the config files are read, so application.yml and profiles can set leadport.database.*.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (env.containsProperty("spring.datasource.url")) {
            return;
        }
        String mode = env.getProperty("leadport.database.mode", "auto");
        if ("none".equals(mode)) {
            return;
        }
        String host = env.getProperty("leadport.database.host", "localhost");
        int port = env.getProperty("leadport.database.port", Integer.class, 5432);
        String user = env.getProperty("leadport.database.user", "postgres");
        String name = env.getProperty("leadport.database.name", "leadport");
        Path dataDir = Path.of(env.getProperty("leadport.database.embedded-data-dir", ".leadport/pgdata"));

        PostgresServer server = "embedded".equals(mode)
                ? PostgresServer.embedded(dataDir)
                : PostgresServer.localOrEmbedded(host, port, user, dataDir, log::warn);
        try {
            server.ensureDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create the database '" + name + "' on " + server.describe() + ": " + e.getMessage(), e);
        }
        log.info("Using database '" + name + "' on " + server.describe()
                + " (set SPRING_DATASOURCE_URL to use another)");
        env.getPropertySources()
                .addFirst(new MapPropertySource(
                        "leadportDefaultDatabase",
                        Map.of(
                                "spring.datasource.url", server.jdbcUrl(name),
                                "spring.datasource.username", server.user())));
    }
}
