package dev.leadport.bulk;

import dev.leadport.shared.events.OperationStatus;
import java.time.Instant;

/** A stored bulk operation. */
record BulkOperation(
        long id,
        BulkKind kind,
        OperationStatus status,
        long actorId,
        boolean dryRun,
        BulkParameters parameters,
        int requested,
        int processed,
        Long undoOf,
        Long undoneBy,
        String error,
        Instant createdAt,
        Instant finishedAt) {}
