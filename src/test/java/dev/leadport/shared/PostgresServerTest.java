package dev.leadport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.shared.db.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void unreachableLocalServerFallsBackToAnEmbeddedOneThatStartsEvenAsRoot() throws Exception {
        StringBuilder log = new StringBuilder();
        PostgresServer server = PostgresServer.localOrEmbedded(
                "localhost", 1, "postgres", Path.of("target", "embedded-pgdata-probe"), log::append);
        assertThat(server.isEmbedded()).isTrue();
        assertThat(log).contains("No PostgreSQL answers at localhost:1");
        server.ensureDatabase("leadport_probe");
        server.ensureDatabase("leadport_probe");
        try (Connection c = server.connect("leadport_probe")) {
            assertThat(c.isValid(2)).isTrue();
        }
    }
}
