package dev.leadport.notifications;

import java.util.UUID;

/**
 * A mail to queue in the outbox.
 *
 * @param userId the user the mail is about (the actor or a schedule's owner): it shows in their outbox
 * @param attachmentFileId a stored file to attach, or null
 * @param operationType the operation it reports on, for the outbox list; may be null
 */
public record OutgoingMail(
        Long userId,
        String recipient,
        String subject,
        String body,
        UUID attachmentFileId,
        String attachmentName,
        String operationType,
        String operationId) {}
