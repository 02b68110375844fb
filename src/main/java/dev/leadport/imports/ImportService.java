package dev.leadport.imports;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.leadport.imports.jobs.ErrorReport;
import dev.leadport.imports.jobs.ImportJob;
import dev.leadport.imports.jobs.ImportJobRepository;
import dev.leadport.imports.jobs.ImportUndo;
import dev.leadport.imports.mapping.SavedMappings;
import dev.leadport.imports.pipeline.CheckedRow;
import dev.leadport.imports.pipeline.FileRows;
import dev.leadport.imports.pipeline.ImportPlanner;
import dev.leadport.imports.pipeline.ImportSettings;
import dev.leadport.imports.pipeline.ImportSettingsFactory;
import dev.leadport.imports.pipeline.StagingWriter;
import dev.leadport.imports.reading.FileFacts;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.shared.ConflictException;
import dev.leadport.shared.ForbiddenException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The imports module's facade: validate a file (a full dry run), start an import, follow it, cancel or undo it, and
 * fetch its error report.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final ImportJobRepository jobs;
    private final ImportSettingsFactory settingsFactory;
    private final StagingWriter staging;
    private final ImportPlanner planner;
    private final ImportUndo undo;
    private final ErrorReport errorReport;
    private final SavedMappings savedMappings;
    private final FileStore files;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> importTask;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final Users users;
    private final ImportsProperties properties;
    private final Clock clock;

    ImportService(
            ImportJobRepository jobs,
            ImportSettingsFactory settingsFactory,
            StagingWriter staging,
            ImportPlanner planner,
            ImportUndo undo,
            ErrorReport errorReport,
            SavedMappings savedMappings,
            FileStore files,
            Scheduler scheduler,
            OneTimeTask<Void> leadImportTask,
            TransactionTemplate tx,
            DataSource dataSource,
            ApplicationEventPublisher events,
            Users users,
            ImportsProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.settingsFactory = settingsFactory;
        this.staging = staging;
        this.planner = planner;
        this.undo = undo;
        this.errorReport = errorReport;
        this.savedMappings = savedMappings;
        this.files = files;
        this.scheduler = scheduler;
        this.importTask = leadImportTask;
        this.tx = tx;
        this.dataSource = dataSource;
        this.events = events;
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    /** An uploaded file, spooled to a local temporary file by the caller. */
    public record Upload(String fileName, long size, Path path) {}

    /** What the user chose: the mapping (header to target, or null to suggest), options and duplicate mode. */
    public record ImportRequest(
            Map<String, String> mapping, ImportRequestOptions options, DuplicateMode duplicateMode) {

        /** This request reading the file in the given encoding and from the given header row (null: detect). */
        public ImportRequest readingAs(String encoding, Integer headerRow) {
            ImportRequestOptions o = options == null ? new ImportRequestOptions(null, null, null) : options;
            return new ImportRequest(
                    mapping,
                    new ImportRequestOptions(o.defaultRegion(), o.dateOrder(), o.statusValues(), encoding, headerRow),
                    duplicateMode);
        }
    }

    /** Runs the whole file through the import's path (read, check, stage, plan) and rolls everything back. */
    public ValidationReport validate(Upload upload, ImportRequest request, CurrentUser actor) {
        Instant started = clock.instant();
        String operationId = "validation-" + started.toEpochMilli() + "-"
                + ThreadLocalRandom.current().nextInt(1000);
        ImportSettings settings = settings(upload, request, actor);
        long scratchId = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        ValidationReport report = tx.execute(status -> {
            status.setRollbackOnly();
            return dryRun(upload, request, settings, scratchId, actor, started);
        });
        events.publishEvent(new OperationEvent(
                OperationType.VALIDATION,
                operationId,
                report.invalidRows() + report.wouldFail() > 0
                        ? OperationStatus.COMPLETED_WITH_ERRORS
                        : OperationStatus.COMPLETED,
                actor.id(),
                actor.username(),
                started,
                clock.instant(),
                new OperationEvent.Counts(
                        report.totalRows(),
                        report.totalRows(),
                        report.wouldCreate(),
                        report.wouldUpdate(),
                        report.wouldSkip(),
                        report.invalidRows() + report.wouldFail()),
                Map.of(
                        "fileName",
                        upload.fileName(),
                        "fileSize",
                        upload.size(),
                        "duplicateMode",
                        report.duplicateMode().name()),
                report.errorsTotal() == 0 ? null : report.errorsTotal() + " row problems found",
                Map.of()));
        return report;
    }

    private ValidationReport dryRun(
            Upload upload,
            ImportRequest request,
            ImportSettings settings,
            long scratchId,
            CurrentUser actor,
            Instant started) {
        List<RowProblem> errors = new ArrayList<>();
        List<Map<String, Object>> sample = new ArrayList<>();
        long total = 0;
        long valid = 0;
        long errorsTotal = 0;
        try (FileRows rows = FileRows.open(upload.path(), settings)) {
            List<CheckedRow> chunk;
            while (!(chunk = rows.next(properties.chunkRows())).isEmpty()) {
                total += chunk.size();
                valid += stage(scratchId, chunk);
                for (CheckedRow row : chunk) {
                    if (!row.isValid()) {
                        errorsTotal += row.result().problems().size();
                        for (RowProblem p : row.result().problems()) {
                            if (errors.size() < properties.maxErrorsInResponse()) {
                                errors.add(p);
                            }
                        }
                    } else if (sample.size() < properties.sampleRows()) {
                        sample.add(LeadDraftView.of(row));
                    }
                }
            }
            ImportPlanner.Plan plan = planner.plan(scratchId, actor);
            DuplicateMode mode = mode(request);
            FileFacts facts = rows.facts();
            return new ValidationReport(
                    upload.fileName(),
                    facts.format(),
                    facts.encoding(),
                    facts.delimiter(),
                    facts.headers(),
                    rows.mappedColumns(),
                    settings.savedMappingApplied(),
                    mode,
                    total,
                    valid,
                    total - valid,
                    plan.duplicatesInFile(),
                    plan.matchesExisting(),
                    plan.wouldCreate(),
                    plan.wouldUpdate(mode),
                    plan.wouldSkip(mode),
                    plan.wouldFail(mode),
                    errors,
                    errorsTotal,
                    sample,
                    clock.instant().toEpochMilli() - started.toEpochMilli(),
                    new ValidationReport.Reading(
                            facts.headerRow(),
                            facts.encodingCertain(),
                            facts.encodingConfidence(),
                            facts.encodingAlternatives()),
                    settings.mapping().feeds());
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read: " + e.getMessage());
        } catch (UnreadableFileException e) {
            throw new InvalidInputException("file", "The file cannot be read: " + e.getMessage());
        }
    }

    /** Stores the file where every node can read it and queues the import; answers at once. */
    public ImportJobView start(Upload upload, ImportRequest request, CurrentUser actor) {
        ImportSettings settings = settings(upload, request, actor);
        FileFacts facts;
        try (FileRows rows = FileRows.open(upload.path(), settings)) {
            facts = rows.facts();
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read: " + e.getMessage());
        } catch (UnreadableFileException e) {
            throw new InvalidInputException("file", "The file cannot be read: " + e.getMessage());
        }
        requireKnownEncoding(facts, options(request));
        // The job reads the file exactly as this request did: same encoding, same header row.
        ImportRequestOptions readAs = options(request).readWith(facts.charsetName(), facts.headerRow());
        StoredFile stored;
        long storeStart = System.nanoTime();
        try (InputStream in = Files.newInputStream(upload.path())) {
            stored = files.save(
                    upload.fileName(), "application/octet-stream", actor.id(), in, properties.fileRetention());
            log.debug(
                    "Upload of {} bytes stored in {} ms", stored.size(), (System.nanoTime() - storeStart) / 1_000_000);
        } catch (IOException e) {
            throw new InvalidInputException("file", "The upload could not be read: " + e.getMessage());
        }
        Map<String, String> mapping = settings.mapping().toSaved();
        savedMappings.save(facts.headers(), mapping, actor);
        long id = tx.execute(status -> {
            long jobId = jobs.insert(
                    stored.id(), stored.name(), stored.size(), facts, mapping, readAs, mode(request), actor.id());
            ImportJob.schedule(scheduler, importTask, jobId, clock);
            return jobId;
        });
        // Scheduled inside the transaction (no job without its task); now that it is committed, start it here.
        scheduler.triggerCheckForDueExecutions();
        return get(id, actor);
    }

    public ImportJobView get(long id, CurrentUser actor) {
        ImportJobView view = jobs.find(id).orElseThrow(() -> new NotFoundException("There is no import " + id + "."));
        if (!actor.seesAllLeads() && view.createdById() != actor.id()) {
            throw new ForbiddenException("Import " + id + " was started by another user.");
        }
        return named(List.of(view)).get(0);
    }

    public List<ImportJobView> list(CurrentUser actor, int size, Long before) {
        return named(jobs.list(actor.seesAllLeads() ? null : actor.id(), Math.max(1, Math.min(size, 200)), before));
    }

    /** Asks the import to stop after its current chunk; rows already merged stay (undo removes them). */
    public ImportJobView cancel(long id, CurrentUser actor) {
        get(id, actor);
        jobs.requestCancel(id);
        return get(id, actor);
    }

    /** Undoes a finished import; a running one must be cancelled first. */
    public ImportUndo.UndoResult undo(long id, CurrentUser actor) {
        ImportJobView view = get(id, actor);
        if (view.status() == OperationStatus.UNDONE) {
            throw new ConflictException("status", "Import " + id + " was undone already.");
        }
        if (!view.status().isFinal()) {
            throw new ConflictException("status", "Import " + id + " is still running; cancel it first, then undo.");
        }
        Instant started = clock.instant();
        ImportUndo.UndoResult result = tx.execute(status -> {
            ImportUndo.UndoResult r = undo.undo(id);
            jobs.markUndone(id);
            return r;
        });
        events.publishEvent(new OperationEvent(
                OperationType.IMPORT_UNDO,
                String.valueOf(id),
                result.keptTotal() > 0 ? OperationStatus.COMPLETED_WITH_ERRORS : OperationStatus.COMPLETED,
                actor.id(),
                actor.username(),
                started,
                clock.instant(),
                new OperationEvent.Counts(
                        result.deleted() + result.restored() + result.keptTotal(),
                        result.deleted() + result.restored() + result.keptTotal(),
                        0,
                        result.restored(),
                        result.keptTotal(),
                        0),
                Map.of("importId", id, "fileName", view.fileName(), "deleted", result.deleted()),
                result.keptTotal() == 0 ? null : result.keptTotal() + " leads changed since the import were kept",
                Map.of("details", "/import?job=" + id)));
        return result;
    }

    /** The import, when its upload is still kept (the error report is rebuilt from it). */
    public ImportJobView requireErrorReport(long id, CurrentUser actor) {
        requireUpload(id, actor);
        return get(id, actor);
    }

    private ImportJobRepository.StoredJob requireUpload(long id, CurrentUser actor) {
        get(id, actor);
        ImportJobRepository.StoredJob job = jobs.findForRun(id).orElseThrow();
        if (job.fileId() == null) {
            throw new NotFoundException("The upload of import " + id + " is no longer kept (retention "
                    + properties.fileRetention().toDays() + " days), so its error report cannot be made again.");
        }
        return job;
    }

    /** Streams the error report: the user's failed rows with the reasons appended. */
    public void writeErrors(long id, CurrentUser actor, OutputStream out) throws IOException {
        ImportJobRepository.StoredJob job = requireUpload(id, actor);
        try {
            errorReport.write(job, out);
        } catch (UnreadableFileException e) {
            throw new IOException("the stored upload cannot be read: " + e.getMessage(), e);
        }
    }

    /** Text in an encoding the detector is unsure of is imported only once the user has named the encoding. */
    private static void requireKnownEncoding(FileFacts facts, ImportRequestOptions options) {
        if (facts.encoding() == null || facts.encodingCertain() || options.encoding() != null) {
            return;
        }
        String others = facts.encodingAlternatives().isEmpty()
                ? ""
                : " (or perhaps " + String.join(", ", facts.encodingAlternatives()) + ")";
        throw new InvalidInputException(
                "encoding",
                "The file's encoding could not be told for sure: it looks like " + facts.charsetName() + others
                        + ". Check the rows in the dry run and send the encoding (for example encoding="
                        + facts.charsetName() + ") to import it, so that no text is stored garbled.");
    }

    private int stage(long scratchId, List<CheckedRow> chunk) {
        try {
            return staging.write(DataSourceUtils.getConnection(dataSource), scratchId, chunk);
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("COPY into staging", null, e);
        }
    }

    private ImportSettings settings(Upload upload, ImportRequest request, CurrentUser actor) {
        return settingsFactory.forUpload(upload.path(), request.mapping(), options(request), actor);
    }

    private static ImportRequestOptions options(ImportRequest request) {
        return request.options() == null ? new ImportRequestOptions(null, null, null) : request.options();
    }

    private static DuplicateMode mode(ImportRequest request) {
        return request.duplicateMode() == null ? DuplicateMode.SKIP : request.duplicateMode();
    }

    private List<ImportJobView> named(List<ImportJobView> views) {
        Map<Long, String> names =
                users.all().stream().collect(Collectors.toMap(UserAccount::id, UserAccount::username, (a, b) -> a));
        return views.stream()
                .map(v -> v.withCreatedBy(names.get(v.createdById())))
                .toList();
    }
}
