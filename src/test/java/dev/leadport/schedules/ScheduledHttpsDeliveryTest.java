package dev.leadport.schedules;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.leadport.support.Api;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scheduled exports uploaded by HTTP PUT or POST to a receiver that this test runs in its own JVM. */
class ScheduledHttpsDeliveryTest extends DestinationTestBase {

    private static final String TOKEN = "Bearer upload-token-91c2";
    private static HttpServer receiver;
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    /** The statuses the receiver answers with, in order, per path; 200 once a path's list is used up. */
    private static final Map<String, Queue<Integer>> answers = new java.util.concurrent.ConcurrentHashMap<>();

    record Received(String method, String path, Map<String, List<String>> headers, String body) {}

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
            Queue<Integer> queue = answers.get(path.substring(0, path.lastIndexOf('/')));
            Integer status = queue == null ? null : queue.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aRunPutsItsFileWithTheHeadersAndA500IsRetriedUntilItSucceeds() throws Exception {
        String tag = unique("https");
        answers.put("/" + tag, new ConcurrentLinkedQueue<>(List.of(500)));
        moveClockTo(Instant.parse("2032-05-10T00:00:00Z"));
        createLead(as("manager"), map("email", tag + "@example.com", "firstName", "Hal", "source", tag));
        Api.Response create = schedule(
                as("manager"),
                tag,
                "06:00",
                map("type", "HTTPS", "url", url("/" + tag + "/{file}"), "headers", map("Authorization", TOKEN)));
        long id = created(create);
        assertThat(create.body()).doesNotContain(TOKEN);
        assertThat(create.json().get("destination").get("headers").get(0).asString())
                .isEqualTo("Authorization");
        assertThat(create.json().get("destination").get("method").asString()).isEqualTo("PUT");

        moveClockTo(Instant.parse("2032-05-10T06:00:01Z"));
        JsonNode retrying = awaitRunStatus(as("manager"), id, "RETRYING");
        assertThat(retrying.get("error").asString()).contains("answered 500").doesNotContain(TOKEN);
        advanceClock(Duration.ofSeconds(5));
        JsonNode run = awaitFinishedRun(as("manager"), id);
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
        assertThat(run.get("attempts").asInt()).isEqualTo(2);
        assertThat(run.get("delivery").asString()).isEqualTo("HTTPS");

        String name = tag + "-2032-05-10-0600.csv";
        List<Received> mine = received.stream()
                .filter(r -> r.path().startsWith("/" + tag + "/"))
                .toList();
        assertThat(mine).hasSize(2);
        Received last = mine.get(1);
        assertThat(last.method()).isEqualTo("PUT");
        assertThat(last.path()).isEqualTo("/" + tag + "/" + name);
        assertThat(last.headers().get("Authorization")).containsExactly(TOKEN);
        assertThat(last.headers().get("Leadport-file")).containsExactly("leads");
        assertThat(last.headers().get("Content-disposition").get(0)).contains(name);
        assertThat(last.body()).contains(tag + "@example.com,Hal");
        assertThat(as("manager").get(SCHEDULES + "/" + id).body()).doesNotContain(TOKEN);
    }

    @Test
    void aRefusedUploadIsNotRetriedAndIsReportedAsAFailedRun() throws Exception {
        String tag = unique("httpsno");
        String domain = tag + ".example";
        assertThat(as("admin")
                        .post(
                                "/api/users",
                                map("username", tag, "password", tag, "role", "MANAGER", "email", "o@" + domain))
                        .status())
                .isEqualTo(201);
        answers.put("/" + tag, new ConcurrentLinkedQueue<>(List.of(403, 403, 403)));
        moveClockTo(Instant.parse("2032-06-10T00:00:00Z"));
        long id = created(
                schedule(as(tag), tag, "06:00", map("type", "HTTPS", "url", url("/" + tag + "/in"), "method", "POST")));

        moveClockTo(Instant.parse("2032-06-10T06:00:01Z"));
        JsonNode run = awaitFinishedRun(as(tag), id);
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("attempts").asInt()).isEqualTo(1);
        assertThat(run.get("error").asString()).contains("answered 403").contains("a retry would not change");
        assertThat(received.stream().filter(r -> r.path().startsWith("/" + tag + "/")))
                .singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("POST"));
        JsonNode activity = as(tag).get("/api/leads/import-export/activity?type=SCHEDULED_EXPORT&user=" + tag)
                .json();
        assertThat(activity.get("items").get(0).get("status").asString()).isEqualTo("FAILED");
        await("the failure mail", Duration.ofSeconds(10), () -> mailsTo(domain).length == 1);
    }

    @Test
    void aChangeKeepsTheStoredHeadersOnlyForTheSameServerAndBadFieldsAreNamed() {
        String tag = unique("httpskeep");
        long id = created(schedule(
                as("manager"),
                tag,
                "06:00",
                map("type", "HTTPS", "url", url("/" + tag + "/a"), "headers", map("Authorization", TOKEN))));
        Api.Response same = as("manager")
                .put(
                        SCHEDULES + "/" + id,
                        map(
                                "name", tag,
                                "fields", List.of("email"),
                                "recurrence", map("type", "DAILY", "time", "07:00"),
                                "destination", map("type", "HTTPS", "url", url("/" + tag + "/b"))));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("destination").get("headers").get(0).asString())
                .isEqualTo("Authorization");
        Api.Response other = as("manager")
                .put(
                        SCHEDULES + "/" + id,
                        map(
                                "name", tag,
                                "fields", List.of("email"),
                                "recurrence", map("type", "DAILY", "time", "07:00"),
                                "destination",
                                        map(
                                                "type",
                                                "HTTPS",
                                                "url",
                                                "http://localhost:"
                                                        + receiver.getAddress().getPort() + "/x")));
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().get("destination").get("headers")).isEmpty();

        Api.Response bad = schedule(
                as("manager"),
                unique("httpsbad"),
                "06:00",
                map(
                        "type",
                        "HTTPS",
                        "url",
                        "ftp://example.com/x",
                        "method",
                        "PATCH",
                        "headers",
                        map("Content-Length", "1", "X-Fine", "a\r\nInjected: yes")));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder(
                        "destination.url",
                        "destination.method",
                        "destination.headers.Content-Length",
                        "destination.headers.X-Fine");
        Api.Response rep = schedule(as("rep"), unique("httpsrep"), "06:00", map("type", "HTTPS", "url", url("/r")));
        assertThat(rep.status()).isEqualTo(400);
        assertThat(rep.json().get("errors").findValuesAsString("field")).containsExactly("destination.url");
        as("manager").delete(SCHEDULES + "/" + id);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }
}
