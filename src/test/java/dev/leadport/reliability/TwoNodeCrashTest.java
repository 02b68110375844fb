package dev.leadport.reliability;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.bench.SampleFileGenerator;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.AppNode;
import dev.leadport.support.SignedInClient;
import dev.leadport.support.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Two Leadport nodes (two JVMs) on one database share the job engine. The node running a job is killed with the
 * equivalent of {@code kill -9} after some chunks committed; the other node must notice the dead execution, resume
 * the job from its checkpoint, and finish with exactly the leads and counts of an uninterrupted run.
 *
 * <p>Sizes: {@code -Dcrash.importRows} (default 200,000; 50,000 for a quicker run) and the bulk update changes every imported lead of one
 * source (about a ninth of them). The nodes beat every second and are declared dead after four missed beats.
 */
@Tag("nodes")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeCrashTest {

    private static final int IMPORT_ROWS = Integer.getInteger("crash.importRows", 200_000);
    /** Generous: on a busy shared 2-core machine a node has been seen to take three minutes to start. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /** The nodes live a minute or two: a quick-starting JIT and a small collector spare the test's two cores. */
    private static final List<String> NODE_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final List<String> NODE_SETTINGS = List.of(
            "--db-scheduler.heartbeat-interval=1s",
            "--db-scheduler.missed-heartbeats-limit=4",
            "--db-scheduler.polling-interval=500ms",
            "--leadport.imports.chunk-rows=5000",
            "--leadport.bulk.chunk-size=500",
            "--leadport.bulk.job-threshold=1000",
            "--spring.datasource.hikari.maximum-pool-size=6");

    private static String jdbcUrl;
    private static CompletableFuture<AppNode> restarted = CompletableFuture.completedFuture(null);
    private static final List<AppNode> nodes = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() {
        jdbcUrl = TestDatabase.freshDatabaseUrl();
        // Both start at once; only the first seeds the demo users, so the two cannot race to insert them.
        AppNode a = start("node-a", true);
        AppNode b = start("node-b", false);
        a.awaitUp(START_TIMEOUT);
        b.awaitUp(START_TIMEOUT);
        Api admin = nodes.get(0).as("admin");
        // The owners the sample file names, so every row of a clean file is valid.
        for (String rep : List.of("alice", "carol", "dave")) {
            Api.Response created =
                    admin.post("/api/users", map("username", rep, "password", "rep-password", "role", "REP"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        Api.Response bob = admin.post(
                "/api/users",
                map(
                        "username",
                        "bob.sales",
                        "email",
                        "bob.sales@leadport.dev",
                        "password",
                        "rep-password",
                        "role",
                        "REP"));
        assertThat(bob.status()).as(bob.toString()).isEqualTo(201);
    }

    @AfterAll
    static void stopNodes() {
        nodes.forEach(AppNode::close);
    }

    @Test
    @Order(0)
    void aBrowserSignedInOnOneNodeIsSignedInOnTheOtherAndSigningOutOnEitherEndsIt() throws Exception {
        AppNode a = nodes.get(0);
        AppNode b = nodes.get(1);
        SignedInClient browser = SignedInClient.signIn(a.port(), "manager", "manager");

        // Sessions live in PostgreSQL: node B knows the session node A started, as a load balancer without
        // stickiness would need.
        HttpResponse<String> page = browser.getFrom(b.port(), "/leads");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("manager");
        assertThat(browser.getFrom(b.port(), "/api/leads?size=1").statusCode()).isEqualTo(200);

        HttpResponse<Void> signedOut = browser.signOutAt(b.port());
        assertThat(signedOut.statusCode())
                .as("signed out (a client not asking for HTML gets 204)")
                .isIn(204, 302);
        // The client asks for JSON, so a request without a valid session gets 401 rather than the sign-in page.
        assertThat(browser.getFrom(a.port(), "/leads").statusCode()).isEqualTo(401);
        assertThat(browser.getFrom(a.port(), "/api/leads?size=1").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(1)
    void importResumesOnTheOtherNodeAfterTheNodeRunningItIsKilledAndLandsEveryRowOnce() throws Exception {
        Path file = Files.createDirectories(Path.of("target", "nodes")).resolve("crash-" + IMPORT_ROWS + ".csv");
        SampleFileGenerator.generate(file, SampleFileGenerator.Settings.clean(IMPORT_ROWS, 8));
        long started = System.nanoTime();

        Api.Response accepted = nodes.get(0)
                .as("admin")
                .postMultipart(
                        "/api/leads/import-export/import",
                        Map.of("file", new FilePart("crash.csv", "text/csv", Files.readAllBytes(file))));
        assertThat(accepted.status()).as(brief(accepted)).isEqualTo(202);
        long id = accepted.json().get("id").asLong();

        String task = "lead-import";
        Takeover takeover = killAfterFirstChunk(task, id, () -> importRow(id, "processed_rows"));
        assertThat(takeover.progressAtKill()).isBetween(1L, IMPORT_ROWS - 1L);

        JsonNode job = awaitImportFinished(takeover.survivor().as("admin"), id);
        System.out.printf(
                "Import of %,d rows: %s killed at %,d rows, resumed by %s %.1f s later; done %.1f s after upload%n",
                IMPORT_ROWS,
                takeover.killed().name(),
                takeover.progressAtKill(),
                takeover.survivor().name(),
                takeover.resumedAfter(),
                seconds(started));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("processedRows").asLong()).isEqualTo(IMPORT_ROWS);
        assertThat(job.get("created").asLong()).isEqualTo(IMPORT_ROWS);
        assertThat(job.get("updated").asLong()
                        + job.get("skipped").asLong()
                        + job.get("failed").asLong())
                .isZero();
        assertThat(count("select count(*) from lead where deleted_at is null")).isEqualTo(IMPORT_ROWS);
        assertThat(count("select count(distinct lower(email)) from lead where deleted_at is null"))
                .isEqualTo(IMPORT_ROWS);
        assertThat(count("select count(*) from import_staging where import_id = " + id))
                .isZero();
    }

    @Test
    @Order(2)
    void bulkUpdateResumesOnTheOtherNodeAfterTheNodeRunningItIsKilledAndChangesEveryLeadOnce() throws Exception {
        restarted.get();
        String source = "Web form";
        long matching = count("select count(*) from lead where deleted_at is null and lower(source) = 'web form'");
        assertThat(matching).as("leads to change").isGreaterThan(1_000);
        long started = System.nanoTime();

        Api.Response accepted = nodes.get(nodes.size() - 1)
                .as("manager")
                .post(
                        "/api/leads/bulk/update",
                        map("filter", map("source", source), "changes", map("source", "Web form (moved)")));
        assertThat(accepted.status()).as(brief(accepted)).isEqualTo(202);
        long id = accepted.json().get("operationId").asLong();

        String task = "bulk-operation";
        Takeover takeover = killAfterFirstChunk(task, id, () -> bulkProcessed(id));
        assertThat(takeover.progressAtKill()).isBetween(1L, matching - 1);

        JsonNode op = awaitBulkFinished(takeover.survivor().as("manager"), id);
        System.out.printf(
                "Bulk update of %,d leads: %s killed at %,d leads, resumed by %s %.1f s later; done %.1f s after request%n",
                matching,
                takeover.killed().name(),
                takeover.progressAtKill(),
                takeover.survivor().name(),
                takeover.resumedAfter(),
                seconds(started));
        assertThat(op.get("status").asString()).as(op.toString()).isEqualTo("COMPLETED");
        JsonNode totals = op.get("totals");
        assertThat(totals.get("requested").asLong()).isEqualTo(matching);
        assertThat(totals.get("updated").asLong()).isEqualTo(matching);
        assertThat(totals.get("unchanged").asLong()).isZero();
        assertThat(totals.get("pending").asLong()).isZero();
        assertThat(count("select count(*) from lead where deleted_at is null and source = 'Web form (moved)'"))
                .isEqualTo(matching);
        // Each lead's last change is the one its result recorded: none was changed again by a re-run chunk.
        assertThat(count("select count(distinct r.lead_id) from bulk_result r join lead l on l.id = r.lead_id"
                        + " where r.operation_id = " + id
                        + " and r.result = 'UPDATED' and l.updated_at = r.applied_at"))
                .isEqualTo(matching);
    }

    @Test
    @Order(3)
    void scheduledExportCutShortByAKilledNodeRunsItsOccurrenceOnceOnTheOtherNode() throws Exception {
        restarted.get();
        // A daily cron at the coming minute (UTC): it fires once during the test and not again.
        ZonedDateTime fire = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(75).truncatedTo(ChronoUnit.MINUTES);
        String name = "crash-" + System.nanoTime();
        Api.Response created = nodes.get(0)
                .as("manager")
                .post(
                        "/api/leads/import-export/schedules",
                        map(
                                "name", name,
                                "filter", map(),
                                "fields", List.of("email", "firstName", "lastName", "company", "status", "owner"),
                                "format", "XLSX",
                                "recurrence",
                                        map("type", "CRON", "cron", fire.getMinute() + " " + fire.getHour() + " * * *"),
                                "timeZone", "UTC",
                                "recipients", List.of(name + "@example.com")));
        assertThat(created.status()).as(brief(created)).isEqualTo(201);
        long id = created.json().get("id").asLong();
        long leads = count("select count(*) from lead where deleted_at is null");

        String task = "scheduled-export";
        AppNode runner = awaitPicked(task, id, Duration.ofMinutes(3));
        await(
                "the run started",
                Duration.ofMinutes(1),
                () -> runStatus(id).filter("RUNNING"::equals).isPresent());
        long killed = kill(runner);
        assertThat(runStatus(id)).as("the run was cut short").contains("RUNNING");
        AppNode survivor = survivorOf(runner);
        awaitPickedBy(task, id, survivor);
        double resumedAfter = seconds(killed);
        await(
                "the run completed",
                Duration.ofMinutes(3),
                () -> runStatus(id).filter("COMPLETED"::equals).isPresent());
        System.out.printf(
                "Scheduled export of %,d leads: %s killed mid-run, run again by %s (picked %.1f s after the kill)%n",
                leads, runner.name(), survivor.name(), resumedAfter);

        assertThat(count("select count(*) from export_schedule_run where schedule_id = " + id))
                .as("one run row for the one occurrence")
                .isEqualTo(1);
        assertThat(count("select count(*) from export_schedule_run where schedule_id = " + id + " and scheduled_for = '"
                        + fire.toInstant() + "'"))
                .isEqualTo(1);
        assertThat(count("select attempts from export_schedule_run where schedule_id = " + id))
                .as("started once on the killed node, once on the survivor")
                .isEqualTo(2);
        assertThat(count("select row_count from export_schedule_run where schedule_id = " + id))
                .isEqualTo(leads);
        assertThat(count("select count(*) from export_schedule_run r join stored_file f on f.id = r.file_id"
                        + " where r.schedule_id = " + id + " and f.size = r.file_size"))
                .as("the file stored once, complete")
                .isEqualTo(1);
        assertThat(count("select count(*) from mail_outbox where recipient = '" + name + "@example.com'"))
                .as("one mail")
                .isEqualTo(1);
    }

    private static Optional<String> runStatus(long scheduleId) {
        return query("select status from export_schedule_run where schedule_id = " + scheduleId);
    }

    private static AppNode start(String name, boolean seedsDemoUsers) {
        List<String> settings = new ArrayList<>(NODE_SETTINGS);
        settings.add("--leadport.demo.enabled=" + seedsDemoUsers);
        AppNode node = AppNode.start(name, jdbcUrl, TestDatabase.server().user(), NODE_JVM, settings);
        nodes.add(node);
        return node;
    }

    /** Starts a fresh JVM in place of a killed one, as an orchestrator would, while the test goes on. */
    private static CompletableFuture<AppNode> restartInBackground(AppNode killed) {
        nodes.remove(killed);
        AppNode replacement = start(killed.name(), false);
        return CompletableFuture.supplyAsync(() -> replacement.awaitUp(START_TIMEOUT));
    }

    /** Kills the node and returns when (System.nanoTime) it was gone. */
    private static long kill(AppNode node) {
        node.kill();
        return System.nanoTime();
    }

    private static AppNode survivorOf(AppNode killed) {
        return nodes.stream().filter(n -> n != killed).findFirst().orElseThrow();
    }

    /** The node that ran a job until it was killed, what the job had done by then, and the node that took it over. */
    private record Takeover(AppNode killed, long progressAtKill, AppNode survivor, double resumedAfter) {}

    /**
     * Waits until a node picked the job and its first chunk committed ({@code progress} above 0), kills that node,
     * waits until the other node picked the job up, and restarts the killed node in the background.
     */
    private static Takeover killAfterFirstChunk(String task, long id, LongSupplier progress) {
        AppNode runner = awaitPicked(task, id, Duration.ofMinutes(1));
        await("a first chunk committed", Duration.ofMinutes(2), () -> progress.getAsLong() > 0);
        long progressAtKill = progress.getAsLong();
        long killed = kill(runner);
        AppNode survivor = awaitPickedBy(task, id, survivorOf(runner));
        double resumedAfter = seconds(killed);
        restarted = restartInBackground(runner);
        return new Takeover(runner, progressAtKill, survivor, resumedAfter);
    }

    /** The node whose scheduler picked the job's execution. */
    private static AppNode awaitPicked(String task, long id, Duration timeout) {
        await("the job picked by a node", timeout, () -> pickedBy(task, id).isPresent());
        String name = pickedBy(task, id).orElseThrow();
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    private static AppNode awaitPickedBy(String task, long id, AppNode node) {
        await(
                node.name() + " resuming the dead execution",
                Duration.ofMinutes(1),
                () -> pickedBy(task, id).filter(node.name()::equals).isPresent() || !executionExists(task, id));
        return node;
    }

    private static Optional<String> pickedBy(String task, long id) {
        return query(
                "select picked_by from scheduled_tasks where task_name = ? and task_instance = ? and picked", task, id);
    }

    private static boolean executionExists(String task, long id) {
        return query("select 'x' from scheduled_tasks where task_name = ? and task_instance = ?", task, id)
                .isPresent();
    }

    private static long importRow(long id, String column) {
        return count("select " + column + " from import_job where id = " + id);
    }

    private static long bulkProcessed(long id) {
        return count("select processed from bulk_operation where id = " + id);
    }

    private static JsonNode awaitImportFinished(Api api, long id) {
        JsonNode[] last = new JsonNode[1];
        await("the import to finish", Duration.ofMinutes(5), () -> {
            last[0] = api.get("/api/leads/import-export/imports/" + id).json();
            String status = last[0].get("status").asString();
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        });
        return last[0];
    }

    private static JsonNode awaitBulkFinished(Api api, long id) {
        JsonNode[] last = new JsonNode[1];
        await("the bulk operation to finish", Duration.ofMinutes(5), () -> {
            last[0] = api.get("/api/leads/bulk/" + id).json();
            String status = last[0].get("status").asString();
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        });
        return last[0];
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .pollInSameThread()
                .until(condition::getAsBoolean);
    }

    private static long count(String sql) {
        return query(sql).map(Long::parseLong).orElse(0L);
    }

    private static Optional<String> query(String sql, Object... params) {
        Properties props = new Properties();
        props.setProperty("user", TestDatabase.server().user());
        try (Connection c = DriverManager.getConnection(jdbcUrl, props);
                PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, String.valueOf(params[i]));
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String brief(Api.Response response) {
        String text = response.toString();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
