package dev.leadport.bench;

import dev.leadport.shared.db.PostgresServer;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

/**
 * Import benchmark: for each size, generates a clean lead file, then in the same run measures (a) PostgreSQL's own
 * COPY of the file into an empty table with the lead table's columns and indexes (copied from the migrated schema), and
 * (b) Leadport: upload through the API, validation, dedupe and merge until the job is COMPLETED, with the app in its
 * own JVM at -Xmx256m.
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath dev.leadport.bench.ImportBenchmark --sizes 1000,100000,1000000"</pre>
 *
 * <p>{@code --warmup N} first imports N other leads into each fresh app and empties the lead tables again, so the
 * timed import meets a warm JVM as on a running server; without it every figure includes the cold start of the
 * import path (JIT, class loading, first connections), which dominates small files.
 */
public final class ImportBenchmark {

    /**
     * The baseline table has the lead table's columns (owner as the file's text), its contact check and, copied from
     * the migrated lead table itself, its primary key and every other index, so the baseline follows the schema as it changes.
     */
    private static final String BASELINE_TABLE = """
            create table bench_baseline (like lead including defaults including identity);
            alter table bench_baseline drop column owner_id, add column owner text, add column follow_up text,
              alter column status drop not null, add primary key (id),
              add constraint bench_has_contact check (email is not null or phone is not null);
            """;

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>(List.of(1_000, 100_000, 1_000_000));
        int warmup = 0;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--sizes")) {
                sizes.clear();
                for (String s : args[i + 1].split(",")) {
                    sizes.add(Integer.parseInt(s.strip()));
                }
            } else if (args[i].equals("--warmup")) {
                warmup = Integer.parseInt(args[i + 1].strip());
            }
        }
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        PostgresServer server = PostgresServer.localOrEmbedded(
                "localhost", 5432, "postgres", Path.of("target", "bench", "pgdata"), System.out::println);
        Path warmupFile = null;
        if (warmup > 0) {
            warmupFile = dir.resolve("warmup-" + warmup + ".csv");
            if (!Files.exists(warmupFile)) {
                SampleFileGenerator.generate(warmupFile, SampleFileGenerator.Settings.clean(warmup, 7));
            }
        }
        List<String> results = new ArrayList<>();
        for (int rows : sizes) {
            Path file = dir.resolve("leads-" + rows + ".csv");
            if (!Files.exists(file)) {
                SampleFileGenerator.generate(file, SampleFileGenerator.Settings.clean(rows, 42));
            }
            results.add(run(server, file, rows, warmupFile));
        }
        System.out.println();
        System.out.println(
                warmup > 0 ? "after a warm-up import of " + warmup + " rows in each app" : "cold app per size");
        System.out.println("rows       file MB  COPY rows/s  Leadport rows/s  ratio  app peak heap (MB, -Xmx256m)");
        results.forEach(System.out::println);
    }

    private static String run(PostgresServer server, Path file, int rows, Path warmupFile) throws Exception {
        String database = "leadport_bench";
        recreate(server, database);

        int port = freePort();
        Process app = startApp(server, database, port);
        try {
            Api admin = new Api(port, "admin", "admin");
            awaitUp(admin);
            // Measured once the app has migrated the schema (and sits idle), so the baseline has the lead table's
            // indexes as they are.
            double copySeconds = baseline(server, database, file);
            for (String[] u : new String[][] {
                {"alice", null}, {"bob.sales", "bob.sales@leadport.dev"}, {"carol", null}, {"dave", null}
            }) {
                admin.post(
                        "/api/users",
                        u[1] == null
                                ? Map.of("username", u[0], "password", "bench-pass", "role", "REP")
                                : Map.of("username", u[0], "email", u[1], "password", "bench-pass", "role", "REP"));
            }
            if (warmupFile != null) {
                awaitDone(port, startImport(admin, warmupFile, Files.readAllBytes(warmupFile)));
                try (Connection c = server.connect(database);
                        Statement st = c.createStatement()) {
                    st.execute("truncate lead, import_lead_change, import_staging, import_row_error cascade");
                }
            }
            byte[] content = Files.readAllBytes(file);
            long start = System.nanoTime();
            long id = startImport(admin, file, content);
            // The job is followed over its event stream, one authenticated request for the whole import; polling
            // the job every 200 ms cost a bcrypt password check per request, about a core of this 2-core machine.
            HeapSampler heap = new HeapSampler(admin);
            awaitDone(port, id);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peakHeap = heap.stop();
            JsonNode job = admin.get("/api/leads/import-export/imports/" + id).json();
            if (!job.get("status").asString().startsWith("COMPLETED")
                    || job.get("created").asLong() != rows) {
                throw new IllegalStateException("import did not land every row: " + job);
            }
            double copyRate = rows / copySeconds;
            double appRate = rows / seconds;
            return String.format(
                    "%-10d %7.1f  %11.0f  %15.0f  %5.2f  %d",
                    rows, Files.size(file) / 1e6, copyRate, appRate, seconds / copySeconds, peakHeap / (1024 * 1024));
        } finally {
            app.destroy();
            app.waitFor();
        }
    }

    private static long startImport(Api admin, Path file, byte[] content) throws IOException {
        Api.Response started = admin.postMultipart(
                "/api/leads/import-export/import",
                Map.of("file", new FilePart(file.getFileName().toString(), "text/csv", content)));
        if (started.status() != 202) {
            throw new IllegalStateException("import not accepted: " + started);
        }
        return started.json().get("id").asLong();
    }

    private static double baseline(PostgresServer server, String database, Path file) throws Exception {
        try (Connection c = server.connect(database);
                Statement st = c.createStatement()) {
            st.execute(BASELINE_TABLE);
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs =
                    st.executeQuery("select indexname, indexdef from pg_indexes where schemaname = current_schema()"
                            + " and tablename = 'lead' and indexname <> 'lead_pkey'")) {
                while (rs.next()) {
                    indexes.add(rs.getString(2)
                            .replaceFirst(
                                    " INDEX " + rs.getString(1) + " ON ", " INDEX bench_" + rs.getString(1) + " ON ")
                            .replaceFirst(" ON \\S*lead USING ", " ON bench_baseline USING ")
                            .replace("owner_id", "owner"));
                }
            }
            for (String index : indexes) {
                st.execute(index);
            }
            System.out.println("baseline table: " + (indexes.size() + 1) + " indexes, as on the lead table");
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy bench_baseline (first_name, last_name, email, phone, company, job_title, status,"
                                        + " source, owner, notes, follow_up) from stdin (format csv, header true)",
                                reader);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            st.execute("drop table bench_baseline");
            return seconds;
        }
    }

    private static Process startApp(PostgresServer server, String database, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.leadport.LeadportApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + server.jdbcUrl(database),
                "--spring.datasource.username=" + server.user(),
                "--leadport.demo.leads=0",
                "--logging.level.root=WARN",
                "--logging.level.dev.leadport.imports=DEBUG");
        pb.redirectErrorStream(true);
        pb.redirectOutput(Path.of("target", "bench", "app-" + port + ".log").toFile());
        return pb.start();
    }

    private static void awaitUp(Api api) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the app did not start; see target/bench/app-*.log");
    }

    /** Reads the import's Server-Sent Events until the {@code done} event. */
    private static void awaitDone(int port, long id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/leads/import-export/imports/" + id + "/events"))
                .header("Authorization", basic("admin", "admin"))
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofHours(2))
                .GET()
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            if (lines.noneMatch(line -> line.strip().equals("event:done"))) {
                throw new IllegalStateException("the event stream ended before the import did");
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Samples the app's used heap once a second from Actuator until stopped; returns the highest sample. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        HeapSampler(Api admin) {
            thread = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(heapUsed(admin), Math::max);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }

    private static long heapUsed(Api admin) {
        JsonNode m =
                admin.get("/actuator/metrics/jvm.memory.used?tag=area:heap").json();
        return (long) m.get("measurements").get(0).get("value").asDouble();
    }

    private static void recreate(PostgresServer server, String database) throws Exception {
        try (Connection c = server.connectAdmin();
                Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
            st.execute("create database " + database);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
