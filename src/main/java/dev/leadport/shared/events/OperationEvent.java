package dev.leadport.shared.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every import, validation, export and bulk operation publishes when it starts and when it ends (not on every
 * progress step). The activity log appends one entry per event; notifications mail the actor about final ones.
 *
 * @param operationId the operation's own id within its type (an import id, a bulk operation id)
 * @param parameters what the user asked for: file name and size, mapping, filters, fields, duplicate mode ...
 * @param errorSummary a sentence about what went wrong, or null
 * @param links relative URLs worth offering: "details", "errors", "download"
 */
public record OperationEvent(
        OperationType type,
        String operationId,
        OperationStatus status,
        long actorId,
        String actorUsername,
        Instant startedAt,
        Instant finishedAt,
        Counts counts,
        Map<String, Object> parameters,
        String errorSummary,
        Map<String, String> links) {

    /** Row or lead counts; zero where they do not apply. */
    public record Counts(long total, long processed, long created, long updated, long skipped, long failed) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    public OperationEvent {
        counts = counts == null ? Counts.NONE : counts;
        // Values may be null (a filter left open), so these are plain unmodifiable copies.
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        links = links == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(links));
    }

    /** Milliseconds from start to finish, or null while running. */
    public Long durationMillis() {
        return startedAt == null || finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }

    /** Rows (or leads) per second over the whole run, or null while running. */
    public Double rowsPerSecond() {
        Long ms = durationMillis();
        return ms == null ? null : counts.processed() * 1000.0 / Math.max(1, ms);
    }
}
