package dev.leadport.webhooks;

import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import java.util.Optional;

/** What an endpoint may subscribe to; each is one kind of operation reaching its end. */
enum WebhookEvent {
    IMPORT_FINISHED,
    VALIDATION_FINISHED,
    EXPORT_READY,
    BULK_OPERATION_FINISHED,
    SCHEDULED_RUN_FINISHED,
    SCHEDULED_RUN_FAILED;

    static Optional<WebhookEvent> of(OperationEvent event) {
        if (!event.status().isFinal()) {
            return Optional.empty();
        }
        boolean failed = event.status() == OperationStatus.FAILED;
        return switch (event.type()) {
            case IMPORT -> Optional.of(IMPORT_FINISHED);
            case VALIDATION -> Optional.of(VALIDATION_FINISHED);
            case EXPORT -> failed ? Optional.empty() : Optional.of(EXPORT_READY);
            case SCHEDULED_EXPORT -> Optional.of(failed ? SCHEDULED_RUN_FAILED : SCHEDULED_RUN_FINISHED);
            case BULK_UPDATE, BULK_ASSIGN, BULK_DELETE, BULK_RESTORE, BULK_UNDO -> Optional.of(BULK_OPERATION_FINISHED);
            case IMPORT_UNDO -> Optional.empty();
        };
    }
}
