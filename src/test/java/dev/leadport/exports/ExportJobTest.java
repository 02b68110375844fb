package dev.leadport.exports;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.leads.LeadFilter;
import dev.leadport.notifications.MailAndClockTestBase;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.support.Api;
import dev.leadport.users.Users;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Background exports through the API: queued as a job, written by the job engine, downloaded later. */
class ExportJobTest extends MailAndClockTestBase {

    private static final String EXPORTS = "/api/leads/import-export/exports";
    private static final String EXPORT = "/api/leads/import-export/export";

    @Autowired
    RecordedOperations operations;

    @Autowired
    ExportJobService jobs;

    @Autowired
    ExportJobRepository repository;

    @Autowired
    ExportService exports;

    @Autowired
    Users users;

    @Test
    void aBackgroundExportStoresTheSameFileAsTheDownloadRecordsItAndMailsTheUser() throws MessagingException {
        String name = unique("bgrep").replace("-", "");
        String domain = name + ".example";
        userWithEmail(name, domain);
        Api rep = as(name);
        String tag = unique("bg");
        createLead(rep, map("email", tag + "-a@x.io", "source", tag, "company", "=HYPERLINK(\"x\")"));
        createLead(rep, map("email", tag + "-b@x.io", "source", tag, "status", "QUALIFIED"));
        createLead(rep, map("email", tag + "-c@x.io", "source", tag, "status", "LOST"));
        createLead(as("admin"), map("email", tag + "-admin@x.io", "source", tag));
        String query = "?source=" + tag + "&fields=email,company,status&status=NEW&status=QUALIFIED&bom=true";

        Api.Response accepted = rep.post(EXPORTS + query, null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long id = accepted.json().get("exportId").asLong();
        assertThat(accepted.header("Location")).isEqualTo(EXPORTS + "/" + id);
        assertThat(accepted.json().get("fields").toString()).isEqualTo("[\"email\",\"company\",\"status\"]");

        JsonNode done = awaitFinished(rep, id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("rows").asLong()).isEqualTo(2);
        assertThat(done.get("total").asLong()).isEqualTo(2);
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.get("fileName").asString()).matches("leads-\\d{4}-\\d\\d-\\d\\d\\.csv");
        assertThat(done.get("links").get("file").asString()).isEqualTo(EXPORTS + "/" + id + "/file");

        Api.Response file = rep.get(EXPORTS + "/" + id + "/file");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Disposition"))
                .contains(done.get("fileName").asString());
        assertThat(file.bytes()).hasSize(done.get("fileSize").asInt());
        assertThat(file.bytes()).isEqualTo(rep.get(EXPORT + query).bytes());
        assertThat(file.body()).contains("'=HYPERLINK").doesNotContain("-admin@");

        List<OperationEvent> events = operations.of(OperationType.EXPORT, name).stream()
                .filter(e -> e.operationId().equals(String.valueOf(id)))
                .toList();
        assertThat(events)
                .extracting(OperationEvent::status)
                .containsExactly(OperationStatus.RUNNING, OperationStatus.COMPLETED);
        OperationEvent completed = events.get(1);
        assertThat(completed.actorUsername()).isEqualTo(name);
        assertThat(completed.counts().processed()).isEqualTo(2);
        assertThat(completed.parameters().get("background")).isEqualTo(true);
        assertThat(completed.parameters().get("fileName"))
                .isEqualTo(done.get("fileName").asString());
        assertThat(completed.links().get("download")).isEqualTo(EXPORTS + "/" + id + "/file");

        // Quick as it was, nobody watched it finish: the user gets a mail with the download link.
        await("the export's mail", Duration.ofSeconds(20), () -> mailsTo(domain).length == 1);
        assertThat(mailsTo(domain)[0].getSubject())
                .startsWith("Export of leads-")
                .endsWith("completed");
    }

    @Test
    void repsSeeOnlyTheirOwnExportJobsAndManagersSeeAll() {
        user("bgrep1", "REP");
        user("bgrep2", "REP");
        String tag = unique("bgown");
        createLead(as("bgrep1"), map("email", tag + "@x.io", "source", tag));
        long id = as("bgrep1")
                .post(EXPORTS + "?source=" + tag, null)
                .json()
                .get("exportId")
                .asLong();
        awaitFinished(as("bgrep1"), id);

        Api.Response other = as("bgrep2").get(EXPORTS + "/" + id);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(as("bgrep2").get(EXPORTS + "/" + id + "/file").status()).isEqualTo(404);
        assertThat(as("manager").get(EXPORTS + "/" + id).status()).isEqualTo(200);
        assertThat(as("manager").get(EXPORTS + "/" + id + "/file").status()).isEqualTo(200);
    }

    @Test
    void theFileIsGoneWhenItsRetentionHasPassed() {
        Api admin = as("admin");
        String tag = unique("bgexp");
        createLead(admin, map("email", tag + "@x.io", "source", tag));
        long id = admin.post(EXPORTS + "?format=xlsx&source=" + tag, null)
                .json()
                .get("exportId")
                .asLong();
        JsonNode done = awaitFinished(admin, id);
        assertThat(done.get("fileName").asString()).endsWith(".xlsx");
        assertThat(admin.get(EXPORTS + "/" + id + "/file").status()).isEqualTo(200);

        moveClockTo(Instant.parse(done.get("expiresAt").asString()).plusSeconds(1));

        Api.Response expired = admin.get(EXPORTS + "/" + id + "/file");
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.contentType()).startsWith("application/problem+json");
        assertThat(expired.json().get("detail").asString()).contains("expired");
        JsonNode job = admin.get(EXPORTS + "/" + id).json();
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("links").has("file")).isFalse();
    }

    @Test
    void badParametersAreAnsweredBeforeAJobIsStored() {
        Api.Response bad = as("admin").post(EXPORTS + "?format=pdf&fields=email,shoeSize", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("\"format\"");
    }

    @Test
    void aJobWhoseNodeDiedIsWrittenAgainFromItsFirstRow() {
        String tag = unique("bgdead");
        createTaggedLeads(as("admin"), tag, 3);
        ExportRequest request = exports.request(
                new LeadFilter(List.of(), null, tag, null, null, null, null, null),
                "email",
                ExportFormat.CSV,
                false,
                HeaderStyle.KEYS,
                true);
        long admin = userId("admin");
        long id = repository.create(admin, ExportJobRequest.of(request), Instant.now());
        // As a node leaves it when it dies after writing part of the file: RUNNING, some rows, no file.
        repository.start(id, 3, Instant.now());
        repository.progress(id, 2);

        jobs.run(id);

        JsonNode done = as("admin").get(EXPORTS + "/" + id).json();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("rows").asLong()).isEqualTo(3);
        assertThat(as("admin").get(EXPORTS + "/" + id + "/file").body().split("\r\n"))
                .containsExactly("email", tag + "-0@x.io", tag + "-1@x.io", tag + "-2@x.io");
    }

    private static JsonNode awaitFinished(Api api, long id) {
        JsonNode[] last = {null};
        await("export " + id, Duration.ofSeconds(60), () -> {
            last[0] = api.get(EXPORTS + "/" + id).json();
            return OperationStatus.valueOf(last[0].get("status").asString()).isFinal();
        });
        return last[0];
    }

    private void userWithEmail(String name, String domain) {
        Api.Response created = as("admin")
                .post(
                        "/api/users",
                        map("username", name, "password", name, "role", "REP", "email", name + "@" + domain));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
