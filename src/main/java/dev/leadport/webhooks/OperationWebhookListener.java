package dev.leadport.webhooks;

import dev.leadport.notifications.Notifications;
import dev.leadport.shared.events.OperationEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each final operation event into one outbox row per subscribed endpoint. Only rows are written here; the job
 * engine sends them, so a slow or failing receiver never delays the job, and a failure to queue never fails it.
 */
@Component
class OperationWebhookListener {

    private static final Logger log = LoggerFactory.getLogger(OperationWebhookListener.class);

    private final WebhookRepository repository;
    private final WebhookOutbox outbox;
    private final Notifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    OperationWebhookListener(
            WebhookRepository repository,
            WebhookOutbox outbox,
            Notifications notifications,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.notifications = notifications;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(OperationEvent event) {
        WebhookEvent.of(event).ifPresent(kind -> {
            try {
                var endpoints = repository.subscribedTo(kind);
                if (endpoints.isEmpty()) {
                    return;
                }
                Instant now = clock.instant();
                String payload = json.writeValueAsString(payload(kind, event, now));
                for (var endpoint : endpoints) {
                    outbox.queue(endpoint.id(), kind, event.type().name(), event.operationId(), payload, now);
                }
            } catch (RuntimeException e) {
                log.error("Could not queue webhooks for {} {}", event.type(), event.operationId(), e);
            }
        });
    }

    private Map<String, Object> payload(WebhookEvent kind, OperationEvent event, Instant now) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("type", event.type().name());
        operation.put("id", event.operationId());
        operation.put("status", event.status().name());
        operation.put("actor", event.actorUsername());
        operation.put(
                "startedAt",
                event.startedAt() == null ? null : event.startedAt().toString());
        operation.put(
                "finishedAt",
                event.finishedAt() == null ? null : event.finishedAt().toString());
        operation.put("durationMillis", event.durationMillis());
        operation.put("counts", event.counts());
        operation.put("parameters", event.parameters());
        operation.put("errorSummary", event.errorSummary());
        Map<String, String> links = new LinkedHashMap<>();
        event.links().forEach((name, link) -> links.put(name, notifications.absoluteLink(link)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", kind.name());
        body.put("occurredAt", now.toString());
        body.put("operation", operation);
        body.put("links", links);
        return body;
    }
}
