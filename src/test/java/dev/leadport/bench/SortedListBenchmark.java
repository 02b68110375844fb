package dev.leadport.bench;

import dev.leadport.shared.db.PostgresServer;
import dev.leadport.support.AppNode;
import dev.leadport.support.SignedInClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Latency of the leads list sorted by a column over {@code --leads} leads (default 1,000,000): one app node on a
 * fresh database, leads written with one set-based INSERT (the list's speed does not depend on how leads arrived),
 * then for each order the first page and a page half-way through the list (its cursor taken from the row at that
 * depth), {@code --repeats} times each, through a signed-in session like the web UI. Prints p50/p95/max per order.
 *
 * <pre>./mvnw -q test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath dev.leadport.bench.SortedListBenchmark --leads 1000000"</pre>
 */
public final class SortedListBenchmark {

    private SortedListBenchmark() {}

    /** An order of the list: its parameters and the SQL key of a row, to build the cursor of a deep page. */
    private record Order(String sort, String dir, String keySql) {}

    private static final List<Order> ORDERS = List.of(
            new Order(null, null, null),
            new Order("name", "asc", "lower(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))"),
            new Order("company", "desc", "lower(coalesce(company, ''))"),
            new Order("email", "asc", "lower(coalesce(email, ''))"),
            new Order("status", "asc", "status"),
            new Order("created", "asc", "created_at"),
            new Order("updated", "desc", "updated_at"));

    public static void main(String[] args) throws Exception {
        int leads = intArg(args, "--leads", 1_000_000);
        int repeats = intArg(args, "--repeats", 40);
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        PostgresServer server = PostgresServer.localOrEmbedded(
                "localhost", 5432, "postgres", dir.resolve("pgdata"), System.out::println);
        String database = "leadport_sorted_bench";
        try (Connection c = server.connectAdmin();
                Statement st = c.createStatement()) {
            st.execute("drop database if exists " + database + " with (force)");
            st.execute("create database " + database);
        }
        try (AppNode node = AppNode.start("sorted-bench", server.jdbcUrl(database), server.user(), List.of())) {
            node.awaitUp(Duration.ofMinutes(3));
            long started = System.nanoTime();
            try (Connection c = server.connect(database);
                    Statement st = c.createStatement()) {
                st.execute("truncate lead cascade");
                // One GIN index built at the end is much faster than a million inserts into it.
                String search;
                try (ResultSet rs =
                        st.executeQuery("select indexdef from pg_indexes where indexname = 'lead_search_idx'")) {
                    rs.next();
                    search = rs.getString(1);
                }
                st.execute("drop index lead_search_idx");
                st.execute("""
                        insert into lead (first_name, last_name, email, company, status, source, owner_id,
                                          created_at, updated_at)
                        select (array['Ada','Grace','Linus','Mary','Alan','Edsger','Barbara','Ken'])[1 + mod(g, 8)],
                               'Last' || mod(g * 7919, 1000003),
                               'lead' || g || '@example' || mod(g, 97) || '.com',
                               'Company ' || mod(g * 104729, 50021),
                               (array['NEW','CONTACTED','QUALIFIED','UNQUALIFIED','CONVERTED','LOST'])[1 + mod(g, 6)],
                               (array['web','Web','referral','event'])[1 + mod(g, 4)],
                               null,
                               now() - (g * interval '1 second'),
                               now() - (mod(g * 31, 1000000) * interval '1 second')
                        from generate_series(1::bigint, %d) g
                        """.formatted(leads));
                st.execute("set maintenance_work_mem = '256MB'");
                st.execute(search);
                st.execute("vacuum analyze lead");
            }
            System.out.printf(Locale.ROOT, "%,d leads written in %.0f s%n", leads, (System.nanoTime() - started) / 1e9);

            SignedInClient client = SignedInClient.signIn(node.port(), "manager", "manager");
            for (Order order : ORDERS) {
                String query = order.sort() == null ? "" : "&sort=" + order.sort() + "&dir=" + order.dir();
                String path = "/api/leads?size=50" + query;
                String deep = path + "&after=" + deepCursor(server, database, order, leads / 2);
                get(client, path);
                get(client, deep);
                List<Double> first = new ArrayList<>();
                List<Double> middle = new ArrayList<>();
                for (int i = 0; i < repeats; i++) {
                    first.add(get(client, path));
                    middle.add(get(client, deep));
                }
                System.out.printf(
                        Locale.ROOT,
                        "%-16s first page %s | page at %,d %s%n",
                        order.sort() == null ? "newest first" : order.sort() + " " + order.dir(),
                        summary(first),
                        leads / 2,
                        summary(middle));
            }
        }
    }

    /** The cursor of the row {@code depth} rows into the list in this order, as the API would have handed it out. */
    private static String deepCursor(PostgresServer server, String database, Order order, int depth) throws Exception {
        boolean desc = order.sort() == null || "desc".equals(order.dir());
        String key = order.keySql() == null ? "id" : order.keySql();
        String sql = "select id, " + (order.keySql() == null ? "null" : key + "::text") + " from lead"
                + " where deleted_at is null order by " + key + (desc ? " desc" : "") + ", id" + (desc ? " desc" : "")
                + " offset " + depth + " limit 1";
        try (Connection c = server.connect(database);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long id = rs.getLong(1);
            if (order.keySql() == null) {
                return String.valueOf(id);
            }
            String value = order.keySql().endsWith("_at")
                    ? rs.getTimestamp(2).toInstant().toString()
                    : rs.getString(2);
            return id + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static double get(SignedInClient client, String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = client.get(path);
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return millis;
    }

    private static String summary(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1));
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
