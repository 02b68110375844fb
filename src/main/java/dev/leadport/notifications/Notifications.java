package dev.leadport.notifications;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.leadport.shared.Pii;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The notifications module's facade: queues mails in the outbox. With SMTP configured a background task sends
 * each one (retrying with backoff); without it (the demo mode) mails are kept as HELD and logged, never lost.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    // Looked up when used: the scheduler is built from all tasks, and some tasks (scheduled exports) queue mails.
    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<Void> sendTask;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifications(
            MailOutbox outbox,
            ObjectProvider<JavaMailSender> mailSender,
            ObjectProvider<SchedulerClient> scheduler,
            OneTimeTask<Void> notificationMailTask,
            NotificationProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.scheduler = scheduler;
        this.sendTask = notificationMailTask;
        this.properties = properties;
        this.clock = clock;
    }

    /** Puts the mail in the outbox (joining the caller's transaction, if any); returns its outbox id. */
    public long queue(OutgoingMail mail) {
        Instant now = clock.instant();
        if (mailSender.getIfAvailable() == null) {
            long id = outbox.insert(mail, "HELD", now);
            log.info(
                    "No SMTP server configured (spring.mail.host): mail {} to {} held in the outbox: {}",
                    id,
                    Pii.email(mail.recipient()),
                    mail.subject());
            return id;
        }
        long id = outbox.insert(mail, "PENDING", now);
        scheduler
                .getObject()
                .scheduleIfNotExists(sendTask.instanceBuilder(Long.toString(id)).scheduledTo(now));
        return id;
    }

    /** The absolute form of a relative link, for mails. */
    public String absoluteLink(String link) {
        return properties.absolute(link);
    }
}
