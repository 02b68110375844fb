package dev.leadport.reliability;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Eight imports, eight exports and bulk operations at once, all on the same leads: the import files share most of
 * their emails (half skip matches, half update them) and the bulk operations change those same leads while the
 * imports write them. Every job must end with counts that add up exactly, and no request may answer 5xx.
 */
@TestPropertySource(
        properties = {
            "leadport.imports.chunk-rows=250",
            "leadport.bulk.job-threshold=100",
            "leadport.bulk.chunk-size=200",
            "db-scheduler.threads=8"
        })
class ConcurrentJobsTest extends ApiTestBase {

    private static final String PATH = "/api/leads/import-export";
    private static final int IMPORTS = 8;
    private static final int ROWS = 2_000;
    /** File i holds emails i*SHIFT .. i*SHIFT+ROWS-1: each file shares three quarters of its emails with the next. */
    private static final int SHIFT = 500;

    private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();

    @Autowired
    DataSource dataSource;

    @Test
    void eightImportsEightExportsAndBulkOperationsOnTheSameLeadsAllFinishWithExactCounts() throws Exception {
        String tag = unique("busy");
        Api admin = as("admin");
        Api manager = as("manager");
        // Leads the bulk operations can start on before the imports land theirs.
        Set<String> emails = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            emails.add(email(i, tag));
            createLead(admin, map("email", email(i, tag), "source", tag));
        }

        ExecutorService pool = Executors.newFixedThreadPool(IMPORTS + 8 + 4);
        try {
            List<Future<Long>> imports = new ArrayList<>();
            for (int f = 0; f < IMPORTS; f++) {
                int file = f;
                for (int i = file * SHIFT; i < file * SHIFT + ROWS; i++) {
                    emails.add(email(i, tag));
                }
                imports.add(pool.submit(() -> startImport(admin, tag, file)));
            }
            List<Future<Long>> bulks = new ArrayList<>();
            String[] statuses = {"CONTACTED", "QUALIFIED", "LOST", "CONTACTED"};
            for (String status : statuses) {
                bulks.add(pool.submit(() -> startBulk(
                        manager,
                        "/api/leads/bulk/update",
                        map("filter", map("source", tag), "changes", map("status", status)))));
            }
            List<Future<Integer>> exports = new ArrayList<>();
            for (int e = 0; e < 8; e++) {
                exports.add(pool.submit(() -> exportRows(manager, tag)));
            }

            long created = 0;
            for (Future<Long> started : imports) {
                JsonNode job = awaitFinished(admin, PATH + "/imports/" + started.get());
                assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
                assertThat(job.get("processedRows").asLong()).isEqualTo(ROWS);
                assertThat(job.get("created").asLong()
                                + job.get("updated").asLong()
                                + job.get("skipped").asLong())
                        .as(job.toString())
                        .isEqualTo(ROWS);
                assertThat(job.get("failed").asLong()).as(job.toString()).isZero();
                created += job.get("created").asLong();
            }
            for (Future<Long> started : bulks) {
                JsonNode op = awaitFinished(manager, "/api/leads/bulk/" + started.get());
                assertThat(op.get("status").asString()).as(op.toString()).isEqualTo("COMPLETED");
                JsonNode totals = op.get("totals");
                long settled = 0;
                for (Map.Entry<String, JsonNode> total : totals.properties()) {
                    settled += total.getKey().equals("requested")
                            ? 0
                            : total.getValue().asLong();
                }
                assertThat(settled)
                        .as(op.toString())
                        .isEqualTo(totals.get("requested").asLong());
                assertThat(totals.get("pending").asLong()).isZero();
            }
            for (Future<Integer> export : exports) {
                assertThat(export.get()).isBetween(300, emails.size());
            }

            assertThat(created).as("leads the imports created").isEqualTo(emails.size() - 300);
            assertThat(manager.get("/api/leads?size=1&source=" + tag)
                            .json()
                            .get("total")
                            .asLong())
                    .isEqualTo(emails.size());
            assertThat(exportRows(manager, tag)).isEqualTo(emails.size());
            assertThat(serverErrors).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBulkChunkThatLosesADeadlockIsRetriedAndTheOperationCompletes() throws Exception {
        Api manager = as("manager");
        String tag = unique("deadlock");
        long first = createLead(manager, map("email", "a-" + tag + "@x.io", "source", tag))
                .get("id")
                .asLong();
        long second = createLead(manager, map("email", "b-" + tag + "@x.io", "source", tag))
                .get("id")
                .asLong();
        long deadlocksBefore = deadlocks();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lock(other, second);
            // The bulk chunk locks the first lead, then waits for the second, which this transaction holds.
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Api.Response> bulk = pool.submit(() -> manager.post(
                        "/api/leads/bulk/update",
                        map("ids", List.of(first, second), "changes", map("status", "QUALIFIED"))));
                Thread.sleep(300);
                // Now this transaction waits for the first lead: a cycle. PostgreSQL aborts the bulk chunk, which
                // waited longer; this transaction goes on and commits, and the chunk runs again.
                lock(other, first);
                other.commit();
                Api.Response response = bulk.get();
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                assertThat(response.json().get("status").asString()).isEqualTo("COMPLETED");
                assertThat(response.json().get("totals").get("updated").asLong())
                        .isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        }
        // Backends report statistics lazily (up to ten seconds after going idle).
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (deadlocks() <= deadlocksBefore && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(deadlocks()).as("a deadlock happened and was survived").isGreaterThan(deadlocksBefore);
    }

    private static void lock(Connection connection, long leadId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select id from lead where id = ? for update")) {
            st.setLong(1, leadId);
            st.executeQuery().close();
        }
    }

    private long deadlocks() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(
                        "select deadlocks from pg_stat_database where datname = current_database()");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long startImport(Api admin, String tag, int file) {
        StringBuilder csv = new StringBuilder("email,first name,source\n");
        for (int i = file * SHIFT; i < file * SHIFT + ROWS; i++) {
            csv.append(email(i, tag))
                    .append(",File ")
                    .append(file)
                    .append(',')
                    .append(tag)
                    .append('\n');
        }
        Api.Response response = checked(() -> admin.postMultipart(
                PATH + "/import",
                Map.of(
                        "file",
                        FilePart.csv("busy-" + file + ".csv", csv.toString()),
                        "duplicateMode",
                        file % 2 == 0 ? "SKIP" : "UPDATE")));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("id").asLong();
    }

    private long startBulk(Api api, String path, Map<String, Object> body) {
        Api.Response response = checked(() -> api.post(path, body));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().get("operationId").asLong();
    }

    /** Exports the tag's leads as CSV and returns the number of data rows. */
    private int exportRows(Api api, String tag) {
        Api.Response response = checked(() -> api.get(PATH + "/export?format=csv&fields=email&source=" + tag));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        String[] lines = response.body().strip().split("\r?\n");
        return lines.length - 1;
    }

    private JsonNode awaitFinished(Api api, String path) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = checked(() -> api.get(path)).json();
            String status = job.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not finish within two minutes");
    }

    private Api.Response checked(Supplier<Api.Response> call) {
        Api.Response response = call.get();
        if (response.status() >= 500) {
            serverErrors.add(response.toString());
        }
        return response;
    }

    private static String email(int i, String tag) {
        return "c" + i + "-" + tag + "@x.io";
    }
}
