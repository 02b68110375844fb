package dev.leadport.imports;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.leadport.imports.pipeline.CheckedRow;
import dev.leadport.imports.pipeline.ImportPlanner;
import dev.leadport.imports.pipeline.ImportSettings;
import dev.leadport.imports.pipeline.RowChanges;
import dev.leadport.imports.pipeline.RowCounter;
import dev.leadport.imports.pipeline.UploadChanges;
import dev.leadport.shared.NotFoundException;
import dev.leadport.shared.db.DatabaseAway;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dry runs of stored uploads. A small file is checked at once; a large one is checked by a job of the job engine whose
 * progress any node can report and cancel. The result is stored with what it was made from (mapping, options, the
 * upload's changes), so asking again with only another duplicate mode answers from it without reading the file.
 * Each check also rebuilds the upload's index of rows with problems, which the review grid pages.
 */
@Service
class UploadChecks {

    private static final Logger log = LoggerFactory.getLogger(UploadChecks.class);

    /** Uploads up to this size are checked within the request; larger ones by a job. */
    static final long AT_ONCE_BYTES = 2L * 1024 * 1024;

    /** Sorted keys, so the same choices always give the same fingerprint. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final UploadRepository uploads;
    private final ImportUploads store;
    private final ImportService imports;
    private final UploadChanges changes;
    private final ProblemRows problems;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> checkTask;
    private final TransactionTemplate tx;
    private final TransactionTemplate own;
    private final JsonMapper json;
    private final Users users;
    private final Clock clock;

    UploadChecks(
            UploadRepository uploads,
            ImportUploads store,
            ImportService imports,
            UploadChanges changes,
            ProblemRows problems,
            Scheduler scheduler,
            OneTimeTask<Void> importCheckTask,
            TransactionTemplate tx,
            PlatformTransactionManager transactions,
            JsonMapper json,
            Users users,
            Clock clock) {
        this.uploads = uploads;
        this.store = store;
        this.imports = imports;
        this.changes = changes;
        this.problems = problems;
        this.scheduler = scheduler;
        this.checkTask = importCheckTask;
        this.tx = tx;
        this.own = new TransactionTemplate(transactions);
        // Progress and the problem index are kept while the dry run's own transaction is rolled back.
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.users = users;
        this.clock = clock;
    }

    /** The answer to a validation by upload id: the report at once, or the check job to follow. */
    record Answer(JsonNode report, UploadCheckView check) {}

    Answer validate(UUID uploadId, ImportService.ImportRequest request, CurrentUser actor, boolean background) {
        StoredUpload upload = store.require(uploadId, actor);
        DuplicateMode mode = request.duplicateMode() == null ? DuplicateMode.SKIP : request.duplicateMode();
        String fingerprint = fingerprint(request, upload.changesVersion());
        var done = uploads.latestCompleted(uploadId, fingerprint);
        if (done.isPresent()) {
            // Only the duplicate mode changed (or nothing): the counts for it come from the stored plan.
            return new Answer(reportFor(done.get(), mode, true), null);
        }
        String asked = json.writeValueAsString(request);
        if (!background && upload.fileSize() <= AT_ONCE_BYTES) {
            long id = uploads.insertCheck(uploadId, actor.id(), fingerprint, asked, mode.name(), "RUNNING");
            return new Answer(run(id, upload, request, actor, true), null);
        }
        long id = tx.execute(status -> {
            long checkId = uploads.insertCheck(uploadId, actor.id(), fingerprint, asked, mode.name(), "QUEUED");
            scheduler.scheduleIfNotExists(checkTask.instance(String.valueOf(checkId)), clock.instant());
            return checkId;
        });
        scheduler.triggerCheckForDueExecutions();
        return new Answer(null, view(uploads.findCheck(id).orElseThrow()));
    }

    UploadCheckView get(UUID uploadId, long checkId, CurrentUser actor) {
        return view(requireCheck(uploadId, checkId, actor));
    }

    /** Stops the check after its current chunk; a check still queued never starts. */
    UploadCheckView cancel(UUID uploadId, long checkId, CurrentUser actor) {
        UploadRepository.Check check = requireCheck(uploadId, checkId, actor);
        uploads.requestCancel(check.id());
        if (check.status().equals("QUEUED")) {
            uploads.end(check.id(), "CANCELLED", null);
        }
        return view(uploads.findCheck(checkId).orElseThrow());
    }

    /** The job engine's entry: runs a queued check (again from the file's start after a node died). */
    void runQueued(long checkId) {
        UploadRepository.Check check = uploads.findCheck(checkId).orElse(null);
        if (check == null || check.isFinal()) {
            return;
        }
        if (check.cancelRequested()) {
            uploads.end(checkId, "CANCELLED", null);
            return;
        }
        if (!uploads.markRunning(checkId)) {
            return;
        }
        StoredUpload upload = uploads.find(check.uploadId()).orElse(null);
        if (upload == null) {
            uploads.end(checkId, "FAILED", "The upload is no longer kept.");
            return;
        }
        CurrentUser actor = users.asCurrentUser(users.get(check.createdBy()));
        try {
            run(checkId, upload, json.readValue(check.request(), ImportService.ImportRequest.class), actor, false);
        } catch (RuntimeException e) {
            if (DatabaseAway.causedBy(e)) {
                throw e;
            }
            log.info("Check {} of upload {} failed: {}", checkId, upload.id(), e.getMessage());
        }
    }

    /** Runs the dry run with the upload's changes, keeping progress and the problem index; stores the result. */
    private JsonNode run(
            long checkId, StoredUpload upload, ImportService.ImportRequest request, CurrentUser actor, boolean atOnce) {
        return store.withCopy(upload, file -> {
            problems.clear(upload.id());
            try (Progress progress = new Progress(checkId, upload, file.path(), atOnce)) {
                ValidationReport report;
                try {
                    report = imports.validate(file, request, actor, progress);
                } catch (RuntimeException e) {
                    uploads.end(checkId, "FAILED", e.getMessage());
                    throw e;
                }
                if (report == null) {
                    uploads.end(checkId, "CANCELLED", null);
                    return null;
                }
                uploads.complete(
                        checkId,
                        json.writeValueAsString(report),
                        json.writeValueAsString(progress.plan),
                        progress.settings == null ? null : json.writeValueAsString(effective(progress.settings)),
                        report.totalRows());
                return reportFor(uploads.findCheck(checkId).orElseThrow(), report.duplicateMode(), false);
            }
        });
    }

    /** The mapping and options as the check applied them, for checking an edited row alone. */
    private static Map<String, Object> effective(ImportSettings settings) {
        ImportRequestOptions o = settings.requested();
        ImportRequestOptions resolved = new ImportRequestOptions(
                o.defaultRegion(),
                settings.options().dateOrder().name(),
                o.statusValues(),
                o.valueMaps(),
                o.constants(),
                o.overrideConstants(),
                o.strict(),
                o.newOptions(),
                o.encoding(),
                o.headerRow(),
                o.matchBy());
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("mapping", settings.mapping().toSaved());
        effective.put("options", resolved);
        return effective;
    }

    /** The stored report with the counts of the given duplicate mode, and where it came from. */
    private JsonNode reportFor(UploadRepository.Check check, DuplicateMode mode, boolean reused) {
        ObjectNode report = (ObjectNode) check.report().deepCopy();
        JsonNode p = check.plan();
        ImportPlanner.Plan plan = new ImportPlanner.Plan(
                p.get("valid").asLong(),
                p.get("duplicatesInFile").asLong(),
                p.get("matchesExisting").asLong(),
                p.get("matchesOthers").asLong(),
                p.path("unknownIds").asLong(0));
        report.put("duplicateMode", mode.name());
        report.put("wouldUpdate", plan.wouldUpdate(mode));
        report.put("wouldSkip", plan.wouldSkip(mode));
        report.put("wouldFail", plan.wouldFail(mode));
        report.put("uploadId", check.uploadId().toString());
        report.put("checkId", check.id());
        report.put("reused", reused);
        return report;
    }

    private UploadRepository.Check requireCheck(UUID uploadId, long checkId, CurrentUser actor) {
        store.require(uploadId, actor);
        return uploads.findCheck(checkId)
                .filter(c -> c.uploadId().equals(uploadId))
                .orElseThrow(() -> new NotFoundException("Upload " + uploadId + " has no check " + checkId + "."));
    }

    private UploadCheckView view(UploadRepository.Check check) {
        Integer percent = null;
        Long secondsLeft = null;
        if (check.totalRows() != null && check.totalRows() > 0) {
            percent = (int) Math.min(100, check.checkedRows() * 100 / check.totalRows());
            if (check.status().equals("RUNNING") && check.startedAt() != null && check.checkedRows() > 0) {
                double seconds =
                        Duration.between(check.startedAt(), clock.instant()).toMillis() / 1000.0;
                double perSecond = check.checkedRows() / Math.max(seconds, 0.001);
                secondsLeft = (long) Math.ceil(Math.max(0, check.totalRows() - check.checkedRows()) / perSecond);
            }
        }
        if (check.status().equals("COMPLETED")) {
            percent = 100;
            secondsLeft = 0L;
        }
        return new UploadCheckView(
                check.id(),
                check.uploadId(),
                check.status(),
                check.duplicateMode(),
                check.checkedRows(),
                check.totalRows(),
                percent,
                secondsLeft,
                check.startedAt(),
                check.finishedAt(),
                check.errorMessage(),
                check.status().equals("COMPLETED")
                        ? reportFor(check, DuplicateMode.valueOf(check.duplicateMode()), false)
                        : null);
    }

    /** What the check was made from, apart from the duplicate mode: mapping, options and the upload's changes. */
    private static String fingerprint(ImportService.ImportRequest request, int changesVersion) {
        Map<String, Object> basis = new TreeMap<>();
        basis.put("mapping", request.mapping() == null ? Map.of() : new TreeMap<>(request.mapping()));
        basis.put("options", request.options());
        basis.put("changes", changesVersion);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(basis).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The dry run's hooks: the upload's changes, progress and cancel between chunks, the problem index. */
    private final class Progress implements ImportDryRun.Hooks, AutoCloseable {

        private final long checkId;
        private final StoredUpload upload;
        private final Path file;
        private final boolean atOnce;
        private final RowChanges rowChanges;
        private volatile Long total;
        private RowCounter counter;
        private ImportSettings settings;
        private Map<String, Long> plan;

        Progress(long checkId, StoredUpload upload, Path file, boolean atOnce) {
            this.checkId = checkId;
            this.upload = upload;
            this.file = file;
            this.atOnce = atOnce;
            this.total = upload.totalRows();
            this.rowChanges = changes.forUpload(upload.id());
        }

        @Override
        public RowChanges changes() {
            return rowChanges;
        }

        @Override
        public boolean checked(ImportSettings chunkSettings, List<CheckedRow> chunk, long rowsSoFar) {
            settings = chunkSettings;
            if (total == null && counter == null && !atOnce) {
                counter = RowCounter.start(file, chunkSettings, checkId, counted -> {
                    total = counted;
                    uploads.setTotalRows(upload.id(), counted);
                });
            }
            own.executeWithoutResult(status -> {
                problems.write(upload.id(), chunk);
                uploads.progress(checkId, rowsSoFar, total);
            });
            return !uploads.cancelRequested(checkId);
        }

        @Override
        public void planned(ImportPlanner.Plan made) {
            plan = Map.of(
                    "valid", made.valid(),
                    "duplicatesInFile", made.duplicatesInFile(),
                    "matchesExisting", made.matchesExisting(),
                    "matchesOthers", made.matchesOthers(),
                    "unknownIds", made.unknownIds());
        }

        @Override
        public void close() {
            if (counter != null) {
                counter.close();
            }
        }
    }
}
