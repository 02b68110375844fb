package dev.leadport.imports.jobs;

import dev.leadport.imports.DuplicateMode;
import dev.leadport.imports.ImportJobView;
import dev.leadport.imports.ImportRequestOptions;
import dev.leadport.imports.reading.FileFacts;
import dev.leadport.shared.events.OperationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The import_job table: settings, progress counters and checkpoints of every import. */
@Repository
public class ImportJobRepository {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportJobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Everything the job needs to run, read at each (re)start. */
    public record StoredJob(
            long id,
            OperationStatus status,
            UUID fileId,
            String fileName,
            long fileSize,
            List<String> headers,
            Map<String, String> mapping,
            ImportRequestOptions options,
            DuplicateMode duplicateMode,
            long createdBy,
            Long totalRows,
            long checkpointRow,
            boolean cancelRequested,
            Instant startedAt) {}

    public long insert(
            UUID fileId,
            String fileName,
            long fileSize,
            FileFacts facts,
            Map<String, String> mapping,
            ImportRequestOptions options,
            DuplicateMode mode,
            long createdBy) {
        return jdbc.sql("""
                        insert into import_job (file_id, file_name, file_size, format, encoding, delimiter, headers,
                                                mapping, options, duplicate_mode, created_by)
                        values (:fileId, :fileName, :fileSize, :format, :encoding, :delimiter, cast(:headers as jsonb),
                                cast(:mapping as jsonb), cast(:options as jsonb), :mode, :createdBy)
                        returning id
                        """)
                .param("fileId", fileId)
                .param("fileName", fileName)
                .param("fileSize", fileSize)
                .param("format", facts.format())
                .param("encoding", facts.encoding())
                .param("delimiter", facts.delimiter())
                .param("headers", json.writeValueAsString(facts.headers()))
                .param("mapping", json.writeValueAsString(mapping))
                .param("options", json.writeValueAsString(options))
                .param("mode", mode.name())
                .param("createdBy", createdBy)
                .query(Long.class)
                .single();
    }

    public Optional<StoredJob> findForRun(long id) {
        return jdbc.sql("select * from import_job where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredJob(
                        rs.getLong("id"),
                        OperationStatus.valueOf(rs.getString("status")),
                        rs.getObject("file_id", UUID.class),
                        rs.getString("file_name"),
                        rs.getLong("file_size"),
                        json.readValue(rs.getString("headers"), STRINGS),
                        json.readValue(rs.getString("mapping"), STRING_MAP),
                        json.readValue(rs.getString("options"), ImportRequestOptions.class),
                        DuplicateMode.valueOf(rs.getString("duplicate_mode")),
                        rs.getLong("created_by"),
                        (Long) rs.getObject("total_rows"),
                        rs.getLong("merged_through_row"),
                        rs.getBoolean("cancel_requested"),
                        instant(rs, "started_at")))
                .optional();
    }

    public Optional<ImportJobView> find(long id) {
        return jdbc.sql(VIEW_SQL + " where j.id = :id")
                .param("id", id)
                .query(ImportJobRepository::view)
                .optional();
    }

    /** Newest first; {@code userId} limits the list to one user's imports. */
    public List<ImportJobView> list(Long userId, int limit, Long beforeId) {
        String sql = VIEW_SQL + " where true" + (userId == null ? "" : " and j.created_by = :user")
                + (beforeId == null ? "" : " and j.id < :before") + " order by j.id desc limit :limit";
        var spec = jdbc.sql(sql).param("limit", limit);
        if (userId != null) {
            spec = spec.param("user", userId);
        }
        if (beforeId != null) {
            spec = spec.param("before", beforeId);
        }
        return spec.query(ImportJobRepository::view).list();
    }

    /** Marks the job running; returns true when this is its first start (not a resume). */
    boolean markRunning(long id) {
        boolean first = jdbc.sql("select started_at is null from import_job where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
        jdbc.sql("""
                        update import_job set status = 'RUNNING', started_at = coalesce(started_at, now()),
                               updated_at = now()
                        where id = :id
                        """).param("id", id).update();
        return first;
    }

    void setTotalRows(long id, long total) {
        jdbc.sql("update import_job set total_rows = :total, updated_at = now() where id = :id")
                .param("id", id)
                .param("total", total)
                .update();
    }

    /** Records a committed chunk: counters and the checkpoint move in the chunk's own transaction. */
    void checkpoint(long id, long throughRow, long processed, long created, long updated, long skipped, long failed) {
        jdbc.sql("""
                        update import_job set merged_through_row = :through, processed_rows = processed_rows + :processed,
                               created_count = created_count + :created, updated_count = updated_count + :updated,
                               skipped_count = skipped_count + :skipped, failed_count = failed_count + :failed,
                               updated_at = now()
                        where id = :id
                        """)
                .param("id", id)
                .param("through", throughRow)
                .param("processed", processed)
                .param("created", created)
                .param("updated", updated)
                .param("skipped", skipped)
                .param("failed", failed)
                .update();
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from import_job where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Asks a queued or running import to stop after its current chunk; false when it had already ended. */
    public boolean requestCancel(long id) {
        return jdbc.sql("""
                        update import_job set cancel_requested = true, updated_at = now()
                        where id = :id and status in ('QUEUED', 'RUNNING')
                        """).param("id", id).update() == 1;
    }

    void finish(long id, OperationStatus status, String errorMessage) {
        jdbc.sql("""
                        update import_job set status = :status, finished_at = now(), updated_at = now(),
                               error_message = :error, phase = 'DONE'
                        where id = :id
                        """)
                .param("id", id)
                .param("status", status.name())
                .param("error", errorMessage)
                .update();
    }

    public void markUndone(long id) {
        jdbc.sql("update import_job set status = 'UNDONE', updated_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    /** Removes rows staged ahead of the checkpoint by a run that stopped before merging them. */
    void deleteStagingAfter(long id, long throughRow) {
        jdbc.sql("delete from import_staging where import_id = :id and row_number > :through")
                .param("id", id)
                .param("through", throughRow)
                .update();
    }

    void deleteStaging(long id) {
        jdbc.sql("delete from import_staging where import_id = :id")
                .param("id", id)
                .update();
    }

    private static final String VIEW_SQL = """
            select j.*,
                   case when j.started_at is null then null
                        else j.processed_rows / greatest(extract(epoch from coalesce(j.finished_at, now())
                                                                 - j.started_at), 0.001) end as rows_per_second
            from import_job j
            """;

    private static ImportJobView view(ResultSet rs, int n) throws SQLException {
        double rps = rs.getDouble("rows_per_second");
        boolean noRate = rs.wasNull();
        return new ImportJobView(
                rs.getLong("id"),
                OperationStatus.valueOf(rs.getString("status")),
                rs.getString("file_name"),
                rs.getLong("file_size"),
                rs.getString("format"),
                rs.getString("encoding"),
                rs.getString("delimiter"),
                DuplicateMode.valueOf(rs.getString("duplicate_mode")),
                (Long) rs.getObject("total_rows"),
                rs.getLong("processed_rows"),
                rs.getLong("created_count"),
                rs.getLong("updated_count"),
                rs.getLong("skipped_count"),
                rs.getLong("failed_count"),
                noRate ? null : Math.round(rps * 10) / 10.0,
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getLong("created_by"),
                null,
                rs.getString("error_message"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
