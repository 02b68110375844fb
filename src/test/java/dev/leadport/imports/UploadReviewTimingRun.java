package dev.leadport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.bench.SampleFileGenerator;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * Times the review steps on a generated file (a measurement printed to the test log, not a timed assertion). Runs only
 * when asked: {@code -Dworkbench.timing=true -Dworkbench.rows=200000}.
 */
@EnabledIfSystemProperty(named = "workbench.timing", matches = "true")
class UploadReviewTimingRun extends ApiTestBase {

    private static final String PATH = UploadApiTest.PATH;

    @Test
    void reviewStepsOnAGeneratedFile() throws Exception {
        long rows = Long.getLong("workbench.rows", 200_000);
        Path file = Files.createTempFile("workbench-", ".csv");
        SampleFileGenerator.generate(file, SampleFileGenerator.Settings.withDefects(rows, 0.05, 42));
        Api admin = as("admin");
        byte[] content = Files.readAllBytes(file);
        Files.delete(file);

        long t = System.nanoTime();
        Api.Response plain = admin.postMultipart(
                PATH + "/validate", Map.of("file", new FilePart("timing.csv", "text/csv", content)));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
        report("before: upload and check the file in one request (POST /validate with the file)", t);

        t = System.nanoTime();
        Api.Response stored =
                admin.postMultipart(PATH + "/uploads", Map.of("file", new FilePart("timing.csv", "text/csv", content)));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        report("upload (store once, " + content.length / 1024 / 1024 + " MB)", t);
        String id = stored.json().get("uploadId").asString();

        t = System.nanoTime();
        JsonNode first = UploadApiTest.validate(admin, id, Map.of("duplicateMode", "SKIP"));
        report(
                "first check (job, " + first.get("totalRows").asLong() + " rows, "
                        + first.get("invalidRows").asLong() + " invalid, "
                        + first.get("rowsWithWarnings").asLong() + " with warnings)",
                t);

        t = System.nanoTime();
        JsonNode update = UploadApiTest.validate(admin, id, Map.of("duplicateMode", "UPDATE"));
        assertThat(update.get("reused").asBoolean()).isTrue();
        report("duplicate mode changed (stored result)", t);

        t = System.nanoTime();
        JsonNode page =
                admin.get(PATH + "/uploads/" + id + "/problems?page=0&size=25").json();
        report("grid page 1 (" + page.get("total").asLong() + " rows with problems)", t);
        long total = page.get("total").asLong();
        t = System.nanoTime();
        admin.get(PATH + "/uploads/" + id + "/problems?size=25&page=" + (total / 25 / 2));
        report("grid page half-way", t);
        t = System.nanoTime();
        admin.get(PATH + "/uploads/" + id + "/problems?size=25&counts=false&page=" + (total / 25 / 2));
        report("grid page half-way, without the counts (as the page pages)", t);
        String column = page.get("columns").properties().iterator().next().getKey();
        t = System.nanoTime();
        admin.get(PATH + "/uploads/" + id + "/problems?size=25&column="
                + java.net.URLEncoder.encode(column, java.nio.charset.StandardCharsets.UTF_8));
        report("grid filtered by column " + column, t);
        t = System.nanoTime();
        admin.get(PATH + "/uploads/" + id + "/problems?size=25&counts=false&page=100&column="
                + java.net.URLEncoder.encode(column, java.nio.charset.StandardCharsets.UTF_8));
        report("grid filtered by column, page 101, without the counts", t);

        JsonNode row = page.get("rows").get(0);
        String header = page.get("headers").get(0).asString();
        t = System.nanoTime();
        Api.Response edited = admin.put(
                PATH + "/uploads/" + id + "/rows/" + row.get("row").asLong(),
                Map.of("cells", Map.of(header, row.get("values").get(0).asString())));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        report("edit one cell, row checked again", t);

        t = System.nanoTime();
        JsonNode replaced = admin.post(
                        PATH + "/uploads/" + id + "/replace", Map.of("column", header, "from", "n/a", "to", ""))
                .json();
        report("replace rule (" + replaced.get("rowsChecked").asInt() + " listed rows checked again)", t);

        t = System.nanoTime();
        UploadApiTest.validate(admin, id, Map.of("duplicateMode", "UPDATE"));
        report("check again after the edits (job)", t);
    }

    private static void report(String step, long startNanos) {
        System.out.printf("WORKBENCH TIMING %-70s %,8d ms%n", step, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
