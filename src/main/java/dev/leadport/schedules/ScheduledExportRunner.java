package dev.leadport.schedules;

import dev.leadport.notifications.Notifications;
import dev.leadport.notifications.OutgoingMail;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one occurrence of a schedule: writes the file as the schedule's owner sees the leads, stores it, uploads it to
 * the schedule's destination if it has one, mails it, records the run and publishes the SCHEDULED_EXPORT operation events. Called by the job engine's task.
 */
@Component
class ScheduledExportRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduledExportRunner.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);
    private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final ScheduleRepository repository;
    private final ScheduledExportWriter writer;
    private final FileStore files;
    private final Notifications notifications;
    private final Users users;
    private final SchedulesProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SftpUploader sftp;
    private final HttpsUploader https;
    private final DeletedLeadsFile deletedFile;

    ScheduledExportRunner(
            ScheduleRepository repository,
            ScheduledExportWriter writer,
            FileStore files,
            Notifications notifications,
            Users users,
            SchedulesProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            SftpUploader sftp,
            HttpsUploader https,
            DeletedLeadsFile deletedFile) {
        this.deletedFile = deletedFile;
        this.sftp = sftp;
        this.https = https;
        this.repository = repository;
        this.writer = writer;
        this.files = files;
        this.notifications = notifications;
        this.users = users;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Runs the occurrence (unless it already ran) and returns the schedule's next fire time, or empty when the
     * schedule is gone or paused. A failed attempt with attempts left is thrown, for the job engine to retry.
     */
    Optional<Instant> run(long scheduleId, Instant occurrence, int attempt) {
        ExportSchedule schedule = repository.find(scheduleId).orElse(null);
        if (schedule == null || schedule.paused()) {
            return Optional.empty();
        }
        Instant started = clock.instant();
        // Catch-up runs once: the next fire time is the first one after now, not after the missed occurrence.
        Instant next = ScheduleService.recurrenceOf(schedule)
                .nextAfter(later(occurrence, started), ZoneId.of(schedule.timeZone()));
        repository.setNextRun(scheduleId, next);
        Optional<ScheduleRun> run = repository.startRun(scheduleId, occurrence, started);
        if (run.isPresent()) {
            execute(schedule, run.get(), attempt, started);
        } else {
            log.info("Schedule {} occurrence {} already ran; moving on", scheduleId, occurrence);
        }
        return Optional.of(next);
    }

    private void execute(ExportSchedule schedule, ScheduleRun run, int attempt, Instant started) {
        Map<String, Object> parameters = parameters(schedule, run, attempt);
        if (attempt == 1) {
            publish(
                    schedule,
                    run,
                    OperationStatus.RUNNING,
                    started,
                    null,
                    OperationEvent.Counts.NONE,
                    parameters,
                    null);
        }
        try {
            UserAccount owner = users.find(schedule.ownerId())
                    .filter(UserAccount::enabled)
                    .orElseThrow(() -> new ScheduleCannotRun("The schedule's owner " + schedule.ownerUsername()
                            + " is disabled; an admin must enable the user or hand the schedule over."));
            // A delta run covers the leads changed since the last delivered run; the watermark it will move to is
            // read before the export starts (ScheduleRepository.safeWatermark).
            Instant since = schedule.delta() ? schedule.deltaSince() : null;
            Instant watermark = schedule.delta() ? repository.safeWatermark() : null;
            FileStore.Written produced = produce(schedule, run, owner, since);
            FileStore.Written deleted = schedule.delta()
                    ? deletedFile.write(users.asCurrentUser(owner), baseName(schedule, run), since)
                    : null;
            DestinationRules.Checked destination =
                    schedule.destination() == null ? null : repository.storedDestination(schedule.id());
            if (destination != null) {
                upload(
                        destination,
                        deleted == null ? List.of(produced.file()) : List.of(produced.file(), deleted.file()),
                        deleted == null ? List.of("leads") : List.of("leads", "deleted"));
            }
            Instant finished = clock.instant();
            // The mails, the run's record and the watermark commit together: a retry never mails twice.
            String delivery = tx.execute(status -> {
                String mailed = deliver(schedule, run, owner, produced, deleted, destination == null);
                String done = destination == null
                        ? mailed
                        : destination.destination().type().name();
                repository.completeRun(
                        run.id(),
                        finished,
                        produced.records(),
                        produced.file().id(),
                        produced.file().name(),
                        produced.file().size(),
                        done,
                        destination == null ? null : destination.destination().describe());
                if (deleted != null) {
                    // Only a delivered run moves the watermark: after a failed one the next run covers the gap.
                    repository.completeDelta(
                            schedule.id(),
                            run.id(),
                            since,
                            watermark,
                            deleted.records(),
                            deleted.file().id(),
                            deleted.file().name());
                }
                return done;
            });
            if (deleted != null) {
                parameters.put("changedSince", since == null ? null : since.toString());
                parameters.put("deletedRows", deleted.records());
            }
            parameters.put("fileName", produced.file().name());
            parameters.put("fileSize", produced.file().size());
            parameters.put("delivery", delivery);
            OperationEvent.Counts counts =
                    new OperationEvent.Counts(produced.records(), produced.records(), 0, 0, 0, 0);
            publish(schedule, run, OperationStatus.COMPLETED, started, finished, counts, parameters, null);
        } catch (RuntimeException e) {
            boolean retry = !(e instanceof ScheduleCannotRun)
                    && !(e instanceof DeliveryFailed failed && !failed.retryable())
                    && attempt < properties.maxAttempts();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            repository.failRun(run.id(), clock.instant(), error, retry);
            if (retry) {
                log.warn("Scheduled export {} attempt {} failed, will retry: {}", schedule.id(), attempt, error);
                publish(
                        schedule,
                        run,
                        OperationStatus.QUEUED,
                        started,
                        null,
                        OperationEvent.Counts.NONE,
                        parameters,
                        "Attempt " + attempt + " of " + properties.maxAttempts() + " failed: " + error);
                throw new ScheduledExportFailed(schedule.id(), e);
            }
            log.error("Scheduled export {} failed for good after {} attempt(s): {}", schedule.id(), attempt, error);
            publish(
                    schedule,
                    run,
                    OperationStatus.FAILED,
                    started,
                    clock.instant(),
                    OperationEvent.Counts.NONE,
                    parameters,
                    error);
        }
    }

    /** Writes the file with the export module and stores it; {@code since} limits it to leads changed since. */
    private FileStore.Written produce(ExportSchedule schedule, ScheduleRun run, UserAccount owner, Instant since) {
        ScheduledExportWriter.Request request = new ScheduledExportWriter.Request(
                schedule.filter(), schedule.fields(), schedule.format(), users.asCurrentUser(owner), since);
        try {
            return files.write(
                    fileName(schedule, run),
                    schedule.format().contentType(),
                    owner.id(),
                    properties.fileRetention(),
                    out -> writer.write(request, out));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export file: " + e.getMessage(), e);
        }
    }

    /** Sends the files to the schedule's SFTP server or HTTPS URL; a failure is thrown, for the run to be retried. */
    private void upload(DestinationRules.Checked destination, List<StoredFile> produced, List<String> parts) {
        switch (destination.destination().type()) {
            case SFTP -> sftp.upload(destination.destination(), destination.secrets(), produced);
            case HTTPS -> https.upload(destination.destination(), destination.secrets(), produced, parts);
        }
    }

    /**
     * Queues one mail per recipient: the file attached when small enough, else a download link. With no recipient
     * the owner is mailed, unless the files went to a destination.
     */
    private String deliver(
            ExportSchedule schedule,
            ScheduleRun run,
            UserAccount owner,
            FileStore.Written produced,
            FileStore.Written deleted,
            boolean ownerByDefault) {
        List<String> recipients = new ArrayList<>(schedule.recipients());
        if (recipients.isEmpty() && ownerByDefault && owner.email() != null) {
            recipients.add(owner.email());
        }
        if (recipients.isEmpty()) {
            return "NONE";
        }
        boolean attach =
                produced.file().size() <= properties.maxAttachmentBytes().toBytes();
        String link = notifications.absoluteLink(downloadPath(schedule.id(), run.id()));
        ZoneId zone = ZoneId.of(schedule.timeZone());
        String subject = "Scheduled export " + schedule.name() + ": " + produced.records() + " leads";
        StringBuilder body = new StringBuilder()
                .append("The scheduled export \"")
                .append(schedule.name())
                .append("\" ran for ")
                .append(MAIL_TIME.format(run.scheduledFor().atZone(zone)))
                .append(" and holds ")
                .append(produced.records())
                .append(" leads (")
                .append(schedule.format())
                .append(", ")
                .append(produced.file().size())
                .append(" bytes).\n\n");
        if (attach) {
            body.append("The file is attached. ");
        } else {
            body.append("The file is larger than the attachment limit of ")
                    .append(properties.maxAttachmentBytes().toBytes())
                    .append(" bytes. ");
        }
        if (deleted != null) {
            body.append("It holds the leads created or changed since the previous delivered run; ")
                    .append(deleted.records())
                    .append(" leads deleted since are listed in ")
                    .append(deleted.file().name())
                    .append(":\n")
                    .append(notifications.absoluteLink(downloadPath(schedule.id(), run.id()) + "?part=deleted"))
                    .append("\n\n");
        }
        body.append("Download it (sign-in required) until ")
                .append(MAIL_TIME.format(produced.file().expiresAt().atZone(zone)))
                .append(":\n")
                .append(link)
                .append("\n\nSchedule owner: ")
                .append(schedule.ownerUsername())
                .append('\n');
        for (String recipient : recipients) {
            notifications.queue(new OutgoingMail(
                    owner.id(),
                    recipient,
                    subject,
                    body.toString(),
                    attach ? produced.file().id() : null,
                    attach ? produced.file().name() : null,
                    OperationType.SCHEDULED_EXPORT.name(),
                    Long.toString(run.id())));
        }
        return attach ? "ATTACHMENT" : "LINK";
    }

    private void publish(
            ExportSchedule schedule,
            ScheduleRun run,
            OperationStatus status,
            Instant started,
            Instant finished,
            OperationEvent.Counts counts,
            Map<String, Object> parameters,
            String error) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("details", "/api/leads/import-export/schedules/" + schedule.id() + "/runs");
        if (status == OperationStatus.COMPLETED) {
            links.put("download", downloadPath(schedule.id(), run.id()));
        }
        events.publishEvent(OperationEvent.builder(OperationType.SCHEDULED_EXPORT, Long.toString(run.id()), status)
                .actor(schedule.ownerId(), schedule.ownerUsername())
                .time(started, finished)
                .counts(counts)
                .parameters(parameters)
                .errorSummary(error)
                .links(links)
                .build());
    }

    private static Map<String, Object> parameters(ExportSchedule schedule, ScheduleRun run, int attempt) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("scheduleId", schedule.id());
        p.put("scheduleName", schedule.name());
        p.put("scheduledFor", run.scheduledFor().toString());
        p.put("attempt", attempt);
        p.put("format", schedule.format().name());
        p.put("fields", schedule.fields());
        p.put("filter", schedule.filter());
        p.put("recipients", schedule.recipients().size());
        p.put("delta", schedule.delta());
        p.put(
                "destination",
                schedule.destination() == null ? "MAIL" : schedule.destination().describe());
        return p;
    }

    static String downloadPath(long scheduleId, long runId) {
        return "/api/leads/import-export/schedules/" + scheduleId + "/runs/" + runId + "/file";
    }

    private static String fileName(ExportSchedule schedule, ScheduleRun run) {
        return baseName(schedule, run) + "." + schedule.format().extension();
    }

    /** The schedule's name and the occurrence in its time zone, e.g. {@code CRM sync-2026-12-05-0200}. */
    private static String baseName(ExportSchedule schedule, ScheduleRun run) {
        return FileStore.sanitise(schedule.name()) + "-"
                + FILE_TIME.format(run.scheduledFor().atZone(ZoneId.of(schedule.timeZone())));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A run that cannot succeed by retrying (the owner is disabled). */
    static class ScheduleCannotRun extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ScheduleCannotRun(String message) {
            super(message);
        }
    }

    /** A failed attempt, thrown so the job engine retries it with backoff. */
    static class ScheduledExportFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ScheduledExportFailed(long scheduleId, Throwable cause) {
            super("Scheduled export " + scheduleId + " failed: " + cause.getMessage(), cause);
        }
    }
}
