package dev.leadport.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery and records the attempt; runs inside the job engine's task, never in the job that ended. A 2xx
 * answer delivers it; anything else (another status, a time-out, a refused connection) is recorded and thrown, so the
 * job engine retries it with backoff, until the last allowed attempt marks it FAILED. Redirects are not followed.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookRepository repository;
    private final WebhookProperties properties;
    private final AddressGuard guard;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WebhookRepository repository, WebhookProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.guard = new AddressGuard(properties.allowPrivateAddresses());
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void send(long deliveryId) {
        WebhookRepository.Delivery delivery = repository.delivery(deliveryId).orElse(null);
        if (delivery == null || !"PENDING".equals(delivery.status())) {
            return;
        }
        WebhookRepository.Endpoint endpoint =
                repository.endpoint(delivery.endpointId()).orElse(null);
        if (endpoint == null) {
            return;
        }
        Integer statusCode = null;
        String error;
        try {
            URI uri = guard.check(endpoint.url());
            long now = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Leadport-Webhooks")
                    .header("Leadport-Event", delivery.event().name())
                    .header("Leadport-Delivery", Long.toString(delivery.id()))
                    .header(
                            WebhookSignature.HEADER,
                            WebhookSignature.header(endpoint.secret(), now, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            statusCode = response.statusCode();
            if (statusCode >= 200 && statusCode < 300) {
                repository.markDelivered(deliveryId, statusCode, clock.instant());
                return;
            }
            error = "The endpoint answered " + statusCode + ".";
        } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted while sending.";
        }
        boolean giveUp = delivery.attempts() + 1 >= properties.maxAttempts();
        int attempts = repository.markFailedAttempt(deliveryId, statusCode, error, giveUp, clock.instant());
        if (giveUp) {
            log.error(
                    "Webhook delivery {} to endpoint {} failed {} times, giving up: {}",
                    deliveryId,
                    endpoint.id(),
                    attempts,
                    error);
            return;
        }
        log.warn(
                "Webhook delivery {} to endpoint {} failed (attempt {}), will retry: {}",
                deliveryId,
                endpoint.id(),
                attempts,
                error);
        throw new NotDeliveredException(deliveryId, error);
    }

    /** A delivery attempt failed; the job engine retries it later. */
    static class NotDeliveredException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotDeliveredException(long id, String error) {
            super("Webhook delivery " + id + " failed: " + error);
        }
    }
}
