package dev.leadport.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table's SQL. */
@Repository
class MailOutbox {

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(OutgoingMail mail, String status, Instant now) {
        return jdbc.sql("""
                        insert into mail_outbox (created_at, user_id, recipient, subject, body, attachment_file_id,
                          attachment_name, status, operation_type, operation_id)
                        values (:now, :user, :recipient, :subject, :body, :file, :fileName, :status, :opType, :opId)
                        returning id
                        """)
                .param("now", Timestamp.from(now))
                .param("user", mail.userId())
                .param("recipient", mail.recipient())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("file", mail.attachmentFileId())
                .param("fileName", mail.attachmentName())
                .param("status", status)
                .param("opType", mail.operationType())
                .param("opId", mail.operationId())
                .query(Long.class)
                .single();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("select * from mail_outbox where id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(map(rs, n), (UUID) rs.getObject("attachment_file_id")))
                .optional();
    }

    /** Newest first; all users' mails when userId is null. */
    List<OutboxMail> list(Long userId, String status, int limit, long offset) {
        return jdbc.sql("select * from mail_outbox where (cast(:user as bigint) is null or user_id = :user)"
                        + " and (cast(:status as text) is null or status = :status)"
                        + " order by id desc limit :limit offset :offset")
                .param("user", userId)
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::map)
                .list();
    }

    void markSent(long id, Instant now) {
        jdbc.sql("update mail_outbox set status = 'SENT', attempts = attempts + 1, last_attempt_at = :now,"
                        + " sent_at = :now, last_error = null where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    /** Records a failed attempt; returns how many attempts the mail has had. */
    int markAttemptFailed(long id, String error, boolean giveUp, Instant now) {
        return jdbc.sql("update mail_outbox set attempts = attempts + 1, last_attempt_at = :now, last_error = :error,"
                        + " status = :status where id = :id returning attempts")
                .param("now", Timestamp.from(now))
                .param("error", error)
                .param("status", giveUp ? "FAILED" : "PENDING")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private OutboxMail map(ResultSet rs, int n) throws SQLException {
        return new OutboxMail(
                rs.getLong("id"),
                instant(rs, "created_at"),
                (Long) rs.getObject("user_id"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("attachment_name"),
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs, "last_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "sent_at"),
                rs.getString("operation_type"),
                rs.getString("operation_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    record Stored(OutboxMail mail, UUID attachmentFileId) {}
}
