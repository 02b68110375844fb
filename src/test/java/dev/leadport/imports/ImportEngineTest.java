package dev.leadport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.imports.jobs.ImportJobRepository;
import dev.leadport.imports.jobs.ImportRunner;
import dev.leadport.imports.reading.FileFacts;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import dev.leadport.users.Users;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The job engine's promises, with small chunks so a short file spans many checkpoints. */
@TestPropertySource(properties = {"leadport.imports.chunk-rows=50", "leadport.imports.max-upload-size=1MB"})
class ImportEngineTest extends ApiTestBase {

    @Autowired
    ImportRunner runner;

    @Autowired
    ImportJobRepository jobs;

    @Autowired
    FileStore files;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importResumedAfterACrashBetweenChunksLandsEveryValidRowExactlyOnce() {
        String tag = unique("crash");
        long id = queue(csv(tag, 500, 7), DuplicateMode.SKIP);

        runner.run(id, 3);
        ImportJobView halfway = jobs.find(id).orElseThrow();
        assertThat(halfway.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(halfway.processedRows()).isEqualTo(150);
        assertThat(leads(tag)).isEqualTo(halfway.created());

        runner.run(id);
        ImportJobView done = jobs.find(id).orElseThrow();
        long invalid = 500 / 7 + 1;
        assertThat(done.status()).isEqualTo(OperationStatus.COMPLETED_WITH_ERRORS);
        assertThat(done.processedRows()).isEqualTo(500);
        assertThat(done.failed()).isEqualTo(invalid);
        assertThat(done.created()).isEqualTo(500 - invalid);
        assertThat(leads(tag)).isEqualTo(500 - invalid);
        assertThat(jdbc.sql("select count(*) from import_row_error where import_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(invalid);
        assertThat(jdbc.sql("select count(*) from import_staging where import_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void cancelledImportStopsAfterTheCurrentChunkAndKeepsWhatLanded() {
        String tag = unique("cancel");
        long id = queue(csv(tag, 300, 1000), DuplicateMode.SKIP);
        runner.run(id, 2);
        assertThat(jobs.requestCancel(id)).isTrue();
        runner.run(id);
        ImportJobView job = jobs.find(id).orElseThrow();
        assertThat(job.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(job.processedRows()).isEqualTo(100);
        assertThat(leads(tag)).isEqualTo(job.created()).isEqualTo(99);
        assertThat(jobs.requestCancel(id)).isFalse();
    }

    @Test
    void uploadOverTheLimitGets413ProblemJson() {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Api.Response response = as("admin")
                .postMultipart(
                        "/api/leads/import-export/validate", Map.of("file", new FilePart("big.csv", "text/csv", big)));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    /** Stores the file and queues a job the way the API does, but runs it by hand. */
    private long queue(String csv, DuplicateMode mode) {
        var admin = users.asCurrentUser(users.findByReference("admin").orElseThrow());
        StoredFile stored = files.save(
                "crash.csv",
                "text/csv",
                admin.id(),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                Duration.ofDays(1));
        return jobs.insert(
                stored.id(),
                stored.name(),
                stored.size(),
                new FileFacts("CSV", "UTF-8", "comma", List.of("email", "source")),
                Map.of("email", "email", "source", "source"),
                new ImportRequestOptions(null, null, null),
                mode,
                admin.id());
    }

    /** A file of {@code rows} leads where every {@code badEvery}-th row (and the first) has a broken email. */
    private static String csv(String tag, int rows, int badEvery) {
        StringBuilder csv = new StringBuilder("email,source\n");
        for (int i = 0; i < rows; i++) {
            String email = i % badEvery == 0 ? "broken-" + i : "l" + i + "-" + tag + "@x.io";
            csv.append(email).append(',').append(tag).append('\n');
        }
        return csv.toString();
    }

    private long leads(String tag) {
        return jdbc.sql("select count(*) from lead where source = :tag and deleted_at is null")
                .param("tag", tag)
                .query(Long.class)
                .single();
    }
}
