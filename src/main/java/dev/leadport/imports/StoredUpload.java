package dev.leadport.imports;

import dev.leadport.shared.files.StoredFile;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An upload kept in the file store under an id that later dry runs, edits and the import refer to. */
record StoredUpload(
        UUID id,
        StoredFile file,
        String fileName,
        long fileSize,
        long ownerId,
        List<String> headers,
        Long totalRows,
        int changesVersion,
        Instant createdAt) {}
