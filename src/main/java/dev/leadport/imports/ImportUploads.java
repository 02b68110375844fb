package dev.leadport.imports;

import dev.leadport.imports.pipeline.FileRows;
import dev.leadport.imports.pipeline.ImportSettings;
import dev.leadport.imports.pipeline.ImportSettingsFactory;
import dev.leadport.imports.pipeline.RowCounter;
import dev.leadport.imports.reading.FileFacts;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.reading.UploadReadProblem;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import dev.leadport.users.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploads stored once: the file goes into the file store (with the uploads' retention) under an id that belongs to
 * the user who sent it; later steps read it back from there instead of receiving it again.
 */
@Service
class ImportUploads {

    /** Files up to this size are counted as they are stored; larger ones are counted by their first check. */
    static final long COUNT_AT_ONCE_BYTES = 8L * 1024 * 1024;

    private final UploadRepository uploads;
    private final ImportSettingsFactory settingsFactory;
    private final FileStore files;
    private final TransactionTemplate tx;
    private final ImportsProperties properties;
    private final ImportService imports;

    ImportUploads(
            UploadRepository uploads,
            ImportSettingsFactory settingsFactory,
            FileStore files,
            TransactionTemplate tx,
            ImportsProperties properties,
            ImportService imports) {
        this.uploads = uploads;
        this.settingsFactory = settingsFactory;
        this.files = files;
        this.tx = tx;
        this.properties = properties;
        this.imports = imports;
    }

    /** Reads the file's headers and suggested mapping, then stores it once. */
    UploadView store(ImportService.Upload upload, CurrentUser actor) {
        ImportSettings settings =
                settingsFactory.forUpload(upload.path(), null, new ImportRequestOptions(null, null, null), actor);
        FileFacts facts;
        try (FileRows rows = FileRows.open(upload.path(), settings)) {
            facts = rows.facts();
        } catch (IOException | UnreadableFileException e) {
            throw UploadReadProblem.of(e);
        }
        Long total = upload.size() <= COUNT_AT_ONCE_BYTES ? count(upload.path(), settings) : null;
        UUID id = UUID.randomUUID();
        StoredUpload stored = tx.execute(status -> {
            StoredFile file;
            try (InputStream in = Files.newInputStream(upload.path())) {
                file = files.save(
                        upload.fileName(), "application/octet-stream", actor.id(), in, properties.fileRetention());
            } catch (IOException e) {
                throw new InvalidInputException("file", "The upload could not be read: " + e.getMessage());
            }
            uploads.insert(id, file.id(), upload.fileName(), upload.size(), actor.id(), facts.headers(), total);
            return uploads.find(id).orElseThrow();
        });
        return view(stored, facts, settings);
    }

    /** Starts the import of a stored upload without storing its file again; the import applies its changes. */
    ImportJobView start(UUID uploadId, ImportService.ImportRequest request, CurrentUser actor) {
        StoredUpload upload = require(uploadId, actor);
        return withCopy(upload, file -> imports.start(file, request, actor, upload));
    }

    /** The upload, if it is the actor's own; anyone else's is as unknown as an id that never existed. */
    StoredUpload require(UUID id, CurrentUser actor) {
        return uploads.find(id)
                .filter(u -> u.ownerId() == actor.id())
                .orElseThrow(() -> new NotFoundException("There is no upload " + id + " of yours; uploads are kept "
                        + properties.fileRetention().toDays() + " days."));
    }

    /** The upload's facts and suggested mapping, read again from the stored file. */
    UploadView describe(StoredUpload upload, CurrentUser actor) {
        return withCopy(upload, path -> {
            ImportSettings settings =
                    settingsFactory.forUpload(path.path(), null, new ImportRequestOptions(null, null, null), actor);
            try (FileRows rows = FileRows.open(path.path(), settings)) {
                return view(upload, rows.facts(), settings);
            } catch (IOException | UnreadableFileException e) {
                throw UploadReadProblem.of(e);
            }
        });
    }

    /** Copies the stored file to a private temporary file for the action, and removes it afterwards. */
    <T> T withCopy(StoredUpload upload, java.util.function.Function<ImportService.Upload, T> action) {
        Path path = null;
        try {
            path = Files.createTempFile("leadport-upload-" + upload.id() + "-", ".tmp");
            try (InputStream in = files.open(upload.file().id())) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return action.apply(new ImportService.Upload(upload.fileName(), upload.fileSize(), path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the stored upload " + upload.id() + " cannot be read", e);
        } finally {
            if (path != null) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // A temporary file left behind is removed with the node's temporary directory.
                }
            }
        }
    }

    private static long count(Path file, ImportSettings settings) {
        try (RowCounter counter = RowCounter.start(file, settings, 0, rows -> {})) {
            return counter.await();
        } catch (IOException | UnreadableFileException e) {
            throw UploadReadProblem.of(e);
        }
    }

    private static UploadView view(StoredUpload upload, FileFacts facts, ImportSettings settings) {
        return new UploadView(
                upload.id(),
                upload.fileName(),
                upload.fileSize(),
                facts.format(),
                facts.encoding(),
                facts.delimiter(),
                facts.headers(),
                settings.mapping().columns().stream()
                        .map(c -> new UploadView.Column(
                                c.index(), c.header(), c.target().toString(), c.confidence()))
                        .toList(),
                upload.totalRows(),
                settings.savedMappingApplied(),
                upload.createdAt(),
                upload.file().expiresAt());
    }
}
