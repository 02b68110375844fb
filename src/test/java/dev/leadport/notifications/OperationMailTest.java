package dev.leadport.notifications;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationEvent.Counts;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

class OperationMailTest extends MailAndClockTestBase {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void finishedImportMailsTheActorASummaryWithAbsoluteLinks() throws Exception {
        String name = unique("mailer");
        String domain = name + ".example";
        long id = userWithEmail(name, domain);
        Instant start = Instant.now().minusSeconds(90);
        events.publishEvent(new OperationEvent(
                OperationType.IMPORT,
                name,
                OperationStatus.RUNNING,
                id,
                name,
                start,
                null,
                Counts.NONE,
                Map.of("fileName", "spring-leads.csv"),
                null,
                Map.of()));
        events.publishEvent(new OperationEvent(
                OperationType.IMPORT,
                name,
                OperationStatus.COMPLETED_WITH_ERRORS,
                id,
                name,
                start,
                start.plusSeconds(60),
                new Counts(1200, 1200, 1000, 150, 30, 20),
                Map.of("fileName", "spring-leads.csv", "fileSize", 48_000),
                "20 rows have an invalid email",
                Map.of("errors", "/api/imports/" + name + "/errors", "details", "/import?id=" + name)));

        await("the mail", Duration.ofSeconds(10), () -> mailsTo(domain).length == 1);
        MimeMessage mail = mailsTo(domain)[0];
        assertThat(mail.getSubject()).isEqualTo("Import of spring-leads.csv completed with errors");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(name + "@" + domain);
        String body = mail.getContent().toString();
        assertThat(body)
                .contains("1200 total, 1200 processed, 1000 created, 150 updated, 30 skipped, 20 failed")
                .contains("Duration: 1 min 0 s (20 rows/s)")
                .contains("What went wrong: 20 rows have an invalid email")
                .contains("Error report: https://leadport.example.com/api/imports/" + name + "/errors")
                .contains("https://leadport.example.com/settings");

        JsonNode outbox = as(name).get("/api/notifications/outbox").json();
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).get("status").asString()).isEqualTo("SENT");
        assertThat(outbox.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(outbox.get(0).get("sentAt").isNull()).isFalse();
        assertThat(as("rep").get("/api/notifications/outbox").body()).doesNotContain(domain);
        assertThat(as("admin").get("/api/notifications/outbox?size=200").body()).contains(domain);
    }

    @Test
    void noMailWhileRunningForQuickExportsOrWhenTheUserTurnedMailsOff() throws Exception {
        String name = unique("quiet");
        String domain = name + ".example";
        long id = userWithEmail(name, domain);
        Instant start = Instant.now().minusSeconds(5);
        events.publishEvent(new OperationEvent(
                OperationType.BULK_UPDATE,
                name + "1",
                OperationStatus.RUNNING,
                id,
                name,
                start,
                null,
                Counts.NONE,
                Map.of(),
                null,
                Map.of()));
        events.publishEvent(new OperationEvent(
                OperationType.EXPORT,
                name + "2",
                OperationStatus.COMPLETED,
                id,
                name,
                start,
                start.plusSeconds(2),
                new Counts(10, 10, 0, 0, 0, 0),
                Map.of(),
                null,
                Map.of()));
        assertThat(as(name).put("/api/users/me/preferences", map("notifyByEmail", false))
                        .status())
                .isEqualTo(200);
        events.publishEvent(new OperationEvent(
                OperationType.BULK_DELETE,
                name + "3",
                OperationStatus.FAILED,
                id,
                name,
                start,
                start.plusSeconds(2),
                Counts.NONE,
                Map.of(),
                "Database went away",
                Map.of()));

        assertThat(as(name).put("/api/users/me/preferences", map("notifyByEmail", true))
                        .status())
                .isEqualTo(200);
        events.publishEvent(new OperationEvent(
                OperationType.EXPORT,
                name + "4",
                OperationStatus.COMPLETED,
                id,
                name,
                start,
                start.plusSeconds(45),
                new Counts(900_000, 900_000, 0, 0, 0, 0),
                Map.of("fileName", "big.csv"),
                null,
                Map.of("download", "/api/exports/4/file")));

        await("the slow export's mail", Duration.ofSeconds(10), () -> mailsTo(domain).length == 1);
        Thread.sleep(300);
        assertThat(mailsTo(domain)).hasSize(1);
        assertThat(mailsTo(domain)[0].getSubject()).isEqualTo("Export of big.csv completed");
        assertThat(as(name).get("/api/notifications/outbox").json()).hasSize(1);
    }

    @Test
    void aMailTheServerRefusesIsRetriedWithBackoffAndItsAttemptsRecorded() throws Exception {
        String name = unique("retry");
        String domain = name + ".example";
        long id = userWithEmail(name, domain);
        MAIL.stop();
        try {
            Instant start = Instant.now().minusSeconds(5);
            events.publishEvent(new OperationEvent(
                    OperationType.BULK_ASSIGN,
                    name,
                    OperationStatus.COMPLETED,
                    id,
                    name,
                    start,
                    start.plusSeconds(3),
                    new Counts(5, 5, 0, 5, 0, 0),
                    Map.of(),
                    null,
                    Map.of()));
            await("a failed attempt", Duration.ofSeconds(10), () -> {
                JsonNode outbox = as(name).get("/api/notifications/outbox").json();
                return outbox.size() == 1 && outbox.get(0).get("attempts").asInt() >= 1;
            });
            JsonNode failed = as(name).get("/api/notifications/outbox").json().get(0);
            assertThat(failed.get("status").asString()).isEqualTo("PENDING");
            assertThat(failed.get("lastError").asString()).isNotBlank();
        } finally {
            MAIL.start();
        }
        await("the retried mail", Duration.ofSeconds(15), () -> mailsTo(domain).length == 1);
        await(
                "the outbox to say SENT",
                Duration.ofSeconds(5),
                () -> "SENT"
                        .equals(as(name).get("/api/notifications/outbox")
                                .json()
                                .get(0)
                                .get("status")
                                .asString()));
        JsonNode sent = as(name).get("/api/notifications/outbox").json().get(0);
        assertThat(sent.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(mailsTo(domain)[0].getSubject()).isEqualTo("Bulk assignment completed");
    }

    private long userWithEmail(String name, String domain) {
        var created = as("admin")
                .post(
                        "/api/users",
                        map("username", name, "password", name, "role", "REP", "email", name + "@" + domain));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
