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
 * line, a 50 MB field, a 50 MB row of 4 MB fields, 50 MB of random bytes named .csv, an XLSX of 3.7 MB whose one
 * shared string inflates to 400 MB, a zip bomb, each validated and imported; then a 100 MB JSON body, 100,000 ids
 * of 1,000 characters and 100,000 unknown ids in one bulk call. The health check must answer after each. Every case must get a 4xx or per-row errors, and the node must stay up and answer: running out of
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
        uploads.put("3.7 MB XLSX with one 400 MB shared string", HostileInputHeapTest::sharedStringBomb);
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
                    if (upload.getKey().startsWith("3.7 MB XLSX")) {
                        soft.assertThat(validated.status())
                                .as("validate %s: %s", upload.getKey(), validated)
                                .isBetween(400, 499);
                        soft.assertThat(validated.body()).as(upload.getKey()).contains("shared string");
                    }
                    soft.assertThat(admin.get("/actuator/health").status())
                            .as("health after %s", upload.getKey())
                            .isEqualTo(200);
                }
                String hugeLead = "{\"email\":\"huge@x.io\",\"notes\":\"" + "n".repeat(100 * MB) + "\"}";
                soft.assertThat(postWhole(node.port(), "/api/leads", hugeLead))
                        .as("100 MB JSON body")
                        .startsWith("HTTP/1.1 413");
                soft.assertThat(admin.get("/actuator/health").status())
                        .as("health after the 100 MB JSON body")
                        .isEqualTo(200);
                StringBuilder longIds = new StringBuilder("{\"changes\":{\"status\":\"LOST\"},\"ids\":[");
                String longId = "\"" + "7".repeat(1000) + "\"";
                for (int i = 0; i < 100_000; i++) {
                    longIds.append(i == 0 ? "" : ",").append(longId);
                }
                soft.assertThat(postWhole(
                                node.port(),
                                "/api/leads/bulk/update",
                                longIds.append("]}").toString()))
                        .as("100,000 ids of 1,000 characters")
                        .startsWith("HTTP/1.1 413");
                soft.assertThat(admin.get("/actuator/health").status())
                        .as("health after 100,000 ids of 1,000 characters")
                        .isEqualTo(200);
                List<Long> ids = new ArrayList<>();
                for (long id = 1; id <= 100_000; id++) {
                    ids.add(5_000_000_000L + id);
                }
                Api.Response bulk =
                        admin.post("/api/leads/bulk/update", Map.of("ids", ids, "changes", Map.of("status", "LOST")));
                soft.assertThat(bulk.status())
                        .as("100,000 unknown ids: %s", bulk)
                        .isBetween(200, 499);
                soft.assertThat(admin.get("/actuator/health").status())
                        .as("health after 100,000 unknown ids")
                        .isEqualTo(200);
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

    /**
     * An XLSX of about 3.7 MB whose one shared string inflates to 400 MB of text (deflate ratio about 110, far under
     * the zip-bomb guard's 1,000): the reader would build the string in memory.
     */
    private static FilePart sharedStringBomb() {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                entry(zip, "[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                        <Default Extension="xml" ContentType="application/xml"/>
                        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                        </Types>""");
                entry(zip, "_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                        </Relationships>""");
                entry(zip, "xl/workbook.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                        <sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>""");
                entry(zip, "xl/_rels/workbook.xml.rels", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                        </Relationships>""");
                entry(zip, "xl/worksheets/sheet1.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
                        <row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>""");
                zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                                + "spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>")
                        .getBytes(StandardCharsets.UTF_8));
                // Mostly one letter, with a random one every few hundred: it compresses about 110 times.
                Random random = new Random(3);
                byte[] block = new byte[MB];
                for (int written = 0; written < 400; written++) {
                    java.util.Arrays.fill(block, (byte) 'a');
                    for (int i = 0; i < block.length; i += 250 + random.nextInt(100)) {
                        block[i] = (byte) ('a' + random.nextInt(26));
                    }
                    zip.write(block);
                }
                zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            System.out.printf("Shared-string XLSX: %.1f MB on the wire, 400 MB inflated%n", bytes.size() / (double) MB);
            return new FilePart(
                    "strings.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void entry(java.util.zip.ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * Sends the whole body with its Content-Length on a plain socket and returns the status line. The node may answer
     * before it has read the body and close the connection; a write failing after that is expected.
     */
    private static String postWhole(int port, String path, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic YWRtaW46YWRtaW4=\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            Thread writer = new Thread(() -> {
                try {
                    java.io.OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    for (int from = 0; from < bytes.length; from += 64 * 1024) {
                        out.write(bytes, from, Math.min(64 * 1024, bytes.length - from));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the node answered and closed the connection before reading everything
                }
            });
            writer.start();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            writer.join(60_000);
            return String.valueOf(status);
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
