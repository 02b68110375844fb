package dev.leadport.imports;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A dry run of a stored upload that runs as a job: its state (QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED), the
 * rows checked so far of how many ({@code totalRows} is null until counted), percent and seconds left, and once
 * completed the validation report, as {@code POST /validate} answers it for a file.
 */
public record UploadCheckView(
        long checkId,
        UUID uploadId,
        String status,
        String duplicateMode,
        long checkedRows,
        Long totalRows,
        Integer percent,
        Long secondsLeft,
        Instant startedAt,
        Instant finishedAt,
        String errorMessage,
        JsonNode report) {}
