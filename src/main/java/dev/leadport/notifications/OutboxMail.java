package dev.leadport.notifications;

import java.time.Instant;

/**
 * A mail in the outbox as the UI shows it.
 *
 * @param status PENDING (being sent or waiting for a retry), HELD (no SMTP configured), SENT or FAILED
 */
record OutboxMail(
        long id,
        Instant createdAt,
        Long userId,
        String recipient,
        String subject,
        String body,
        String attachmentName,
        String status,
        int attempts,
        Instant lastAttemptAt,
        String lastError,
        Instant sentAt,
        String operationType,
        String operationId) {}
