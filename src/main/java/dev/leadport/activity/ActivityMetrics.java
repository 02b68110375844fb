package dev.leadport.activity;

import java.time.Instant;
import java.util.List;

/**
 * Figures over the operations that finished in a period.
 *
 * @param overall the operations: all types together but the dry runs (validations)
 * @param byType one group per operation type
 * @param byTypeAndStatus how many operations of each type ended in each status
 * @param dryRuns how many validations (dry runs, which write nothing) finished in the period
 */
record ActivityMetrics(
        Instant from,
        Instant to,
        Group overall,
        List<Group> byType,
        List<TypeStatusCount> byTypeAndStatus,
        long dryRuns) {

    /**
     * @param errorRate the share of operations that failed or completed with errors
     * @param rowErrorRate the share of processed rows that failed
     */
    public record Group(
            String type,
            long operations,
            long rowsProcessed,
            long rowsFailed,
            long failedOperations,
            long operationsWithErrors,
            Double throughputMedianRowsPerSecond,
            Double throughputP95RowsPerSecond,
            Double durationMedianMillis,
            Double durationP95Millis,
            double errorRate,
            double rowErrorRate) {

        static Group of(
                String type,
                long operations,
                long rowsProcessed,
                long rowsFailed,
                long failedOperations,
                long operationsWithErrors,
                Double throughputMedian,
                Double throughputP95,
                Double durationMedian,
                Double durationP95) {
            return new Group(
                    type,
                    operations,
                    rowsProcessed,
                    rowsFailed,
                    failedOperations,
                    operationsWithErrors,
                    throughputMedian,
                    throughputP95,
                    durationMedian,
                    durationP95,
                    operations == 0 ? 0 : (failedOperations + operationsWithErrors) / (double) operations,
                    rowsProcessed == 0 ? 0 : rowsFailed / (double) rowsProcessed);
        }
    }

    public record TypeStatusCount(String type, String status, long operations) {}
}
