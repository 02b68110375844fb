package dev.leadport.imports;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.leadport.imports.jobs.ErrorReport;
import dev.leadport.imports.jobs.ImportJobRepository;
import dev.leadport.imports.jobs.ImportTasks;
import dev.leadport.imports.jobs.ImportUndo;
import dev.leadport.imports.jobs.SuccessReport;
import dev.leadport.imports.mapping.SavedMappings;
import dev.leadport.imports.pipeline.FileRows;
import dev.leadport.imports.pipeline.ImportSettings;
import dev.leadport.imports.pipeline.ImportSettingsFactory;
import dev.leadport.imports.reading.FileFacts;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.reading.UploadReadProblem;
import dev.leadport.leads.CustomFields;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
    private final ImportDryRun dryRun;
    private final ImportUndo undo;
    private final ErrorReport errorReport;
    private final SuccessReport successReport;
    private final SavedMappings savedMappings;
    private final FileStore files;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> importTask;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Users users;
    private final CustomFields customFields;
    private final ImportsProperties properties;
    private final Clock clock;

    ImportService(
            ImportJobRepository jobs,
            ImportSettingsFactory settingsFactory,
            ImportDryRun dryRun,
            ImportUndo undo,
            ErrorReport errorReport,
            SuccessReport successReport,
            SavedMappings savedMappings,
            FileStore files,
            Scheduler scheduler,
            OneTimeTask<Void> leadImportTask,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Users users,
            CustomFields customFields,
            ImportsProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.settingsFactory = settingsFactory;
        this.dryRun = dryRun;
        this.undo = undo;
        this.errorReport = errorReport;
        this.successReport = successReport;
        this.savedMappings = savedMappings;
        this.files = files;
        this.scheduler = scheduler;
        this.importTask = leadImportTask;
        this.tx = tx;
        this.events = events;
        this.users = users;
        this.customFields = customFields;
        this.properties = properties;
        this.clock = clock;
    }

    /** An uploaded file, spooled to a local temporary file by the caller. */
    public record Upload(String fileName, long size, Path path) {}

    /**
     * What the user chose: the mapping (header to target, or null to suggest), options and duplicate mode, and for an
     * import the token of the dry run the user reviewed (only then is the mapping saved for next time).
     */
    public record ImportRequest(
            Map<String, String> mapping,
            ImportRequestOptions options,
            DuplicateMode duplicateMode,
            String reviewToken,
            boolean publishMapping) {

        public ImportRequest(Map<String, String> mapping, ImportRequestOptions options, DuplicateMode duplicateMode) {
            this(mapping, options, duplicateMode, null, false);
        }

        /** This request matching existing leads by the given key. */
        public ImportRequest matchingBy(MatchKey key) {
            ImportRequestOptions o = options == null ? new ImportRequestOptions(null, null, null) : options;
            return new ImportRequest(mapping, o.matchingBy(key), duplicateMode, reviewToken, publishMapping);
        }

        /** This request reading the file in the given encoding and from the given header row (null: detect). */
        public ImportRequest readingAs(String encoding, Integer headerRow) {
            ImportRequestOptions o = options == null ? new ImportRequestOptions(null, null, null) : options;
            return new ImportRequest(
                    mapping, o.readWith(encoding, headerRow), duplicateMode, reviewToken, publishMapping);
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
            return dryRun.run(upload, mode(request), settings, scratchId, actor, started);
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
                        report.duplicateMode().name(),
                        "rowsWithWarnings",
                        report.rowsWithWarnings()),
                validationSummary(report),
                Map.of()));
        return report;
    }

    private static String validationSummary(ValidationReport report) {
        List<String> parts = new ArrayList<>();
        if (report.errorsTotal() > 0) {
            parts.add(report.errorsTotal() + " row problems found");
        }
        if (report.rowsWithWarnings() > 0) {
            parts.add(report.rowsWithWarnings() + " rows would be imported with warnings");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** Stores the file where every node can read it and queues the import; answers at once. */
    public ImportJobView start(Upload upload, ImportRequest request, CurrentUser actor) {
        ImportSettings settings = settings(upload, request, actor);
        FileFacts facts;
        try (FileRows rows = FileRows.open(upload.path(), settings)) {
            facts = rows.facts();
            if (rows.next(1).isEmpty()) {
                throw new InvalidInputException("file", "The file has no data rows, only a header line.");
            }
        } catch (IOException | UnreadableFileException e) {
            throw UploadReadProblem.of(e);
        }
        requireKnownEncoding(facts, options(request));
        // The job reads the file exactly as this request did: same encoding, same header row.
        ImportRequestOptions readAs = settings.requested().readWith(facts.charsetName(), facts.headerRow());
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
        // The options an admin maps values onto exist before the job reads the field definitions.
        settings.requested().newOptions().forEach(customFields::addOptions);
        Map<String, String> mapping = settings.mapping().toSaved();
        // Saved for the next file of this shape only when the user reviewed exactly this mapping in a dry run.
        boolean reviewed = reviewToken(settings, facts.headers(), actor).equals(request.reviewToken());
        if (request.publishMapping() && (!actor.isAdmin() || !reviewed)) {
            throw actor.isAdmin()
                    ? new InvalidInputException(
                            "publishMapping", "only a mapping reviewed in a dry run (its reviewToken) can be published")
                    : new ForbiddenException("Only an admin can publish a mapping for everybody.");
        }
        if (reviewed) {
            savedMappings.save(facts.headers(), mapping, settings.requested().valueMaps(), actor);
            if (request.publishMapping()) {
                savedMappings.publish(
                        savedMappings.find(facts.headers(), actor).orElseThrow().id(), actor);
            }
        }
        long id = tx.execute(status -> {
            long jobId = jobs.insert(
                    stored.id(), stored.name(), stored.size(), facts, mapping, readAs, mode(request), actor.id());
            ImportTasks.schedule(scheduler, importTask, jobId, clock);
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
        // One user, not all of them: the progress stream asks for this every half second.
        return view.withCreatedBy(
                users.find(view.createdById()).map(UserAccount::username).orElse(null));
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
            ImportUndo.UndoResult r = undo.undo(id, actor.id());
            jobs.markUndone(id);
            return r;
        });
        OperationStatus status =
                result.keptTotal() > 0 ? OperationStatus.COMPLETED_WITH_ERRORS : OperationStatus.COMPLETED;
        long touched = result.deleted() + result.restored() + result.keptTotal();
        events.publishEvent(OperationEvent.builder(OperationType.IMPORT_UNDO, String.valueOf(id), status)
                .actor(actor.id(), actor.username())
                .time(started, clock.instant())
                .counts(new OperationEvent.Counts(touched, touched, 0, result.restored(), result.keptTotal(), 0))
                .parameters(Map.of("importId", id, "fileName", view.fileName(), "deleted", result.deleted()))
                .errorSummary(
                        result.keptTotal() == 0
                                ? null
                                : result.keptTotal() + " leads changed since the import were kept")
                .links(Map.of("details", "/import?job=" + id))
                .build());
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

    /**
     * The import, when its success file can still be made: not undone, and kept as long as its upload (the same
     * retention as the error report).
     */
    public ImportJobView requireSuccessReport(long id, CurrentUser actor) {
        ImportJobView view = get(id, actor);
        if (view.status() == OperationStatus.UNDONE) {
            throw new ConflictException("status", "Import " + id + " was undone, so none of its rows landed any more.");
        }
        if (jobs.findForRun(id).orElseThrow().fileId() == null) {
            throw new NotFoundException("Import " + id + " is older than the retention ("
                    + properties.fileRetention().toDays() + " days), so its success file is no longer kept.");
        }
        return view;
    }

    /** Streams the success file: every row that landed, with its lead and what happened to it. */
    public void writeSuccess(long id, CurrentUser actor, OutputStream out) {
        requireSuccessReport(id, actor);
        successReport.write(id, out);
    }

    private String reviewToken(ImportSettings settings, List<String> headers, CurrentUser actor) {
        return savedMappings.reviewToken(
                actor,
                headers,
                settings.mapping().toSaved(),
                settings.requested().valueMaps());
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
        Map<Long, String> names = users.usernamesById();
        return views.stream()
                .map(v -> v.withCreatedBy(names.get(v.createdById())))
                .toList();
    }
}
