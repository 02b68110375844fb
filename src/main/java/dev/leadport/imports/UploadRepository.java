package dev.leadport.imports;

import dev.leadport.shared.files.FileStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The import_upload and import_upload_check tables: stored uploads and the dry runs made of them. */
@Repository
class UploadRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final FileStore files;

    UploadRepository(JdbcClient jdbc, JsonMapper json, FileStore files) {
        this.jdbc = jdbc;
        this.json = json;
        this.files = files;
    }

    /** A dry run of an upload: what it was asked, how far it got, and its result once finished. */
    record Check(
            long id,
            UUID uploadId,
            long createdBy,
            String fingerprint,
            String request,
            String duplicateMode,
            String status,
            long checkedRows,
            Long totalRows,
            boolean cancelRequested,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            JsonNode report,
            JsonNode plan,
            JsonNode settings,
            String errorMessage) {

        boolean isFinal() {
            return status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED");
        }
    }

    void insert(UUID id, UUID fileId, String fileName, long fileSize, long ownerId, List<String> headers, Long rows) {
        jdbc.sql("""
                        insert into import_upload (id, file_id, file_name, file_size, owner_id, headers, total_rows)
                        values (:id, :file, :name, :size, :owner, cast(:headers as jsonb), :rows)
                        """)
                .param("id", id)
                .param("file", fileId)
                .param("name", fileName)
                .param("size", fileSize)
                .param("owner", ownerId)
                .param("headers", json.writeValueAsString(headers))
                .param("rows", rows)
                .update();
    }

    Optional<StoredUpload> find(UUID id) {
        return jdbc.sql("select * from import_upload where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredUpload(
                        rs.getObject("id", UUID.class),
                        files.find(rs.getObject("file_id", UUID.class)).orElseThrow(),
                        rs.getString("file_name"),
                        rs.getLong("file_size"),
                        rs.getLong("owner_id"),
                        json.readValue(rs.getString("headers"), STRINGS),
                        (Long) rs.getObject("total_rows"),
                        rs.getInt("changes_version"),
                        instant(rs, "created_at")))
                .optional();
    }

    void setTotalRows(UUID id, long rows) {
        jdbc.sql("update import_upload set total_rows = :rows where id = :id")
                .param("rows", rows)
                .param("id", id)
                .update();
    }

    /** Marks every earlier check of the upload as made before this change; answers the new version. */
    int bumpVersion(UUID id) {
        return jdbc.sql("update import_upload set changes_version = changes_version + 1 where id = :id"
                        + " returning changes_version")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    long insertCheck(UUID uploadId, long createdBy, String fingerprint, String request, String mode, String status) {
        return jdbc.sql("""
                        insert into import_upload_check (upload_id, created_by, fingerprint, request, duplicate_mode,
                                                         status, started_at)
                        values (:upload, :by, :fingerprint, cast(:request as jsonb), :mode, :status,
                                case when :status = 'RUNNING' then now() end)
                        returning id
                        """)
                .param("upload", uploadId)
                .param("by", createdBy)
                .param("fingerprint", fingerprint)
                .param("request", request)
                .param("mode", mode)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    Optional<Check> findCheck(long id) {
        return jdbc.sql("select * from import_upload_check where id = :id")
                .param("id", id)
                .query(this::check)
                .optional();
    }

    /** The newest completed check of the upload made with the same mapping, options and changes. */
    Optional<Check> latestCompleted(UUID uploadId, String fingerprint) {
        return jdbc.sql("""
                        select * from import_upload_check
                        where upload_id = :upload and fingerprint = :fingerprint and status = 'COMPLETED'
                        order by id desc limit 1
                        """)
                .param("upload", uploadId)
                .param("fingerprint", fingerprint)
                .query(this::check)
                .optional();
    }

    /** The newest completed check of the upload, whatever it was made with: its settings check an edited row. */
    Optional<Check> latestCompleted(UUID uploadId) {
        return jdbc.sql("""
                        select * from import_upload_check where upload_id = :upload and status = 'COMPLETED'
                        order by id desc limit 1
                        """).param("upload", uploadId).query(this::check).optional();
    }

    /** Marks a queued check running; false when it is final already (cancelled before it started). */
    boolean markRunning(long id) {
        return jdbc.sql("""
                        update import_upload_check set status = 'RUNNING', started_at = coalesce(started_at, now()),
                               checked_rows = 0
                        where id = :id and status in ('QUEUED', 'RUNNING')
                        """).param("id", id).update() == 1;
    }

    void progress(long id, long checked, Long total) {
        jdbc.sql("""
                        update import_upload_check set checked_rows = :checked, total_rows = coalesce(:total, total_rows)
                        where id = :id
                        """)
                .param("checked", checked)
                .param("total", total)
                .param("id", id)
                .update();
    }

    void complete(long id, String report, String plan, String settings, long rows) {
        jdbc.sql("""
                        update import_upload_check set status = 'COMPLETED', finished_at = now(),
                               report = cast(:report as jsonb), plan = cast(:plan as jsonb),
                               settings = cast(:settings as jsonb), checked_rows = :rows,
                               total_rows = greatest(:rows, coalesce(total_rows, 0))
                        where id = :id
                        """)
                .param("report", report)
                .param("plan", plan)
                .param("settings", settings)
                .param("rows", rows)
                .param("id", id)
                .update();
    }

    void end(long id, String status, String message) {
        jdbc.sql("""
                        update import_upload_check set status = :status, finished_at = now(), error_message = :message
                        where id = :id and status in ('QUEUED', 'RUNNING')
                        """)
                .param("status", status)
                .param("message", message)
                .param("id", id)
                .update();
    }

    void requestCancel(long id) {
        jdbc.sql("update import_upload_check set cancel_requested = true where id = :id")
                .param("id", id)
                .update();
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from import_upload_check where id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    private Check check(ResultSet rs, int n) throws SQLException {
        return new Check(
                rs.getLong("id"),
                rs.getObject("upload_id", UUID.class),
                rs.getLong("created_by"),
                rs.getString("fingerprint"),
                rs.getString("request"),
                rs.getString("duplicate_mode"),
                rs.getString("status"),
                rs.getLong("checked_rows"),
                (Long) rs.getObject("total_rows"),
                rs.getBoolean("cancel_requested"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                tree(rs.getString("report")),
                tree(rs.getString("plan")),
                tree(rs.getString("settings")),
                rs.getString("error_message"));
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
