package dev.leadport.imports;

import dev.leadport.shared.events.OperationStatus;
import java.time.Instant;

/**
 * An import as the API shows it, with live progress while it runs; {@code rowsWithWarnings} counts rows imported with
 * a value left out or kept as typed.
 */
public record ImportJobView(
        long id,
        OperationStatus status,
        String fileName,
        long fileSize,
        String format,
        String encoding,
        String delimiter,
        DuplicateMode duplicateMode,
        Long totalRows,
        long processedRows,
        long created,
        long updated,
        long skipped,
        long failed,
        Double rowsPerSecond,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        long createdById,
        String createdBy,
        String errorMessage,
        long rowsWithWarnings) {

    /** The same import with its creator's username filled in. */
    ImportJobView withCreatedBy(String username) {
        return new ImportJobView(
                id,
                status,
                fileName,
                fileSize,
                format,
                encoding,
                delimiter,
                duplicateMode,
                totalRows,
                processedRows,
                created,
                updated,
                skipped,
                failed,
                rowsPerSecond,
                createdAt,
                startedAt,
                finishedAt,
                createdById,
                username,
                errorMessage,
                rowsWithWarnings);
    }

    /** Percent done, 0..100, or null while the row count is not yet known. */
    public Integer percent() {
        if (totalRows == null) {
            return null;
        }
        return totalRows == 0 ? 100 : (int) Math.min(100, processedRows * 100 / totalRows);
    }

    /** Seconds left at the current pace, or null when not running or not known. */
    public Long secondsLeft() {
        if (status != OperationStatus.RUNNING || totalRows == null || rowsPerSecond == null || rowsPerSecond <= 0) {
            return null;
        }
        return Math.round((totalRows - processedRows) / rowsPerSecond);
    }
}
