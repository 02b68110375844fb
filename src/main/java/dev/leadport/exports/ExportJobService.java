package dev.leadport.exports;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Background exports: the request is checked and stored at once (202), the db-scheduler task {@code export-job}
 * writes the file to a temporary file and moves it into the {@link FileStore} under the export retention, and the
 * user downloads it later. A job whose node died is revived and written again from its first row; the file is
 * stored only once complete, so a half-written file is never offered.
 */
@Service
class ExportJobService {

    /** The job that writes one background export; its data is the job id. */
    static final TaskDescriptor<Long> JOB = TaskDescriptor.of("export-job", Long.class);

    /** Progress is written to the job's row at most this often. */
    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private static final Logger log = LoggerFactory.getLogger(ExportJobService.class);

    private final ExportService exports;
    private final ExportJobRepository repository;
    private final FileStore files;
    private final Users users;
    private final ExportProperties properties;
    private final SchedulerClient scheduler;
    private final Clock clock;

    ExportJobService(
            ExportService exports,
            ExportJobRepository repository,
            FileStore files,
            Users users,
            ExportProperties properties,
            SchedulerClient scheduler,
            Clock clock) {
        this.exports = exports;
        this.repository = repository;
        this.files = files;
        this.users = users;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Stores the export as a job for the user and queues it; the answer is the QUEUED job. */
    public ExportJobView start(ExportRequest request, CurrentUser user) {
        long id = repository.create(user.id(), ExportJobRequest.of(request), clock.instant());
        scheduler.scheduleIfNotExists(JOB.instance(String.valueOf(id)).data(id).scheduledTo(clock.instant()));
        return view(repository.find(id).orElseThrow());
    }

    public ExportJobView get(long id, CurrentUser user) {
        return view(visible(id, user));
    }

    /** The finished file of a job the user may see; 404 while it is not written or once its retention passed. */
    public StoredFile file(long id, CurrentUser user) {
        ExportJob job = visible(id, user);
        if (job.status() != OperationStatus.COMPLETED) {
            throw new NotFoundException("Export " + id + " has no file: it is " + job.status() + ".");
        }
        return files.find(job.fileId())
                .filter(f -> f.expiresAt() == null || f.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new NotFoundException(
                        "The file of export " + id + " expired at " + job.expiresAt() + "; run the export again."));
    }

    /** The stored file's bytes, one chunk in memory at a time. */
    public InputStream open(StoredFile file) {
        return files.open(file.id());
    }

    /** Writes the job's file; called by the job engine. */
    void run(long id) {
        ExportJob job = repository.find(id).orElse(null);
        if (job == null || job.status().isFinal()) {
            return;
        }
        UserAccount actor = users.find(job.actorId()).orElse(null);
        if (actor == null) {
            repository.fail(id, "The user who asked for this export no longer exists.", clock.instant());
            return;
        }
        CurrentUser user = users.asCurrentUser(actor);
        ExportJobRequest stored = job.request();
        ExportRequest request;
        try {
            request = exports.request(
                    stored.filter(),
                    String.join(",", stored.fields()),
                    stored.format(),
                    stored.bom(),
                    stored.header(),
                    stored.neutralise());
        } catch (InvalidInputException e) {
            // A custom field of the export was deleted while the job waited.
            repository.fail(id, "The export cannot run: " + e.getMessage(), clock.instant());
            return;
        }
        Instant started = clock.instant();
        String fileName = exports.fileName(request);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("background", true);
        parameters.put("fileName", fileName);
        ExportService.Recorded recorded =
                new ExportService.Recorded(String.valueOf(id), user, started, parameters, links(id, false));
        exports.publish(request, recorded, OperationStatus.RUNNING, null, 0, null);
        try {
            repository.start(id, exports.count(request, user), started);
            FileStore.Written written = write(id, request, user, fileName);
            Instant finished = clock.instant();
            repository.complete(id, written.records(), written.file(), finished);
            parameters.put("fileSize", written.file().size());
            recorded = new ExportService.Recorded(String.valueOf(id), user, started, parameters, links(id, true));
            exports.publish(request, recorded, OperationStatus.COMPLETED, finished, written.records(), null);
        } catch (IOException | RuntimeException e) {
            // Writing again would fail the same way (a bad filter, a full disk); the user gets a mail and retries.
            log.error("Background export {} failed", id, e);
            String error = "The export failed: " + e.getMessage();
            Instant finished = clock.instant();
            repository.fail(id, error, finished);
            long rows = repository.find(id).map(ExportJob::rowsWritten).orElse(0L);
            exports.publish(request, recorded, OperationStatus.FAILED, finished, rows, error);
        }
    }

    private FileStore.Written write(long id, ExportRequest request, CurrentUser user, String fileName)
            throws IOException {
        long[] lastReport = {System.nanoTime()};
        FileStore.Written written = files.write(
                fileName,
                request.format().contentType(),
                user.id(),
                properties.fileRetention(),
                out -> exports.writeFile(request, user, out, n -> {
                    if (System.nanoTime() - lastReport[0] >= PROGRESS_INTERVAL_NANOS) {
                        repository.progress(id, n);
                        lastReport[0] = System.nanoTime();
                    }
                }));
        repository.progress(id, written.records());
        return written;
    }

    private ExportJob visible(long id, CurrentUser user) {
        return repository
                .find(id)
                .filter(job -> job.actorId() == user.id() || user.seesAllLeads())
                .orElseThrow(() -> new NotFoundException("There is no export " + id + "."));
    }

    private ExportJobView view(ExportJob job) {
        ExportJobRequest request = job.request();
        int progress;
        if (job.status() == OperationStatus.COMPLETED) {
            progress = 100;
        } else if (job.total() == null || job.total() == 0) {
            progress = 0;
        } else {
            progress = (int) Math.min(99, job.rowsWritten() * 100 / job.total());
        }
        boolean downloadable = job.status() == OperationStatus.COMPLETED
                && job.fileId() != null
                && (job.expiresAt() == null || job.expiresAt().isAfter(clock.instant()));
        return new ExportJobView(
                job.id(),
                job.status(),
                request.format().extension(),
                request.fields(),
                ExportService.filters(request.filter()),
                job.rowsWritten(),
                job.total(),
                progress,
                job.fileName(),
                job.fileSize(),
                job.expiresAt(),
                job.error(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                viewLinks(job.id(), downloadable));
    }

    static String path(long id) {
        return "/api/leads/import-export/exports/" + id;
    }

    private static Map<String, String> viewLinks(long id, boolean file) {
        return links(id, file, "self", "file");
    }

    /** Links for the activity log and the mail, under the names they know. */
    private static Map<String, String> links(long id, boolean file) {
        return links(id, file, "details", "download");
    }

    private static Map<String, String> links(long id, boolean file, String jobKey, String fileKey) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put(jobKey, path(id));
        if (file) {
            links.put(fileKey, path(id) + "/file");
        }
        return links;
    }
}
