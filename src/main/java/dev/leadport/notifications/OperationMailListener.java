package dev.leadport.notifications;

import dev.leadport.leads.LeadsProperties;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the person who started an import, export or bulk job when it ends. It only writes an outbox row (in its own
 * transaction); sending happens later on the job engine, so mail never slows down or fails the job.
 */
@Component
class OperationMailListener {

    private static final Logger log = LoggerFactory.getLogger(OperationMailListener.class);

    private static final Set<OperationStatus> NOTIFIED =
            Set.of(OperationStatus.COMPLETED, OperationStatus.COMPLETED_WITH_ERRORS, OperationStatus.FAILED);

    /** Usually over while the user watches; mailed only when slow or failed (a background export always is). */
    private static final Set<OperationType> QUICK_JOBS = Set.of(OperationType.EXPORT, OperationType.VALIDATION);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private final Notifications notifications;
    private final Users users;
    private final NotificationProperties properties;
    private final LeadsProperties leads;
    private final TransactionTemplate ownTransaction;

    OperationMailListener(
            Notifications notifications,
            Users users,
            NotificationProperties properties,
            LeadsProperties leads,
            PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.users = users;
        this.properties = properties;
        this.leads = leads;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(OperationEvent event) {
        if (!worthAMail(event)) {
            return;
        }
        UserAccount actor = users.find(event.actorId()).orElse(null);
        if (actor == null || !actor.enabled() || !actor.notifyByEmail() || actor.email() == null) {
            return;
        }
        OutgoingMail mail = new OutgoingMail(
                actor.id(),
                actor.email(),
                subject(event),
                body(event, actor),
                null,
                null,
                event.type().name(),
                event.operationId());
        try {
            ownTransaction.executeWithoutResult(status -> notifications.queue(mail));
        } catch (RuntimeException e) {
            log.error("Could not queue the mail about {} {}", event.type(), event.operationId(), e);
        }
    }

    boolean worthAMail(OperationEvent event) {
        if (!NOTIFIED.contains(event.status())) {
            return false;
        }
        if (event.type() == OperationType.SCHEDULED_EXPORT) {
            // A successful run mails its file to the schedule's recipients; only failures concern the owner.
            return event.status() == OperationStatus.FAILED;
        }
        if (QUICK_JOBS.contains(event.type())
                && event.status() != OperationStatus.FAILED
                && !Boolean.TRUE.equals(event.parameters().get("background"))) {
            Long ms = event.durationMillis();
            return ms != null && ms >= properties.quickJobThreshold().toMillis();
        }
        return true;
    }

    static String subject(OperationEvent event) {
        String what = label(event.type());
        String name = name(event);
        return what + (name == null ? "" : " of " + name) + " " + statusLabel(event.status());
    }

    private String body(OperationEvent event, UserAccount actor) {
        StringBuilder b = new StringBuilder();
        b.append("Hello ").append(actor.displayName()).append(",\n\n");
        b.append("your ")
                .append(label(event.type()).toLowerCase(Locale.ROOT))
                .append(name(event) == null ? "" : " of " + name(event))
                .append(" ")
                .append(statusLabel(event.status()))
                .append(".\n\n");
        OperationEvent.Counts c = event.counts();
        b.append("Rows: ")
                .append(c.total())
                .append(" total, ")
                .append(c.processed())
                .append(" processed, ")
                .append(c.created())
                .append(" created, ")
                .append(c.updated())
                .append(" updated, ")
                .append(c.skipped())
                .append(" skipped, ")
                .append(c.failed())
                .append(" failed\n");
        if (event.startedAt() != null) {
            b.append("Started: ")
                    .append(TIME.format(event.startedAt().atZone(leads.timeZone())))
                    .append('\n');
        }
        if (event.durationMillis() != null) {
            b.append("Duration: ").append(duration(event.durationMillis()));
            if (event.rowsPerSecond() != null) {
                b.append(String.format(Locale.ROOT, " (%.0f rows/s)", event.rowsPerSecond()));
            }
            b.append('\n');
        }
        if (event.errorSummary() != null) {
            b.append("What went wrong: ").append(event.errorSummary()).append('\n');
        }
        b.append('\n');
        for (Map.Entry<String, String> link : event.links().entrySet()) {
            b.append(linkLabel(link.getKey()))
                    .append(": ")
                    .append(properties.absolute(link.getValue()))
                    .append('\n');
        }
        b.append("Activity log: ").append(properties.absolute("/activity")).append("\n\n");
        b.append("You get these mails because notifications are on in your settings: ")
                .append(properties.absolute("/settings"))
                .append('\n');
        return b.toString();
    }

    private static String name(OperationEvent event) {
        for (String key : new String[] {"fileName", "file", "scheduleName", "name"}) {
            if (event.parameters().get(key) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    static String label(OperationType type) {
        return switch (type) {
            case IMPORT -> "Import";
            case VALIDATION -> "Validation";
            case IMPORT_UNDO -> "Import undo";
            case EXPORT -> "Export";
            case SCHEDULED_EXPORT -> "Scheduled export";
            case BULK_UPDATE -> "Bulk update";
            case BULK_ASSIGN -> "Bulk assignment";
            case BULK_DELETE -> "Bulk delete";
            case BULK_RESTORE -> "Restore";
            case BULK_UNDO -> "Bulk undo";
        };
    }

    static String statusLabel(OperationStatus status) {
        return switch (status) {
            case COMPLETED -> "completed";
            case COMPLETED_WITH_ERRORS -> "completed with errors";
            case FAILED -> "failed";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String linkLabel(String key) {
        return switch (key) {
            case "errors" -> "Error report";
            case "download" -> "Download";
            case "details" -> "Details";
            default -> Character.toUpperCase(key.charAt(0)) + key.substring(1);
        };
    }

    private static String duration(long ms) {
        Duration d = Duration.ofMillis(ms);
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
