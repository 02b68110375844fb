package dev.leadport.bench;

import dev.leadport.support.Api;
import dev.leadport.support.HeapSampler;
import dev.leadport.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export and bulk benchmark, run as a command (see docs/exports.md), not as a test. It seeds N leads with one
 * set-based INSERT into a fresh database, starts the app in its own JVM with {@code -Xmx256m}, and measures in one
 * run: a CSV export of every lead through the HTTP API against {@code COPY (same SELECT) TO STDOUT}, an export of
 * 5,000 leads, and a bulk update of 100,000 leads by id through the API against one plain {@code UPDATE ... WHERE
 * id = ANY(...)}, and a dry run of as many unknown ids (the id check alone). The app's heap is sampled through its metrics endpoint during the big export.
 *
 * <p>Arguments: number of leads (default 1,000,000), ids in the bulk update (default 100,000).
 */
public final class ExportBulkBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    /** The columns of the API export with every standard field, as ExportColumns writes them. */
    private static final String FIELDS =
            "id,firstName,lastName,email,phone,company,jobTitle,status,source,owner,notes,createdAt,updatedAt";

    private static final String COPY_SELECT = "select l.id::text, l.first_name, l.last_name, l.email, l.phone,"
            + " l.company, l.job_title, l.status, l.source, l.owner_id::text, l.notes,"
            + " to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
            + " to_char(l.updated_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
            + " from lead l where l.deleted_at is null%s order by l.id";

    private ExportBulkBenchmark() {}

    public static void main(String[] args) throws Exception {
        int leads = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int bulkIds = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 100_000;
        String url = TestDatabase.freshDatabaseUrl();
        String dbUser = TestDatabase.server().user();
        int port = freePort();
        Process app = startApp(url, dbUser, port);
        try (Connection db = DriverManager.getConnection(url, dbUser, "")) {
            awaitHealthy(port);
            seed(db, leads);
            String base = "http://localhost:" + port;

            // Warm-up: JIT, connection pool, caches.
            for (int i = 0; i < 3; i++) {
                download(base + "/api/leads/import-export/export?source=bench-5k&fields=" + FIELDS);
                copy(db, " and lower(l.source) = 'bench-5k'");
            }

            System.out.printf(Locale.ROOT, "%nExport of %,d leads as CSV (all %d standard fields)%n", leads, 13);
            HeapSampler heap = HeapSampler.start(new Api(port, "admin", "admin"), 100);
            long apiNanos = Long.MAX_VALUE;
            long apiBytes = 0;
            for (int i = 0; i < 2; i++) {
                long start = System.nanoTime();
                apiBytes = download(base + "/api/leads/import-export/export?fields=" + FIELDS);
                apiNanos = Math.min(apiNanos, System.nanoTime() - start);
            }
            heap.close();
            long copyNanos = Long.MAX_VALUE;
            long copyBytes = 0;
            for (int i = 0; i < 2; i++) {
                long start = System.nanoTime();
                copyBytes = copy(db, "");
                copyNanos = Math.min(copyNanos, System.nanoTime() - start);
            }
            line("API export (HTTP; COPY, owner names in SQL, formula guard)", leads, apiNanos, apiBytes);
            line("COPY (same SELECT) TO STDOUT", leads, copyNanos, copyBytes);
            System.out.printf(Locale.ROOT, "  ratio API / COPY: %.2fx (goal <= 1.5x)%n", (double) apiNanos / copyNanos);
            System.out.printf(
                    Locale.ROOT,
                    "  app heap used during the export: peak %.0f MB of -Xmx256m (sampled every 100 ms, %d samples)%n",
                    heap.peakBytes() / 1e6,
                    heap.samples());

            long smallNanos = Long.MAX_VALUE;
            long smallBytes = 0;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                smallBytes = download(base + "/api/leads/import-export/export?source=bench-5k&fields=" + FIELDS);
                smallNanos = Math.min(smallNanos, System.nanoTime() - start);
            }
            System.out.printf(Locale.ROOT, "%nExport of 5,000 leads (filter source=bench-5k)%n");
            line("API export", 5000, smallNanos, smallBytes);

            System.out.printf(
                    Locale.ROOT,
                    "%nId check of %,d unknown ids on %,d leads (dry run), the fresh app's first bulk call (cold code)%n",
                    bulkIds,
                    leads);
            idCheck(base, bulkIds, 10_000_000_000L);

            System.out.printf(Locale.ROOT, "%nBulk update of %,d leads by id (status)%n", bulkIds);
            List<Long> apiIds = ids(db, 0, bulkIds);
            List<Long> sqlIds = ids(db, bulkIds, bulkIds);
            long bulkStart = System.nanoTime();
            long operation = bulkUpdate(base, apiIds);
            long acceptedNanos = System.nanoTime() - bulkStart;
            JsonNode done = awaitOperation(base, operation);
            long bulkNanos = System.nanoTime() - bulkStart;
            long sqlNanos = plainUpdate(db, sqlIds);
            System.out.printf(
                    Locale.ROOT,
                    "  API job finished %s: %d updated, %d processed%n",
                    done.get("status").asString(),
                    done.get("totals").get("updated").asLong(),
                    done.get("processed").asLong());
            line("API bulk update (job, chunks of 5,000, per-lead results)", bulkIds, bulkNanos, 0);
            System.out.printf(
                    Locale.ROOT,
                    "    of which the request (ids checked, results stored, job queued): %.3f s; the job: %.3f s%n",
                    acceptedNanos / 1e9,
                    (bulkNanos - acceptedNanos) / 1e9);
            line("plain UPDATE ... WHERE id = ANY(?)", bulkIds, sqlNanos, 0);
            System.out.printf(Locale.ROOT, "  ratio API / SQL: %.2fx (goal <= 2.0x)%n", (double) bulkNanos / sqlNanos);

            System.out.printf(
                    Locale.ROOT,
                    "%nId check of %,d unknown ids on %,d leads (dry run), right after the bulk update%n",
                    bulkIds,
                    leads);
            idCheck(base, bulkIds, 20_000_000_000L);
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static void seed(Connection db, int leads) throws SQLException {
        long start = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("delete from lead");
            st.execute(String.format(Locale.ROOT, """
                    insert into lead (first_name, last_name, email, phone, phone_e164, company, job_title, status,
                                      source, owner_id, notes, custom)
                    select 'First' || g, 'Last' || g, 'lead' || g || '@bench.example', '+1 415 555 ' || lpad((g %% 10000)::text, 4, '0'),
                           '+1415555' || lpad((g %% 10000)::text, 4, '0'), 'Company ' || (g %% 5000),
                           'Title ' || (g %% 50),
                           (array['NEW','CONTACTED','QUALIFIED','UNQUALIFIED','CONVERTED','LOST'])[1 + g %% 6],
                           case when g <= 5000 then 'bench-5k' else 'bench' end,
                           (select id from app_user where username = 'admin'),
                           case when g %% 3 = 0 then 'Met at the fair, wants a demo' end, '{}'::jsonb
                    from generate_series(1, %d) g
                    """, leads));
            st.execute("vacuum analyze lead");
        }
        System.out.printf(Locale.ROOT, "Seeded %,d leads in %.1f s%n", leads, (System.nanoTime() - start) / 1e9);
    }

    /** GETs a URL and counts the bytes, keeping none of them (a plain blocking client, as curl or a browser). */
    private static long download(String url) throws IOException {
        java.net.HttpURLConnection connection =
                (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Authorization", AUTH);
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("Export answered " + connection.getResponseCode());
        }
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = connection.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
            }
        }
        return bytes;
    }

    private static long copy(Connection db, String filter) throws SQLException, IOException {
        CountingStream out = new CountingStream();
        db.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyOut("copy (" + String.format(COPY_SELECT, filter) + ") to stdout with (format csv, header)", out);
        return out.count;
    }

    private static List<Long> ids(Connection db, int offset, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>(limit);
        try (PreparedStatement ps = db.prepareStatement("select id from lead order by id offset ? limit ?")) {
            ps.setInt(1, offset);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static long bulkUpdate(String base, List<Long> ids) throws IOException, InterruptedException {
        return bulkUpdate(base, "/api/leads/bulk/update", ids);
    }

    private static long bulkUpdate(String base, String path, List<Long> ids) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(
                java.util.Map.of("ids", ids, "changes", java.util.Map.of("status", "CONTACTED", "source", "bulk")));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", AUTH)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw new IllegalStateException("Bulk update answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("operationId").asLong();
    }

    /**
     * A dry run of {@code n} ids that name no lead, from {@code first} on: the ids checked against the lead table and
     * one result stored per id. Run once as the fresh app's first bulk call (its code not yet compiled by the JIT)
     * and once after the bulk update, on a warm app as on a running server (the goal's figure).
     */
    private static void idCheck(String base, int n, long first) throws IOException, InterruptedException {
        List<Long> unknown = new ArrayList<>(n);
        for (long i = 0; i < n; i++) {
            unknown.add(first + i);
        }
        long start = System.nanoTime();
        JsonNode checked = awaitOperation(base, bulkUpdate(base, "/api/leads/bulk/update?dryRun=true", unknown));
        long nanos = System.nanoTime() - start;
        System.out.printf(
                Locale.ROOT,
                "  %s: %d not found%n",
                checked.get("status").asString(),
                checked.get("totals").get("notFound").asLong());
        line("API dry run, every id unknown (goal < 1 s)", n, nanos, 0);
    }

    private static JsonNode awaitOperation(String base, long id) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/leads/bulk/" + id + "?results=0"))
                            .header("Authorization", AUTH)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode op = JSON.readTree(response.body());
            String status = op.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return op;
            }
            Thread.sleep(20);
        }
    }

    private static long plainUpdate(Connection db, List<Long> ids) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement ps = db.prepareStatement(
                "update lead set status = 'CONTACTED', source = 'bulk', updated_at = now() where id = any(?)")) {
            Array array = db.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
        return System.nanoTime() - start;
    }

    private static void line(String what, long rows, long nanos, long bytes) {
        double seconds = nanos / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  %-58s %8.3f s  %,12.0f rows/s%s%n",
                what,
                seconds,
                rows / seconds,
                bytes > 0 ? String.format(Locale.ROOT, "  %,.1f MB", bytes / 1e6) : "");
    }

    private static Process startApp(String url, String dbUser, int port) throws IOException {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        File log = new File("target/bench-app.log");
        System.out.println("Starting the app with -Xmx256m on port " + port + " (log: " + log + ")");
        return new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.leadport.LeadportApplication",
                        "--server.port=" + port,
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + dbUser,
                        "--leadport.database.mode=none",
                        "--leadport.demo.leads=0",
                        "--leadport.security.bcrypt-strength=4",
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static void awaitHealthy(int port) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The app did not start; see target/bench-app.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Counts what is written and keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
