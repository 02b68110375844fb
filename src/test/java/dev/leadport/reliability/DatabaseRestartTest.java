package dev.leadport.reliability;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.LeadportApplication;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL restarts while an import and a bulk update run. The shared server is never touched: the test starts a
 * private embedded PostgreSQL, stops it mid-job and starts it again on the same port and data. The jobs pause, the
 * job engine runs them again, they resume from their checkpoints, and the connection pool serves requests again
 * without an application restart.
 */
@Tag("nodes")
class DatabaseRestartTest {

    private static final int LEADS = 12_000;
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    private static Path dataDir;
    private static int pgPort;
    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext app;
    private static Api admin;

    @BeforeAll
    static void startDatabaseAndApp() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-pgdata-");
        pgPort = freePort();
        postgres = startPostgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("create database leadport_restart");
        }
        app = new SpringApplicationBuilder(LeadportApplication.class)
                .profiles("test")
                .properties(Map.of(
                        "server.port", "0",
                        "spring.datasource.url", "jdbc:postgresql://localhost:" + pgPort + "/leadport_restart",
                        "spring.datasource.username", "postgres",
                        "spring.datasource.hikari.connection-timeout", "2000",
                        "db-scheduler.heartbeat-interval", "1s",
                        "db-scheduler.missed-heartbeats-limit", "4",
                        "leadport.imports.chunk-rows", "500",
                        "leadport.bulk.job-threshold", "1000",
                        "leadport.bulk.chunk-size", "300"))
                .run();
        admin = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0")), "admin", "admin");
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void importAndBulkUpdatePauseWhileTheDatabaseRestartsAndFinishWithExactCounts() throws Exception {
        StringBuilder csv = new StringBuilder("email,source\n");
        for (int i = 0; i < LEADS; i++) {
            csv.append("r").append(i).append("@restart.io,restart\n");
        }
        Api.Response accepted = admin.postMultipart(
                "/api/leads/import-export/import", Map.of("file", FilePart.csv("restart.csv", csv.toString())));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long importId = accepted.json().get("id").asLong();
        String importPath = "/api/leads/import-export/imports/" + importId;

        await(() -> admin.get(importPath).json().get("processedRows").asLong() > 0);
        restartPostgres();

        JsonNode job = awaitFinished(importPath);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asLong()).isEqualTo(LEADS);
        assertThat(admin.get("/api/leads?size=1&total=exact&source=restart")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(LEADS);

        Api.Response bulk = admin.post(
                "/api/leads/bulk/update", map("filter", map("source", "restart"), "changes", map("status", "LOST")));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(202);
        String bulkPath = "/api/leads/bulk/" + bulk.json().get("operationId").asLong();
        await(() -> admin.get(bulkPath).json().get("processed").asLong() > 0);
        restartPostgres();

        JsonNode op = awaitFinished(bulkPath);
        assertThat(op.get("status").asString()).as(op.toString()).isEqualTo("COMPLETED");
        assertThat(op.get("totals").get("updated").asLong()).isEqualTo(LEADS);
        assertThat(admin.get("/api/leads?size=1&total=exact&status=LOST")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(LEADS);
        assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
    }

    /** Stops PostgreSQL (fast shutdown: every session is cut), waits, and starts it again on the same data. */
    private static void restartPostgres() throws Exception {
        postgres.close();
        Thread.sleep(OUTAGE.toMillis());
        postgres = startPostgres();
    }

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(pgPort)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
    }

    /** Polls until the job ends; requests that fail while the database is away are simply tried again. */
    private static JsonNode awaitFinished(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Api.Response response = admin.get(path);
            if (response.status() == 200) {
                String status = response.json().get("status").asString();
                if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                    return response.json();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not finish within three minutes");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
