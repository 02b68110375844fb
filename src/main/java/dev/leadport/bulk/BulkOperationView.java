package dev.leadport.bulk;

import dev.leadport.shared.events.OperationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A bulk operation as the API shows it: totals per result, progress, and the per-lead results (the first
 * {@code leadport.bulk.max-results-in-response}; the results file has all of them).
 *
 * @param totals {@code requested} and one count per result ({@code updated}, {@code notFound}, ...)
 * @param processed how many requested ids have their final result
 * @param links {@code self}, {@code results} (CSV) and, when it can be undone, {@code undo}
 */
record BulkOperationView(
        long operationId,
        BulkKind kind,
        OperationStatus status,
        boolean dryRun,
        Map<String, Long> totals,
        long processed,
        Long undoOf,
        Long undoneBy,
        String error,
        Instant createdAt,
        Instant finishedAt,
        Map<String, String> links,
        List<Result> results,
        boolean resultsTruncated) {

    /**
     * The outcome for one requested id.
     *
     * @param id the lead id, or the text the request gave when it is not one
     */
    public record Result(Object id, BulkResultCode result, String message) {}
}
