package dev.leadport.webhooks;

import dev.leadport.shared.NotFoundException;
import dev.leadport.users.Users;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints and their delivery logs; ADMIN only (also refused by URL in the security chain). */
@RestController
@RequestMapping("/api/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository repository;
    private final WebhookOutbox outbox;
    private final AddressGuard guard;
    private final Users users;
    private final Clock clock;

    WebhookController(
            WebhookRepository repository,
            WebhookOutbox outbox,
            WebhookProperties properties,
            Users users,
            Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.guard = new AddressGuard(properties.allowPrivateAddresses());
        this.users = users;
        this.clock = clock;
    }

    record NewEndpoint(
            @NotBlank @Size(max = 2000) String url,
            @Size(min = 16, max = 200) String secret,
            @NotEmpty Set<WebhookEvent> events) {}

    record EndpointView(long id, String url, Set<WebhookEvent> events, Instant createdAt) {
        static EndpointView of(WebhookRepository.Endpoint e) {
            return new EndpointView(e.id(), e.url(), e.events(), e.createdAt());
        }
    }

    /** The only answer that holds the secret (generated unless the request gave one). */
    record CreatedEndpoint(EndpointView endpoint, String secret) {}

    record DeliveryView(
            long id,
            WebhookEvent event,
            String operationType,
            String operationId,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Instant lastAttemptAt,
            Instant deliveredAt,
            Instant createdAt) {
        static DeliveryView of(WebhookRepository.Delivery d) {
            return new DeliveryView(
                    d.id(),
                    d.event(),
                    d.operationType(),
                    d.operationId(),
                    d.status(),
                    d.attempts(),
                    d.lastStatusCode(),
                    d.lastError(),
                    d.lastAttemptAt(),
                    d.deliveredAt(),
                    d.createdAt());
        }
    }

    @GetMapping
    List<EndpointView> list() {
        return repository.endpoints().stream().map(EndpointView::of).toList();
    }

    @PostMapping
    ResponseEntity<CreatedEndpoint> create(@Valid @RequestBody NewEndpoint request) {
        String url = request.url().strip();
        guard.check(url);
        String secret = request.secret();
        if (secret == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        long id = repository.insertEndpoint(
                url, secret, EnumSet.copyOf(request.events()), users.current().id(), clock.instant());
        EndpointView view = EndpointView.of(repository.endpoint(id).orElseThrow());
        return ResponseEntity.created(URI.create("/api/webhooks/" + id)).body(new CreatedEndpoint(view, secret));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!repository.deleteEndpoint(id)) {
            throw new NotFoundException("There is no webhook endpoint with id " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable long id) {
        endpoint(id);
        return repository.deliveries(id, 200).stream().map(DeliveryView::of).toList();
    }

    /** Sends a delivery's body again, as a new delivery with its own attempts. */
    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    ResponseEntity<DeliveryView> resend(@PathVariable long id, @PathVariable long deliveryId) {
        endpoint(id);
        WebhookRepository.Delivery original = repository
                .delivery(deliveryId)
                .filter(d -> d.endpointId() == id)
                .orElseThrow(() -> new NotFoundException("Endpoint " + id + " has no delivery " + deliveryId + "."));
        long copy = outbox.queue(
                id,
                original.event(),
                original.operationType(),
                original.operationId(),
                original.payload(),
                clock.instant());
        return ResponseEntity.accepted()
                .body(DeliveryView.of(repository.delivery(copy).orElseThrow()));
    }

    private WebhookRepository.Endpoint endpoint(long id) {
        return repository
                .endpoint(id)
                .orElseThrow(() -> new NotFoundException("There is no webhook endpoint with id " + id + "."));
    }
}
