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

/** A delta schedule over several runs, its files received by an HTTP receiver in this JVM. */
class DeltaScheduleTest extends DestinationTestBase {

    private static HttpServer receiver;
    private static final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private static final Queue<Integer> failures = new ConcurrentLinkedQueue<>();

    record Upload(String path, String part, int status, String body) {}

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer failure = failures.poll();
            int status = failure == null ? 204 : failure;
            uploads.add(new Upload(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Leadport-File"),
                    status,
                    body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aDeltaScheduleDeliversExactlyTheLeadsChangedBetweenRunsAndTheDeletedOnesAndAFailedRunKeepsItsWatermark()
            throws Exception {
        String tag = unique("delta");
        Api manager = as("manager");
        moveClockTo(Instant.parse("2032-07-10T00:00:00Z"));
        long a = lead(manager, tag, "a");
        long b = lead(manager, tag, "b");
        long other = lead(manager, "other-" + tag, "x");
        Api.Response create = schedule(
                manager,
                tag,
                "06:00",
                map("type", "HTTPS", "url", url(tag)),
                "delta",
                true,
                "fields",
                List.of("id", "email", "company"));
        long id = created(create);
        assertThat(create.json().get("delta").asBoolean()).isTrue();
        assertThat(create.json().get("deltaSince").isNull()).isTrue();

        // Run 1: no watermark yet, so every lead of the filter; no deletions listed.
        JsonNode first = runAt(id, "2032-07-10T06:00:01Z", "COMPLETED");
        assertThat(first.get("changedSince").isNull()).isTrue();
        assertThat(emails(delivered(tag, "2032-07-10", "leads")))
                .containsExactlyInAnyOrder(email(tag, "a"), email(tag, "b"));
        assertThat(delivered(tag, "2032-07-10", "deleted")).containsExactly("id,email,deleted_at");
        Instant afterFirst = Instant.parse(
                manager.get(SCHEDULES + "/" + id).json().get("deltaSince").asString());

        // Between runs 1 and 2: c created, a changed, b deleted, and a lead outside the filter changed.
        long c = lead(manager, tag, "c");
        assertThat(manager.put(
                                "/api/leads/" + a,
                                map("email", email(tag, "a"), "company", "Changed Ltd", "source", tag))
                        .status())
                .isEqualTo(200);
        assertThat(manager.delete("/api/leads/" + b).status()).isEqualTo(204);
        assertThat(manager.put("/api/leads/" + other, map("email", email("other-" + tag, "x"), "company", "Y"))
                        .status())
                .isEqualTo(200);
        JsonNode second = runAt(id, "2032-07-11T06:00:01Z", "COMPLETED");
        assertThat(Instant.parse(second.get("changedSince").asString())).isEqualTo(afterFirst);
        assertThat(second.get("deletedRows").asLong()).isEqualTo(1);
        List<String> leads2 = delivered(tag, "2032-07-11", "leads");
        assertThat(emails(leads2)).containsExactlyInAnyOrder(email(tag, "a"), email(tag, "c"));
        assertThat(leads2).anyMatch(row -> row.startsWith(a + ",") && row.endsWith(",Changed Ltd"));
        List<String> deleted2 = delivered(tag, "2032-07-11", "deleted");
        assertThat(deleted2).hasSize(2);
        assertThat(deleted2.get(1)).matches(b + "," + email(tag, "b") + ",\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
        Instant afterSecond = Instant.parse(
                manager.get(SCHEDULES + "/" + id).json().get("deltaSince").asString());
        assertThat(afterSecond).isAfter(afterFirst);
        Api.Response deletedFile =
                manager.get(SCHEDULES + "/" + id + "/runs/" + second.get("id").asLong() + "/file?part=deleted");
        assertThat(deletedFile.status()).isEqualTo(200);
        assertThat(deletedFile.body()).contains(email(tag, "b"));

        // Run 3 fails on both attempts: its watermark is not kept.
        lead(manager, tag, "d");
        failures.addAll(List.of(500, 500));
        JsonNode third = runAt(id, "2032-07-12T06:00:01Z", "RETRYING");
        advanceClock(Duration.ofSeconds(5));
        third = awaitFinishedRun(manager, id);
        assertThat(third.get("status").asString()).isEqualTo("FAILED");
        assertThat(Instant.parse(manager.get(SCHEDULES + "/" + id)
                        .json()
                        .get("deltaSince")
                        .asString()))
                .isEqualTo(afterSecond);

        // Run 4 re-covers the gap: d (made before the failed run), e, and c's deletion.
        lead(manager, tag, "e");
        assertThat(manager.delete("/api/leads/" + c).status()).isEqualTo(204);
        JsonNode fourth = runAt(id, "2032-07-13T06:00:01Z", "COMPLETED");
        assertThat(Instant.parse(fourth.get("changedSince").asString())).isEqualTo(afterSecond);
        assertThat(emails(delivered(tag, "2032-07-13", "leads")))
                .containsExactlyInAnyOrder(email(tag, "d"), email(tag, "e"));
        List<String> deleted4 = delivered(tag, "2032-07-13", "deleted");
        assertThat(deleted4).hasSize(2);
        assertThat(deleted4.get(1)).startsWith(c + ",");

        // Changing the slice starts over: the next run delivers every lead again.
        Api.Response changed = manager.put(
                SCHEDULES + "/" + id,
                map(
                        "name", tag,
                        "filter", map("source", tag),
                        "fields", List.of("id", "email"),
                        "recurrence", map("type", "DAILY", "time", "06:00"),
                        "delta", true,
                        "destination", map("type", "HTTPS", "url", url(tag))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("deltaSince").isNull()).isTrue();

        // A client that knows nothing of destinations or delta (the Export page's dialog) keeps both.
        Map<String, Object> plain = map(
                "name", tag,
                "filter", map("source", tag),
                "fields", List.of("id", "email"),
                "recurrence", map("type", "DAILY", "time", "07:00"));
        JsonNode kept = manager.put(SCHEDULES + "/" + id, plain).json();
        assertThat(kept.get("delta").asBoolean()).isTrue();
        assertThat(kept.get("destination").get("type").asString()).isEqualTo("HTTPS");
        plain.put("destination", map("type", "MAIL"));
        plain.put("delta", false);
        JsonNode mailOnly = manager.put(SCHEDULES + "/" + id, plain).json();
        assertThat(mailOnly.get("delta").asBoolean()).isFalse();
        assertThat(mailOnly.get("destination").isNull()).isTrue();
    }

    /**
     * Moves the clock past an occurrence (after a pause, so the changes before it are clear of its overlap) and waits
     * for that occurrence's own run: the newest run until then is the previous occurrence's, often in the same status.
     */
    private JsonNode runAt(long id, String instant, String status) throws InterruptedException {
        Api manager = as("manager");
        int before = runs(manager, id).size();
        Thread.sleep(1500);
        moveClockTo(Instant.parse(instant));
        await("run " + (before + 1) + " of schedule " + id + " " + status, Duration.ofSeconds(20), () -> {
            JsonNode runs = runs(manager, id);
            return runs.size() > before && runs.get(0).get("status").asString().equals(status);
        });
        return runs(manager, id).get(0);
    }

    private static String url(String tag) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + tag + "/{file}";
    }

    private long lead(Api api, String tag, String name) {
        return createLead(api, map("email", email(tag, name), "source", tag))
                .get("id")
                .asLong();
    }

    private static String email(String tag, String name) {
        return name + "-" + tag + "@example.com";
    }

    /** The rows (header first, BOM removed) of the file of one run and part that the receiver accepted. */
    private static List<String> delivered(String tag, String day, String part) {
        String name = tag + "-" + day + "-0600" + (part.equals("deleted") ? "-deleted.csv" : ".csv");
        List<Upload> accepted = uploads.stream()
                .filter(u -> u.path().equals("/" + tag + "/" + name) && u.status() == 204)
                .toList();
        assertThat(accepted).as(name).hasSize(1);
        assertThat(accepted.get(0).part()).isEqualTo(part);
        return List.of(accepted.get(0).body().replace("\uFEFF", "").split("\r\n"));
    }

    private static List<String> emails(List<String> rows) {
        return rows.stream().skip(1).map(row -> row.split(",")[1]).toList();
    }
}
