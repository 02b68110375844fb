package dev.leadport.schedules;

import java.time.Instant;
import java.util.UUID;

/**
 * One occurrence of a schedule.
 *
 * @param scheduledFor the fire time it ran for (a caught-up run starts later than this)
 * @param status RUNNING, RETRYING (a failed attempt waits for its retry), COMPLETED or FAILED
 * @param delivery ATTACHMENT, LINK (file over the attachment limit), NONE (no recipient) or the destination's type
 *     (SFTP)
 * @param deliveredTo where the destination put the files (no secrets), else null
 * @param changedSince a delta run's watermark: it holds the leads created or changed from then on (null: all)
 * @param deletedRows how many deleted leads a delta run's second file lists
 */
record ScheduleRun(
        long id,
        long scheduleId,
        Instant scheduledFor,
        Instant startedAt,
        Instant finishedAt,
        String status,
        int attempts,
        Long rows,
        UUID fileId,
        String fileName,
        Long fileSize,
        String delivery,
        String deliveredTo,
        Instant changedSince,
        Long deletedRows,
        UUID deletedFileId,
        String deletedFileName,
        String error) {}
