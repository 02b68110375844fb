package dev.leadport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.AppNode;
import dev.leadport.support.HeapSampler;
import dev.leadport.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The big cases of the hostile corpus thrown at a node in its own JVM with a heap far smaller than the inputs
 * ({@code -Xmx128m}, and {@code ExitOnOutOfMemoryError} so running out of memory would end the process): a 50 MB
 * line, a 50 MB field, a 50 MB row of 4 MB fields, 50 MB of random bytes named .csv, a zip bomb and 100,000 ids in one bulk call, each validated
 * and imported. Every case must get a 4xx or per-row errors, and the node must stay up and answer: running out of
 * its heap would have ended it. The heap's peak use and live data (sampled through the actuator) are printed.
 */
class HostileInputHeapTest {

    private static final int MB = 1024 * 1024;
    private static final String VALIDATE = "/api/leads/import-export/validate";
    private static final String IMPORT = "/api/leads/import-export/import";

    @Test
    void bigHostileInputLeavesASmallHeapNodeUpWithItsHeapBounded() throws Exception {
        Map<String, Supplier<FilePart>> uploads = new LinkedHashMap<>();
        uploads.put("50 MB on one line", () -> csv("email," + "b".repeat(50 * MB)));
        uploads.put(
                "50 MB in one field", () -> csv("email,notes\nbig@x.io," + "a".repeat(50 * MB) + "\nok@x.io,fine\n"));
        uploads.put("50 MB row of 4 MB fields", () -> {
            StringBuilder row = new StringBuilder("email,notes\nwide@x.io");
            for (int i = 0; i < 12; i++) {
                row.append(',').append("c".repeat(4_000_000));
            }
            return csv(row.append("\nok@x.io,fine\n").toString());
        });
        uploads.put("50 MB of random bytes named .csv", () -> {
            byte[] bytes = new byte[50 * MB];
            new Random(7).nextBytes(bytes);
            return new FilePart("leads.csv", "text/csv", bytes);
        });
        uploads.put("zip bomb named .xlsx", () -> {
            try {
                return new FilePart(
                        "leads.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        HostileInputTest.zipBomb());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        try (AppNode node = AppNode.start(
                        "hostile-heap",
                        TestDatabase.freshDatabaseUrl(),
                        TestDatabase.server().user(),
                        List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"),
                        List.of())
                .awaitUp(Duration.ofMinutes(3))) {
            Api admin = node.as("admin");
            HeapSampler heap = HeapSampler.start(admin, 50);
            SoftAssertions soft = new SoftAssertions();
            Map<String, Long> imports = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, Supplier<FilePart>> upload : uploads.entrySet()) {
                    FilePart file = upload.getValue().get();
                    Api.Response validated = admin.postMultipart(VALIDATE, Map.of("file", file));
                    soft.assertThat(validated.status())
                            .as("validate %s: %s", upload.getKey(), validated)
                            .isBetween(200, 499);
                    Api.Response imported = admin.postMultipart(IMPORT, Map.of("file", file));
                    soft.assertThat(imported.status())
                            .as("import %s: %s", upload.getKey(), imported)
                            .isBetween(200, 499);
                    if (imported.status() == 202) {
                        imports.put(upload.getKey(), imported.json().get("id").asLong());
                    }
                }
                List<Long> ids = new ArrayList<>();
                for (long id = 1; id <= 100_000; id++) {
                    ids.add(5_000_000_000L + id);
                }
                Api.Response bulk =
                        admin.post("/api/leads/bulk/update", Map.of("ids", ids, "changes", Map.of("status", "LOST")));
                soft.assertThat(bulk.status())
                        .as("100,000 unknown ids: %s", bulk)
                        .isBetween(200, 499);
                // The big text files are read, not refused at the door: their imports run and end with row errors.
                assertThat(imports).containsKeys("50 MB in one field", "50 MB row of 4 MB fields");
                for (Map.Entry<String, Long> started : imports.entrySet()) {
                    JsonNode job = awaitEnd(admin, started.getValue());
                    String status = job.get("status").asString();
                    soft.assertThat(status)
                            .as("import %s: %s", started.getKey(), job)
                            .isIn("COMPLETED_WITH_ERRORS", "FAILED");
                    if (started.getKey().startsWith("50 MB in one field")
                            || started.getKey().startsWith("50 MB row")) {
                        // A field past the parser's 4 M chars ends the file with one row error naming its line.
                        soft.assertThat(status)
                                .as("import %s: %s", started.getKey(), job)
                                .isEqualTo("COMPLETED_WITH_ERRORS");
                        soft.assertThat(job.get("failed").asLong())
                                .as("import %s: %s", started.getKey(), job)
                                .isEqualTo(1);
                    }
                }
            } finally {
                heap.close();
            }
            soft.assertAll();
            assertThat(node.alive()).as("node still running").isTrue();
            assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
            assertThat(Files.readString(node.log(), StandardCharsets.UTF_8)).doesNotContain("OutOfMemoryError");
            // The bound itself is the JVM's: any allocation beyond -Xmx128m would have ended the process. The
            // figures say how close the inputs came: heap in use (garbage included) and live data after the last
            // full collection.
            System.out.printf(
                    "Hostile input on a -Xmx128m node: heap in use peaked at %.0f MiB, live data after GC at %.0f MiB"
                            + " (%d samples); node up%n",
                    heap.peakBytes() / (double) MB, heap.liveBytes() / (double) MB, heap.samples());
            assertThat(heap.samples()).isPositive();
        }
    }

    private static JsonNode awaitEnd(Api admin, long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode job = admin.get("/api/leads/import-export/imports/" + id).json();
            String status = job.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING") || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }

    private static FilePart csv(String text) {
        return new FilePart("leads.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }
}
