package dev.leadport.notifications;

import dev.leadport.shared.Pii;
import dev.leadport.shared.files.FileStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one outbox mail over SMTP and records the attempt. Runs inside the job engine's send task. */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final FileStore files;
    private final NotificationProperties properties;
    private final Clock clock;

    MailDelivery(
            MailOutbox outbox,
            ObjectProvider<JavaMailSender> mailSender,
            FileStore files,
            NotificationProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends the mail unless it was already sent. A failed attempt is recorded and thrown, so the job engine retries
     * it with backoff, until the last allowed attempt marks it FAILED.
     */
    void deliver(long id) {
        MailOutbox.Stored stored = outbox.find(id).orElse(null);
        if (stored == null || !"PENDING".equals(stored.mail().status())) {
            return;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            sender.send(message(sender, stored));
            outbox.markSent(id, clock.instant());
        } catch (MessagingException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            boolean giveUp = stored.mail().attempts() + 1 >= properties.maxAttempts();
            int attempts = outbox.markAttemptFailed(id, error, giveUp, clock.instant());
            if (giveUp) {
                log.error(
                        "Mail {} to {} failed {} times, giving up: {}",
                        id,
                        Pii.email(stored.mail().recipient()),
                        attempts,
                        error);
                return;
            }
            log.warn(
                    "Mail {} to {} failed (attempt {}), will retry: {}",
                    id,
                    Pii.email(stored.mail().recipient()),
                    attempts,
                    error);
            throw new MailNotSentException(id, e);
        }
    }

    private MimeMessage message(JavaMailSender sender, MailOutbox.Stored stored) throws MessagingException {
        OutboxMail mail = stored.mail();
        MimeMessage message = sender.createMimeMessage();
        boolean attach = stored.attachmentFileId() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, attach, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        if (attach) {
            var file = files.find(stored.attachmentFileId())
                    .orElseThrow(() -> new IllegalStateException("The attachment has expired from the file store"));
            helper.addAttachment(mail.attachmentName(), () -> files.open(file.id()), file.contentType());
        }
        return message;
    }

    /** A mail attempt failed; the job engine retries it later. */
    static class MailNotSentException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MailNotSentException(long id, Throwable cause) {
            super("Mail " + id + " was not sent: " + cause.getMessage(), cause);
        }
    }
}
