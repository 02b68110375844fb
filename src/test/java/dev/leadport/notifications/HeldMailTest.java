package dev.leadport.notifications;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationEvent.Counts;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.support.ApiTestBase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** The default demo mode: no SMTP server configured. */
class HeldMailTest extends ApiTestBase {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void withoutSmtpMailsAreHeldInTheOutboxForTheUi() {
        String name = unique("held");
        var created = as("admin")
                .post(
                        "/api/users",
                        map("username", name, "password", name, "role", "REP", "email", name + "@example.com"));
        long id = created.json().get("id").asLong();
        Instant start = Instant.now().minusSeconds(5);
        events.publishEvent(new OperationEvent(
                OperationType.IMPORT,
                name,
                OperationStatus.FAILED,
                id,
                name,
                start,
                start.plusSeconds(1),
                Counts.NONE,
                Map.of("fileName", "broken.csv"),
                "The file is not UTF-8",
                Map.of()));

        JsonNode outbox = as(name).get("/api/notifications/outbox").json();
        assertThat(outbox).hasSize(1);
        assertThat(outbox.get(0).get("status").asString()).isEqualTo("HELD");
        assertThat(outbox.get(0).get("subject").asString()).isEqualTo("Import of broken.csv failed");
        assertThat(outbox.get(0).get("body").asString()).contains("http://localhost:8080/activity");
        assertThat(as(name).get("/api/notifications/outbox?status=SENT").json()).isEmpty();
        assertThat(as(name).get("/api/notifications/outbox?status=LOST").status())
                .isEqualTo(400);
    }
}
