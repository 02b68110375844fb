package dev.leadport.imports;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class UploadApiTest extends ApiTestBase {

    static final String PATH = "/api/leads/import-export";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoredUploadIsValidatedAgainAndImportedByItsIdWithoutBeingUploadedAgain() {
        Api manager = as("manager");
        String tag = unique("once");
        createLead(manager, map("email", "old-" + tag + "@x.io", "source", tag));
        String csv = "Mail,Given,Origin\n"
                + "a-" + tag + "@x.io,Ann," + tag + "\n"
                + "old-" + tag + "@x.io,Old," + tag + "\n"
                + "broken,Bob," + tag + "\n";
        long filesBefore = storedFiles();

        JsonNode upload = upload(manager, "once.csv", csv);
        assertThat(upload.get("headers").toString()).contains("Mail", "Given", "Origin");
        assertThat(upload.get("totalRows").asLong()).isEqualTo(3);
        assertThat(upload.get("columns").get(0).get("target").asString()).isEqualTo("email");
        String id = upload.get("uploadId").asString();
        assertThat(storedFiles()).isEqualTo(filesBefore + 1);

        JsonNode first = validate(manager, id, Map.of("duplicateMode", "SKIP"));
        assertThat(first.get("totalRows").asLong()).isEqualTo(3);
        assertThat(first.get("wouldCreate").asLong()).isEqualTo(1);
        assertThat(first.get("wouldSkip").asLong()).isEqualTo(1);
        assertThat(first.get("invalidRows").asLong()).isEqualTo(1);
        assertThat(first.get("reused").asBoolean()).isFalse();

        // Only the duplicate mode changed: the stored check answers, with the counts of the new mode.
        JsonNode update = validate(manager, id, Map.of("duplicateMode", "UPDATE"));
        assertThat(update.get("reused").asBoolean()).isTrue();
        assertThat(update.get("checkId").asLong())
                .isEqualTo(first.get("checkId").asLong());
        assertThat(update.get("duplicateMode").asString()).isEqualTo("UPDATE");
        assertThat(update.get("wouldUpdate").asLong()).isEqualTo(1);
        assertThat(update.get("wouldSkip").asLong()).isZero();

        // Another mapping is checked afresh, from the stored file.
        JsonNode remapped = validate(
                manager, id, Map.of("mapping", "{\"Mail\":\"email\",\"Given\":\"lastName\",\"Origin\":\"source\"}"));
        assertThat(remapped.get("reused").asBoolean()).isFalse();
        assertThat(remapped.get("sample").get(0).get("lastName").asString()).isEqualTo("Ann");
        assertThat(storedFiles()).isEqualTo(filesBefore + 1);

        Api.Response started =
                manager.postMultipart(PATH + "/import", Map.of("uploadId", id, "duplicateMode", "UPDATE"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode job = ImportApiTest.await(manager, started.json().get("id").asLong());
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("updated").asLong()).isEqualTo(1);
        assertThat(storedFiles()).isEqualTo(filesBefore + 1);
    }

    @Test
    void aRepCannotUseAnotherUsersUpload() {
        user("rep2", "REP");
        String id = upload(as("rep"), "mine.csv", "email\nmine-" + unique("r") + "@x.io\n")
                .get("uploadId")
                .asString();

        for (Api other : List.of(as("rep2"), as("manager"))) {
            assertThat(other.get(PATH + "/uploads/" + id).status()).isEqualTo(404);
            Api.Response validate = other.postMultipart(PATH + "/validate", Map.of("uploadId", id));
            assertThat(validate.status()).isEqualTo(404);
            assertThat(validate.contentType()).contains("problem+json");
            assertThat(other.postMultipart(PATH + "/import", Map.of("uploadId", id))
                            .status())
                    .isEqualTo(404);
            assertThat(other.get(PATH + "/uploads/" + id + "/problems").status())
                    .isEqualTo(404);
            assertThat(other.delete(PATH + "/uploads/" + id + "/rows/2").status())
                    .isEqualTo(404);
        }
        assertThat(as("rep").get(PATH + "/uploads/" + id).status()).isEqualTo(200);
    }

    @Test
    void aLargeCheckRunsAsAJobWithProgressAndItsResultIsStored() {
        Api admin = as("admin");
        String tag = unique("job");
        StringBuilder csv = new StringBuilder("email,source\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i % 100 == 0 ? "bad-" + i : "j" + i + "-" + tag + "@x.io")
                    .append(',')
                    .append(tag)
                    .append('\n');
        }
        String id = upload(admin, "big.csv", csv.toString()).get("uploadId").asString();

        Api.Response queued = admin.postMultipart(PATH + "/validate", Map.of("uploadId", id, "background", "true"));
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String location = queued.header("Location");
        assertThat(location).contains("/uploads/" + id + "/checks/");
        JsonNode done = awaitCheck(admin, location);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("checkedRows").asLong()).isEqualTo(3000);
        assertThat(done.get("report").get("invalidRows").asLong()).isEqualTo(30);
        assertThat(done.get("report").get("wouldCreate").asLong()).isEqualTo(2970);

        JsonNode again = validate(admin, id, Map.of("duplicateMode", "CREATE", "background", "true"));
        assertThat(again.get("reused").asBoolean()).isTrue();
        assertThat(again.get("wouldCreate").asLong()).isEqualTo(2970);
    }

    @Test
    void aQueuedCheckCanBeCancelledAndBadIdsAreClearProblems() {
        Api admin = as("admin");
        String id = upload(admin, "c.csv", "email\nc-" + unique("c") + "@x.io\n")
                .get("uploadId")
                .asString();
        Api.Response queued = admin.postMultipart(PATH + "/validate", Map.of("uploadId", id, "background", "true"));
        assertThat(queued.status()).isEqualTo(202);
        Api.Response cancelled =
                admin.post(queued.header("Location").replaceFirst("^.*?/api", "/api") + "/cancel", null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        JsonNode end = awaitCheck(admin, queued.header("Location"));
        assertThat(end.get("status").asString()).isIn("CANCELLED", "COMPLETED");

        Api.Response unknown = admin.postMultipart(PATH + "/validate", Map.of("uploadId", "not-a-uuid"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("uploadId");
        Api.Response neither = admin.postMultipart(PATH + "/validate", Map.of("duplicateMode", "SKIP"));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body()).contains("file");
    }

    static JsonNode upload(Api api, String name, String csv) {
        Api.Response response = api.postMultipart(PATH + "/uploads", Map.of("file", FilePart.csv(name, csv)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Validates by upload id and, when the check runs as a job, follows it to its report. */
    static JsonNode validate(Api api, String uploadId, Map<String, String> parameters) {
        Map<String, Object> parts = new java.util.HashMap<>(parameters);
        parts.put("uploadId", uploadId);
        Api.Response response = api.postMultipart(PATH + "/validate", parts);
        if (response.status() == 202) {
            return awaitCheck(api, response.header("Location")).get("report");
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static JsonNode awaitCheck(Api api, String location) {
        String path = location.replaceFirst("^.*?/api", "/api");
        long deadline = System.currentTimeMillis() + 1000L * Long.getLong("workbench.awaitSeconds", 60);
        List<String> seen = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            JsonNode check = api.get(path).json();
            String status = check.get("status").asString();
            seen.add(status + " " + check.get("checkedRows").asLong());
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return check;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("check " + path + " did not finish; seen " + seen);
    }

    private long storedFiles() {
        return jdbc.sql("select count(*) from stored_file").query(Long.class).single();
    }
}
