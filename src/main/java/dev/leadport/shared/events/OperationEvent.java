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

    /** Starts an event of {@code type} for one operation; unset counts, parameters and links stay empty. */
    public static Builder builder(OperationType type, String operationId, OperationStatus status) {
        return new Builder(type, operationId, status);
    }

    /** Names each of the event's parts at its call site. */
    public static final class Builder {
        private final OperationType type;
        private final String operationId;
        private final OperationStatus status;
        private long actorId;
        private String actorUsername;
        private Instant startedAt;
        private Instant finishedAt;
        private Counts counts;
        private Map<String, Object> parameters;
        private String errorSummary;
        private Map<String, String> links;

        private Builder(OperationType type, String operationId, OperationStatus status) {
            this.type = type;
            this.operationId = operationId;
            this.status = status;
        }

        public Builder actor(long id, String username) {
            this.actorId = id;
            this.actorUsername = username;
            return this;
        }

        /** When the operation started and when it finished (null while it runs). */
        public Builder time(Instant startedAt, Instant finishedAt) {
            this.startedAt = startedAt;
            this.finishedAt = finishedAt;
            return this;
        }

        public Builder counts(Counts counts) {
            this.counts = counts;
            return this;
        }

        public Builder parameters(Map<String, Object> parameters) {
            this.parameters = parameters;
            return this;
        }

        public Builder errorSummary(String errorSummary) {
            this.errorSummary = errorSummary;
            return this;
        }

        public Builder links(Map<String, String> links) {
            this.links = links;
            return this;
        }

        public OperationEvent build() {
            return new OperationEvent(
                    type,
                    operationId,
                    status,
                    actorId,
                    actorUsername,
                    startedAt,
                    finishedAt,
                    counts,
                    parameters,
                    errorSummary,
                    links);
        }
    }
}
