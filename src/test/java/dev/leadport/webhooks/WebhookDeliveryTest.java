package dev.leadport.webhooks;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: a receiver in this JVM registered as an endpoint, an operation that ends, the signed delivery
 * it gets, retries after a 500 and a time-out (the test settings: 1 s time-out, 1 s backoff, 4 attempts), the log.
 */
class WebhookDeliveryTest extends ApiTestBase {

    /** What the receiver answers, in order: a status code, or {@link #HANG} (answers only after 5 s). */
    private final ConcurrentLinkedDeque<Integer> plan = new ConcurrentLinkedDeque<>();

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private static final int HANG = -1;
    private HttpServer server;
    private final List<Long> endpoints = new ArrayList<>();

    private record Received(String signature, String event, String body, Instant at) {}

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("Leadport-Signature"),
                    exchange.getRequestHeaders().getFirst("Leadport-Event"),
                    body,
                    Instant.now()));
            Integer next = plan.poll();
            int status = next == null ? 200 : next;
            if (status == HANG) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        endpoints.forEach(id -> as("admin").delete("/api/webhooks/" + id));
        server.stop(0);
    }

    private JsonNode register(List<String> events) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        Api.Response created = as("admin").post("/api/webhooks", map("url", url, "events", events));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        endpoints.add(created.json().get("endpoint").get("id").asLong());
        return created.json();
    }

    private long bulkUpdate() {
        long lead = createLead(as("rep"), map("email", unique("hook") + "@x.io"))
                .get("id")
                .asLong();
        Api.Response done = as("rep")
                .post("/api/leads/bulk/update", map("ids", List.of(lead), "changes", map("status", "CONTACTED")));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return done.json().get("operationId").asLong();
    }

    @Test
    void aFinishedBulkOperationIsDeliveredSignedWithItsSummaryAndLinks() throws Exception {
        JsonNode endpoint = register(List.of("BULK_OPERATION_FINISHED"));
        String secret = endpoint.get("secret").asString();
        assertThat(secret).startsWith("whsec_");
        long operation = bulkUpdate();

        Received delivery = received.poll(30, TimeUnit.SECONDS);
        assertThat(delivery).as("a delivery within 30 s").isNotNull();
        assertThat(delivery.event()).isEqualTo("BULK_OPERATION_FINISHED");
        assertSigned(delivery, secret);
        JsonNode body = Api.JSON.readTree(delivery.body());
        assertThat(body.get("event").asString()).isEqualTo("BULK_OPERATION_FINISHED");
        assertThat(body.get("operation").get("type").asString()).isEqualTo("BULK_UPDATE");
        assertThat(body.get("operation").get("id").asString()).isEqualTo(Long.toString(operation));
        assertThat(body.get("operation").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(body.get("operation").get("actor").asString()).isEqualTo("rep");
        assertThat(body.get("operation").get("counts").get("updated").asLong()).isEqualTo(1);
        assertThat(body.get("links").valueStream().map(JsonNode::asString).toList())
                .isNotEmpty()
                .allMatch(link -> link.startsWith("http"));

        JsonNode log = awaitLog(endpoint, "DELIVERED");
        assertThat(log.get("attempts").asInt()).isEqualTo(1);
        assertThat(log.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(log.get("operationId").asString()).isEqualTo(Long.toString(operation));
        // Only subscribed events are sent: an import is not a bulk operation.
        assertThat(received.poll(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void a500AndATimeOutAreRetriedWithoutDelayingTheJob() throws Exception {
        JsonNode endpoint = register(List.of("BULK_OPERATION_FINISHED"));
        plan.add(500);
        plan.add(HANG);
        long started = System.nanoTime();
        bulkUpdate();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        // A delivery made inside the job would hold it for at least the 1 s time-out.
        assertThat(millis).as("the bulk call's duration (ms)").isLessThan(1000);

        for (int attempt = 1; attempt <= 3; attempt++) {
            Received delivery = received.poll(30, TimeUnit.SECONDS);
            assertThat(delivery).as("attempt %d", attempt).isNotNull();
            assertSigned(delivery, endpoint.get("secret").asString());
        }
        JsonNode log = awaitLog(endpoint, "DELIVERED");
        assertThat(log.get("attempts").asInt()).isEqualTo(3);
        assertThat(log.get("lastStatusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aDeliveryThatKeepsFailingEndsFailedInTheLogAndCanBeSentAgain() throws Exception {
        JsonNode endpoint = register(List.of("BULK_OPERATION_FINISHED"));
        for (int i = 0; i < 4; i++) {
            plan.add(503);
        }
        bulkUpdate();
        JsonNode failed = awaitLog(endpoint, "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(4);
        assertThat(failed.get("lastStatusCode").asInt()).isEqualTo(503);
        assertThat(failed.get("lastError").asString()).contains("503");
        assertThat(received).hasSize(4);
        received.clear();

        long id = endpoint.get("endpoint").get("id").asLong();
        Api.Response again = as("admin")
                .post("/api/webhooks/" + id + "/deliveries/" + failed.get("id").asLong() + "/resend", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        Received resent = received.poll(30, TimeUnit.SECONDS);
        assertThat(resent).isNotNull();
        assertSigned(resent, endpoint.get("secret").asString());
        JsonNode log = awaitLog(endpoint, "DELIVERED");
        assertThat(log.get("id").asLong()).isEqualTo(again.json().get("id").asLong());
        assertThat(log.get("operationId").asString())
                .isEqualTo(failed.get("operationId").asString());
        JsonNode all = as("admin").get("/api/webhooks/" + id + "/deliveries").json();
        assertThat(all.size()).isEqualTo(2);
    }

    @Test
    void onlyAnAdminRegistersEndpoints() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        Api.Response refused =
                as("manager").post("/api/webhooks", map("url", url, "events", List.of("IMPORT_FINISHED")));
        assertThat(refused.status()).isEqualTo(403);
        Api.Response bad =
                as("admin").post("/api/webhooks", map("url", "ftp://x.example/", "events", List.of("IMPORT_FINISHED")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("url");
    }

    /** The check a receiver makes: HMAC-SHA256 of "t.body" with the secret, and a recent timestamp. */
    private static void assertSigned(Received delivery, String secret) throws Exception {
        assertThat(delivery.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = delivery.signature().substring(2, delivery.signature().indexOf(','));
        String v1 = delivery.signature().substring(delivery.signature().indexOf("v1=") + 3);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of()
                .formatHex(mac.doFinal((t + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(v1).isEqualTo(expected);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t))).isLessThan(300);
    }

    private JsonNode awaitLog(JsonNode endpoint, String status) throws InterruptedException {
        long id = endpoint.get("endpoint").get("id").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        JsonNode newest = null;
        while (System.nanoTime() < deadline) {
            JsonNode log =
                    as("admin").get("/api/webhooks/" + id + "/deliveries").json();
            newest = log.isEmpty() ? null : log.get(0);
            if (newest != null && newest.get("status").asString().equals(status)) {
                return newest;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + status + " delivery in the log: " + newest);
    }
}
