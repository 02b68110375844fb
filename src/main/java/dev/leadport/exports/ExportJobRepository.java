package dev.leadport.exports;

import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.files.StoredFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code export_job} table: one row per background export, updated as it runs. */
@Repository
class ExportJobRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExportJobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long create(long actorId, ExportJobRequest request, Instant now) {
        return jdbc.sql("""
                        insert into export_job (actor_id, status, request, created_at)
                        values (:actor, 'QUEUED', cast(:request as jsonb), :now)
                        returning id
                        """)
                .param("actor", actorId)
                .param("request", json.writeValueAsString(request))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    Optional<ExportJob> find(long id) {
        return jdbc.sql("select * from export_job where id = :id")
                .param("id", id)
                .query(this::job)
                .optional();
    }

    /** Starts (or, after a node died mid-way, restarts) the job from its first row. */
    void start(long id, long total, Instant now) {
        jdbc.sql("""
                        update export_job set status = 'RUNNING', total = :total, rows_written = 0,
                          started_at = :now, error = null
                        where id = :id
                        """)
                .param("total", total)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    void progress(long id, long rows) {
        jdbc.sql("update export_job set rows_written = :rows where id = :id and status = 'RUNNING'")
                .param("rows", rows)
                .param("id", id)
                .update();
    }

    void complete(long id, long rows, StoredFile file, Instant now) {
        jdbc.sql("""
                        update export_job set status = 'COMPLETED', rows_written = :rows, file_id = :file,
                          file_name = :name, file_size = :size, expires_at = :expires, finished_at = :now
                        where id = :id
                        """)
                .param("rows", rows)
                .param("file", file.id())
                .param("name", file.name())
                .param("size", file.size())
                .param("expires", file.expiresAt() == null ? null : Timestamp.from(file.expiresAt()))
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    void fail(long id, String error, Instant now) {
        jdbc.sql("update export_job set status = 'FAILED', error = :error, finished_at = :now where id = :id")
                .param("error", error)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update();
    }

    private ExportJob job(ResultSet rs, int row) throws SQLException {
        return new ExportJob(
                rs.getLong("id"),
                rs.getLong("actor_id"),
                OperationStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("request"), ExportJobRequest.class),
                rs.getObject("total", Long.class),
                rs.getLong("rows_written"),
                rs.getObject("file_id", UUID.class),
                rs.getString("file_name"),
                rs.getObject("file_size", Long.class),
                instant(rs, "expires_at"),
                rs.getString("error"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
