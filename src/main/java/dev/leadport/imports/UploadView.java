package dev.leadport.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored upload as the API shows it: its id (send it as {@code uploadId} to validate and import instead of the
 * file), how the file was read, its headers with the suggested target of each, and its row count when counting was
 * cheap (small files) or a check has counted it (else null).
 */
public record UploadView(
        UUID uploadId,
        String fileName,
        long fileSize,
        String format,
        String encoding,
        String delimiter,
        List<String> headers,
        List<Column> columns,
        Long totalRows,
        boolean savedMappingApplied,
        Instant createdAt,
        Instant expiresAt) {

    /** One column: its header, the suggested target and how sure the suggestion is (0..1). */
    public record Column(int index, String header, String target, double confidence) {}
}
