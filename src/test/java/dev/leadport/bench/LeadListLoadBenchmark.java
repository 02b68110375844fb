package dev.leadport.bench;

import dev.leadport.shared.db.PostgresServer;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.AppNode;
import dev.leadport.support.SignedInClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Lead-list latency under import load, on loopback: one app node (its own JVM, production pool size) on a fresh
 * database holding {@code --base} leads. Client threads page through the lead list the way users do (first page,
 * a status filter, a search, the next page by cursor) first with the node idle, then while {@code --imports}
 * imports of {@code --rows} rows each run at once, for at most {@code --seconds}. Prints p50/p95/p99/max of both,
 * per query and in all. {@code --total 0} leaves out the exact match count that every page carries by default.
 * Clients sign in through the form and use their session like the web UI; {@code --basic 1} sends HTTP Basic on
 * every request instead, which adds a bcrypt check to each.
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath dev.leadport.bench.LeadListLoadBenchmark --imports 4 --rows 100000"</pre>
 */
public final class LeadListLoadBenchmark {

    private static final String IMPORT = "/api/leads/import-export/import";

    private LeadListLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int imports = intArg(args, "--imports", 4);
        int rows = intArg(args, "--rows", 100_000);
        int base = intArg(args, "--base", 100_000);
        int clients = intArg(args, "--clients", 4);
        int seconds = intArg(args, "--seconds", 180);
        // --total 0 asks for pages without the exact match count, as an infinite-scrolling client would.
        String total = intArg(args, "--total", 1) == 0 ? "&total=false" : "";
        // Clients sign in once and use their session, as the web UI does; --basic 1 sends HTTP Basic on every
        // request instead, as a script would, which adds a password-hash check to each one.
        boolean basicAuth = intArg(args, "--basic", 0) == 1;

        Path dir = Files.createDirectories(Path.of("target", "bench"));
        PostgresServer server = PostgresServer.localOrEmbedded(
                "localhost", 5432, "postgres", dir.resolve("pgdata"), System.out::println);
        String database = "leadport_load_bench";
        try (Connection c = server.connectAdmin();
                Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
            st.execute("create database " + database);
        }
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i <= imports; i++) {
            Path file = dir.resolve("load-" + i + "-" + (i == 0 ? base : rows) + ".csv");
            if (!Files.exists(file)) {
                SampleFileGenerator.generate(file, SampleFileGenerator.Settings.clean(i == 0 ? base : rows, 100 + i));
            }
            files.add(Files.readAllBytes(file));
        }

        try (AppNode node = AppNode.start(
                "load-bench",
                server.jdbcUrl(database),
                server.user(),
                List.of("--spring.datasource.hikari.maximum-pool-size=20", "--db-scheduler.threads=" + imports))) {
            node.awaitUp(Duration.ofMinutes(3));
            Api admin = node.as("admin");
            for (String rep : List.of("alice", "carol", "dave")) {
                admin.post("/api/users", Map.of("username", rep, "password", "bench-pass", "role", "REP"));
            }
            admin.post(
                    "/api/users",
                    Map.of(
                            "username",
                            "bob.sales",
                            "email",
                            "bob.sales@leadport.dev",
                            "password",
                            "bench-pass",
                            "role",
                            "REP"));
            System.out.printf("Loading %,d leads...%n", base);
            awaitAll(admin, List.of(startImport(admin, files.get(0), "base.csv")));

            Latencies idle = measure(
                    node, clients, total, basicAuth, Duration.ofSeconds(Math.min(30, seconds / 4)), () -> false);
            System.out.println("idle, all queries:                 " + idle);

            List<Long> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 1; i <= imports; i++) {
                running.add(startImport(admin, files.get(i), "load-" + i + ".csv"));
            }
            AtomicBoolean done = new AtomicBoolean();
            Thread watcher = new Thread(() -> {
                awaitAll(admin, running);
                done.set(true);
            });
            watcher.setDaemon(true);
            watcher.start();
            Latencies busy = measure(node, clients, total, basicAuth, Duration.ofSeconds(seconds), done::get);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            System.out.println("during the imports, all queries:   " + busy);
            System.out.printf(
                    "%d imports of %,d rows %s in %.0f s; goal p95 under load < 200 ms: %s%n",
                    imports,
                    rows,
                    done.get() ? "finished" : "still running",
                    importSeconds,
                    busy.percentile(95) < 200 ? "met" : "NOT met");
        }
    }

    private static long startImport(Api admin, byte[] content, String name) {
        Api.Response response = admin.postMultipart(IMPORT, Map.of("file", new FilePart(name, "text/csv", content)));
        if (response.status() != 202) {
            throw new IllegalStateException("import not accepted: " + response);
        }
        return response.json().get("id").asLong();
    }

    private static void awaitAll(Api admin, List<Long> ids) {
        for (long id : ids) {
            while (true) {
                String status = admin.get("/api/leads/import-export/imports/" + id)
                        .json()
                        .get("status")
                        .asString();
                if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                    break;
                }
                sleep(500);
            }
        }
    }

    /** Clients page through the list until the time is up or {@code stop} says so. */
    private static Latencies measure(
            AppNode node,
            int clients,
            String total,
            boolean basicAuth,
            Duration limit,
            java.util.function.BooleanSupplier stop)
            throws InterruptedException, IOException {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Long>> byQuery = new ConcurrentSkipListMap<>();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String user = c % 2 == 0 ? "manager" : "admin";
            SignedInClient api = basicAuth ? null : signIn(node, user);
            Api basic = node.as(user);
            Thread t = new Thread(() -> {
                String[] queries = {
                    "?size=50", "?size=50&status=QUALIFIED", "?size=50&q=acme", "?size=50&source=Referral"
                };
                int i = 0;
                String cursor = null;
                while (System.nanoTime() < deadline && !stop.getAsBoolean()) {
                    String query = queries[i++ % queries.length];
                    String path = "/api/leads" + query;
                    if (cursor != null && i % 3 == 0) {
                        query = "?size=50&after=(next page)";
                        path = "/api/leads?size=50&after=" + cursor;
                    }
                    long t0 = System.nanoTime();
                    int status;
                    String body;
                    if (api == null) {
                        Api.Response response = basic.get(path + total);
                        status = response.status();
                        body = response.body();
                    } else {
                        try {
                            HttpResponse<String> response = api.get(path + total);
                            status = response.statusCode();
                            body = response.body();
                        } catch (IOException | InterruptedException e) {
                            status = -1;
                            body = "";
                        }
                    }
                    long took = (System.nanoTime() - t0) / 1000;
                    micros.add(took);
                    byQuery.computeIfAbsent(query, q -> new ConcurrentLinkedQueue<>())
                            .add(took);
                    if (status != 200) {
                        errors.incrementAndGet();
                        continue;
                    }
                    JsonNode next = Api.JSON.readTree(body).get("nextCursor");
                    cursor = next == null || next.isNull() ? null : next.asString();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        byQuery.forEach(
                (query, times) -> System.out.printf("  %-32s %s%n", query, new Latencies(new ArrayList<>(times), 0)));
        return new Latencies(new ArrayList<>(micros), errors.get());
    }

    /** Request latencies in microseconds. */
    record Latencies(List<Long> micros, int errors) {
        Latencies {
            micros = new ArrayList<>(micros);
            Collections.sort(micros);
        }

        double percentile(int p) {
            if (micros.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * micros.size()) - 1;
            return micros.get(Math.max(0, index)) / 1000.0;
        }

        @Override
        public String toString() {
            return String.format(
                    "%,6d requests, p50 %6.1f ms, p95 %6.1f ms, p99 %6.1f ms, max %7.1f ms, non-200 %d",
                    micros.size(),
                    percentile(50),
                    percentile(95),
                    percentile(99),
                    micros.isEmpty() ? Double.NaN : micros.get(micros.size() - 1) / 1000.0,
                    errors);
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", ""));
            }
        }
        return fallback;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SignedInClient signIn(AppNode node, String user) throws IOException, InterruptedException {
        return SignedInClient.signIn(node.port(), user, user);
    }
}
