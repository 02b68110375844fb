package dev.leadport.exports;

import dev.leadport.shared.events.OperationStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A background export as stored: its request, how far it got and, once written, its file.
 *
 * @param total the leads the filter selected when the job started, or null before
 * @param fileId the stored file, or null before it is written and after its retention passed
 */
record ExportJob(
        long id,
        long actorId,
        OperationStatus status,
        ExportJobRequest request,
        Long total,
        long rowsWritten,
        UUID fileId,
        String fileName,
        Long fileSize,
        Instant expiresAt,
        String error,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {}
