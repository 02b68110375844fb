package dev.leadport.imports.jobs;

import dev.leadport.imports.ImportJobView;
import dev.leadport.imports.ImportsProperties;
import dev.leadport.imports.jobs.ImportJobRepository.StoredJob;
import dev.leadport.imports.pipeline.CheckedRow;
import dev.leadport.imports.pipeline.ChunkPrefetch;
import dev.leadport.imports.pipeline.FileRows;
import dev.leadport.imports.pipeline.ImportSettings;
import dev.leadport.imports.pipeline.ImportSettingsFactory;
import dev.leadport.imports.pipeline.LeadMerger;
import dev.leadport.imports.pipeline.LeadMerger.Merged;
import dev.leadport.imports.pipeline.RowCounter;
import dev.leadport.imports.pipeline.StagingWriter;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.shared.db.DatabaseAway;
import dev.leadport.shared.db.Retries;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.shared.files.FileStore;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import from its last checkpoint to the end: reads the stored file, checks rows chunk by chunk, and in one
 * transaction per chunk stages them, merges them and moves the checkpoint. A node that dies mid-import loses only
 * the uncommitted chunk; the job engine hands the import to a live node, which resumes after the checkpoint.
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobRepository jobs;
    private final FileStore files;
    private final StagingWriter staging;
    private final LeadMerger merger;
    private final ImportSettingsFactory settingsFactory;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Users users;
    private final ImportsProperties properties;
    private final Clock clock;

    ImportRunner(
            ImportJobRepository jobs,
            FileStore files,
            StagingWriter staging,
            LeadMerger merger,
            ImportSettingsFactory settingsFactory,
            TransactionTemplate tx,
            DataSource dataSource,
            ApplicationEventPublisher events,
            Users users,
            ImportsProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.files = files;
        this.staging = staging;
        this.merger = merger;
        this.settingsFactory = settingsFactory;
        this.tx = tx;
        this.dataSource = dataSource;
        this.events = events;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    public void run(long importId) {
        run(importId, Integer.MAX_VALUE);
    }

    /**
     * Runs at most {@code maxChunks} chunks; stopping early leaves the job exactly as a node that died after
     * committing that chunk would, which is how the resume tests simulate a crash.
     */
    public void run(long importId, int maxChunks) {
        Retries.whileDatabaseAway(() -> runFromCheckpoint(importId, maxChunks));
    }

    /** Picks the job up where its last committed chunk left it, and ends it unless the run was stopped early. */
    private void runFromCheckpoint(long importId, int maxChunks) {
        StoredJob job = jobs.findForRun(importId).orElse(null);
        if (job == null || job.status().isFinal()) {
            return;
        }
        CurrentUser actor = users.asCurrentUser(users.get(job.createdBy()));
        if (job.cancelRequested()) {
            end(job, actor, OperationStatus.CANCELLED, null);
            return;
        }
        if (jobs.markRunning(importId)) {
            publish(job, actor, OperationStatus.RUNNING);
        }
        Path file = null;
        try {
            file = download(job);
            Outcome outcome = mergeChunks(job, actor, file, maxChunks);
            if (outcome != Outcome.STOPPED) {
                end(job, actor, outcome == Outcome.CANCELLED ? OperationStatus.CANCELLED : null, null);
            }
        } catch (UnreadableFileException e) {
            end(job, actor, OperationStatus.FAILED, "The file cannot be read: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException away && DatabaseAway.causedBy(away)) {
                // run() waits and starts again from the checkpoint; the job engine's retries come after that.
                log.warn(
                        "Import {} paused: the database is away or kept refusing the chunk ({})",
                        importId,
                        e.getMessage());
                throw away;
            }
            log.error("Import {} failed", importId, e);
            end(job, actor, OperationStatus.FAILED, "The import stopped on an unexpected error: " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    /** How a pass through the file ended: at its end, on a cancel request, or stopped after {@code maxChunks}. */
    private enum Outcome {
        FINISHED,
        CANCELLED,
        STOPPED
    }

    /** Reads, stages and merges the chunks after the checkpoint, one transaction each, and waits for the count. */
    private Outcome mergeChunks(StoredJob job, CurrentUser actor, Path file, int maxChunks)
            throws IOException, UnreadableFileException {
        ImportSettings settings = settingsFactory.forJob(job.headers(), job.mapping(), job.options(), file, actor);
        RowCounter counter = null;
        try (FileRows rows = FileRows.open(file, settings);
                ChunkPrefetch chunks =
                        new ChunkPrefetch(rows, properties.chunkRows(), job.id(), chunk -> stage(job.id(), chunk))) {
            long through = resumeAfterCheckpoint(job, rows);
            int written = 0;
            List<CheckedRow> chunk;
            while (!(chunk = chunks.next()).isEmpty()) {
                if (counter == null) {
                    // Started once the first chunk is in hand, so the count does not slow the rows to land first.
                    counter = counter(job, file, settings);
                }
                if (written++ == maxChunks) {
                    return Outcome.STOPPED;
                }
                if (jobs.cancelRequested(job.id())) {
                    return Outcome.CANCELLED;
                }
                through = writeTimedChunk(job, actor, through, chunk);
            }
            counter = counter == null ? counter(job, file, settings) : counter;
            counter.await();
            return Outcome.FINISHED;
        } finally {
            if (counter != null) {
                counter.close();
            }
        }
    }

    /** The checkpoint row; rows an earlier run staged ahead but never merged are staged again as their chunk comes. */
    private long resumeAfterCheckpoint(StoredJob job, FileRows rows) {
        long through = job.checkpointRow();
        jobs.deleteStagingAfter(job.id(), through);
        rows.skipThrough(through);
        return through;
    }

    private long writeTimedChunk(StoredJob job, CurrentUser actor, long fromRow, List<CheckedRow> chunk) {
        long writeStart = System.nanoTime();
        long through = writeChunk(job, actor, fromRow, chunk);
        log.debug(
                "Import {}: {} rows through row {} written in {} ms",
                job.id(),
                chunk.size(),
                through,
                (System.nanoTime() - writeStart) / 1_000_000);
        return through;
    }

    /** Counts the rows alongside the import, or hands back the count an earlier run made. */
    private RowCounter counter(StoredJob job, Path file, ImportSettings settings) {
        if (job.totalRows() != null) {
            return RowCounter.known(job.totalRows());
        }
        long start = System.nanoTime();
        return RowCounter.start(file, settings, job.id(), total -> {
            jobs.setTotalRows(job.id(), total);
            log.debug("Import {}: {} rows counted in {} ms", job.id(), total, (System.nanoTime() - start) / 1_000_000);
        });
    }

    /** Called when the job engine stops retrying: the database stayed away; the import ends as failed. */
    void giveUp(long importId, String reason) {
        jobs.findForRun(importId)
                .filter(job -> !job.status().isFinal())
                .ifPresent(job -> end(
                        job,
                        users.asCurrentUser(users.get(job.createdBy())),
                        OperationStatus.FAILED,
                        "The database could not be reached for too long (" + reason + "); import again to finish."));
    }

    private static LeadMerger.Rules rules(StoredJob job) {
        return new LeadMerger.Rules(
                job.duplicateMode(), job.options().matchBy(), job.mapping().containsValue("externalId"));
    }

    /** Stages and merges one chunk with its checkpoint in one transaction; retried when PostgreSQL aborts it. */
    private long writeChunk(StoredJob job, CurrentUser actor, long fromRow, List<CheckedRow> chunk) {
        long toRow = chunk.get(chunk.size() - 1).result().row();
        return Retries.onLockConflict(
                () -> {
                    tx.executeWithoutResult(status -> {
                        int valid = writeErrors(job.id(), chunk);
                        Merged merged = merger.merge(job.id(), fromRow, toRow, rules(job), actor);
                        long invalid = chunk.size() - valid;
                        long skipped = valid - merged.created() - merged.updated() - merged.failed();
                        long warned = chunk.stream()
                                .filter(r -> r.isValid() && r.result().hasWarnings())
                                .count();
                        jobs.checkpoint(
                                job.id(),
                                toRow,
                                chunk.size(),
                                merged.created(),
                                merged.updated(),
                                skipped,
                                invalid + merged.failed(),
                                warned);
                    });
                    return toRow;
                },
                attempt -> log.info(
                        "Import {}: chunk after row {} hit a lock conflict, retrying ({})",
                        job.id(),
                        fromRow,
                        attempt));
    }

    /**
     * Stages a chunk's valid rows in a transaction of its own, on the reader thread, while the chunk before it merges.
     * Staged rows are scratch space: until the chunk's merge commits its checkpoint they count for nothing.
     */
    private void stage(long importId, List<CheckedRow> chunk) {
        tx.executeWithoutResult(status -> {
            try {
                staging.write(DataSourceUtils.getConnection(dataSource), importId, chunk);
            } catch (SQLException e) {
                throw new SQLStateSQLExceptionTranslator().translate("COPY into staging", null, e);
            }
        });
    }

    private int writeErrors(long importId, List<CheckedRow> chunk) {
        try {
            return staging.writeErrors(DataSourceUtils.getConnection(dataSource), importId, chunk);
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("COPY into import_row_error", null, e);
        }
    }

    /** Ends the job: status from the counters unless given, event, staging cleared. */
    private void end(StoredJob job, CurrentUser actor, OperationStatus status, String error) {
        OperationStatus result = status;
        if (result == null) {
            ImportJobView view = jobs.find(job.id()).orElseThrow();
            result = view.failed() > 0 ? OperationStatus.COMPLETED_WITH_ERRORS : OperationStatus.COMPLETED;
        }
        // Staging goes first: once the job reads as finished, nothing of it is left behind.
        jobs.deleteStaging(job.id());
        jobs.finish(job.id(), result, error);
        publish(job, actor, result);
    }

    private void publish(StoredJob job, CurrentUser actor, OperationStatus status) {
        ImportJobView view = jobs.find(job.id()).orElseThrow();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("fileName", view.fileName());
        parameters.put("fileSize", view.fileSize());
        parameters.put("duplicateMode", view.duplicateMode().name());
        parameters.put("mapping", job.mapping());
        parameters.put("rowsWithWarnings", view.rowsWithWarnings());
        List<String> summary = new java.util.ArrayList<>();
        if (view.failed() > 0) {
            summary.add(view.failed() + " rows failed");
        }
        if (view.rowsWithWarnings() > 0) {
            summary.add(view.rowsWithWarnings() + " rows imported with warnings");
        }
        if (view.errorMessage() != null) {
            summary.add(view.errorMessage());
        }
        String errors = summary.isEmpty() ? null : String.join("; ", summary);
        events.publishEvent(OperationEvent.builder(OperationType.IMPORT, String.valueOf(job.id()), status)
                .actor(actor.id(), actor.username())
                .time(
                        view.startedAt() == null ? clock.instant() : view.startedAt(),
                        status.isFinal() ? finishedAt(view) : null)
                .counts(new OperationEvent.Counts(
                        view.totalRows() == null ? 0 : view.totalRows(),
                        view.processedRows(),
                        view.created(),
                        view.updated(),
                        view.skipped(),
                        view.failed()))
                .parameters(parameters)
                .errorSummary(errors)
                .links(Map.of(
                        "details", "/import?job=" + job.id(),
                        "errors", "/api/leads/import-export/imports/" + job.id() + "/errors"))
                .build());
    }

    private Instant finishedAt(ImportJobView view) {
        return view.finishedAt() == null ? clock.instant() : view.finishedAt();
    }

    private Path download(StoredJob job) throws IOException {
        long start = System.nanoTime();
        Path file = Files.createTempFile("leadport-import-" + job.id() + "-", ".upload");
        try (InputStream in = files.open(job.fileId())) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        log.debug("Import {}: upload read back in {} ms", job.id(), (System.nanoTime() - start) / 1_000_000);
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
