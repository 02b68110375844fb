package dev.leadport.exports;

import dev.leadport.shared.events.OperationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A background export as the API shows it.
 *
 * @param rows rows written so far (all of them once COMPLETED)
 * @param total leads the filter selected when the job started, or null while QUEUED
 * @param progress whole percent of {@code total} written; 100 once COMPLETED
 * @param fileSize bytes of the stored file, once COMPLETED
 * @param expiresAt when the file is deleted; the download answers 404 after it
 * @param links {@code self}, and {@code file} once the file can be downloaded
 */
record ExportJobView(
        long exportId,
        OperationStatus status,
        String format,
        List<String> fields,
        Map<String, Object> filters,
        long rows,
        Long total,
        int progress,
        String fileName,
        Long fileSize,
        Instant expiresAt,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Map<String, String> links) {}
