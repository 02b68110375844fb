package dev.leadport.schedules;

import java.time.Instant;
import java.util.UUID;

/**
 * One occurrence of a schedule.
 *
 * @param scheduledFor the fire time it ran for (a caught-up run starts later than this)
 * @param status RUNNING, RETRYING (a failed attempt waits for its retry), COMPLETED or FAILED
 * @param delivery ATTACHMENT, LINK (file over the attachment limit) or NONE (no recipient)
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
        String error) {}
