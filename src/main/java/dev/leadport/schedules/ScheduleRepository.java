package dev.leadport.schedules;

import dev.leadport.exports.ExportFormat;
import dev.leadport.leads.LeadFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of schedules and their runs. */
@Repository
class ScheduleRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String SELECT =
            "select s.*, u.username as owner_username from export_schedule s join app_user u on u.id = s.owner_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ScheduleRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(long ownerId, ScheduleService.Checked s, Instant nextRun, Instant now) {
        return bind(jdbc.sql("""
                        insert into export_schedule (owner_id, name, filter, fields, format, recurrence_type, at_time,
                          days_of_week, day_of_month, cron, time_zone, recipients, destination, destination_secrets,
                          delta, paused, next_run_at, created_at, updated_at)
                        values (:owner, :name, cast(:filter as jsonb), cast(:fields as jsonb), :format, :type, :time,
                          :days, :dom, :cron, :zone, cast(:recipients as jsonb), cast(:destination as jsonb),
                          cast(:secrets as jsonb), :delta, false, :next, :now, :now)
                        returning id
                        """), s)
                .param("owner", ownerId)
                .param("next", ts(nextRun))
                .param("now", ts(now))
                .query(Long.class)
                .single();
    }

    /** Changes the schedule; {@code resetWatermark} makes its next delta run export every lead again. */
    void update(long id, ScheduleService.Checked s, Instant nextRun, Instant now, boolean resetWatermark) {
        bind(jdbc.sql("""
                        update export_schedule set name = :name, filter = cast(:filter as jsonb),
                          fields = cast(:fields as jsonb), format = :format, recurrence_type = :type, at_time = :time,
                          days_of_week = :days, day_of_month = :dom, cron = :cron, time_zone = :zone,
                          recipients = cast(:recipients as jsonb), destination = cast(:destination as jsonb),
                          destination_secrets = cast(:secrets as jsonb), delta = :delta,
                          delta_since = case when :reset then null else delta_since end, next_run_at = :next,
                          updated_at = :now
                        where id = :id
                        """), s)
                .param("reset", resetWatermark)
                .param("id", id)
                .param("next", ts(nextRun))
                .param("now", ts(now))
                .update();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ScheduleService.Checked s) {
        Recurrence r = s.recurrence();
        DestinationRules.Checked d = s.destination();
        return spec.param("name", s.name())
                .param("filter", json.writeValueAsString(s.filter()))
                .param("fields", json.writeValueAsString(s.fields()))
                .param("format", s.format().name())
                .param("type", r.type().name())
                .param("time", r.time() == null ? null : Time.valueOf(r.time()))
                .param(
                        "days",
                        r.days().isEmpty()
                                ? null
                                : String.join(
                                        ",",
                                        r.days().stream()
                                                .sorted()
                                                .map(Enum::name)
                                                .toList()))
                .param("dom", r.dayOfMonth())
                .param("cron", r.cron())
                .param("zone", s.zone().getId())
                .param("recipients", json.writeValueAsString(s.recipients()))
                .param("destination", d == null ? null : json.writeValueAsString(d.destination()))
                .param("secrets", d == null ? null : json.writeValueAsString(d.secrets()))
                .param("delta", s.delta());
    }

    /** The schedule's destination with its secrets, for delivering and for keeping secrets a change leaves out. */
    DestinationRules.Checked storedDestination(long id) {
        return jdbc.sql("select destination, destination_secrets from export_schedule where id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getString("destination") == null
                        ? null
                        : new DestinationRules.Checked(
                                json.readValue(rs.getString("destination"), Destination.class),
                                json.readValue(rs.getString("destination_secrets"), Destination.Secrets.class)))
                .optional()
                .orElse(null);
    }

    Optional<ExportSchedule> find(long id) {
        return jdbc.sql(SELECT + " where s.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Newest first; everyone's when ownerId is null. */
    List<ExportSchedule> list(Long ownerId) {
        return jdbc.sql(SELECT + " where (cast(:owner as bigint) is null or s.owner_id = :owner) order by s.id desc")
                .param("owner", ownerId)
                .query(this::map)
                .list();
    }

    void setPaused(long id, boolean paused, Instant nextRun, Instant now) {
        jdbc.sql("update export_schedule set paused = :paused, next_run_at = :next, updated_at = :now where id = :id")
                .param("paused", paused)
                .param("next", ts(nextRun))
                .param("now", ts(now))
                .param("id", id)
                .update();
    }

    void setNextRun(long id, Instant nextRun) {
        jdbc.sql("update export_schedule set next_run_at = :next where id = :id")
                .param("next", ts(nextRun))
                .param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("delete from export_schedule where id = :id").param("id", id).update();
    }

    /**
     * Records that an occurrence starts (or is tried again). Returns the run, or empty when that occurrence already
     * completed or failed for good: an occurrence runs once.
     */
    Optional<ScheduleRun> startRun(long scheduleId, Instant scheduledFor, Instant now) {
        return jdbc.sql("""
                        insert into export_schedule_run (schedule_id, scheduled_for, started_at, status, attempts)
                        values (:schedule, :for, :now, 'RUNNING', 1)
                        on conflict (schedule_id, scheduled_for) do update
                          set status = 'RUNNING', attempts = export_schedule_run.attempts + 1, started_at = :now,
                              error = null
                          where export_schedule_run.status in ('RUNNING', 'RETRYING')
                        returning *
                        """)
                .param("schedule", scheduleId)
                .param("for", ts(scheduledFor))
                .param("now", ts(now))
                .query(this::mapRun)
                .optional();
    }

    void completeRun(
            long runId,
            Instant now,
            long rows,
            UUID fileId,
            String fileName,
            long size,
            String delivery,
            String deliveredTo) {
        jdbc.sql("""
                        update export_schedule_run set status = 'COMPLETED', finished_at = :now, row_count = :rows,
                          file_id = :file, file_name = :name, file_size = :size, delivery = :delivery,
                          delivered_to = :to, error = null
                        where id = :id
                        """)
                .param("to", deliveredTo)
                .param("now", ts(now))
                .param("rows", rows)
                .param("file", fileId)
                .param("name", fileName)
                .param("size", size)
                .param("delivery", delivery)
                .param("id", runId)
                .update();
    }

    /**
     * The watermark a delta run starting now may move to once it delivers: the start of the oldest transaction still
     * open in this database (or now), less a second. A lead's created/updated/deleted time is its transaction's
     * start ({@code now()}), so a change the export cannot see yet, being uncommitted, is stamped at or after this
     * instant and falls into the next run. Read in a statement of its own before the export's, so that every
     * transaction the export's snapshot misses was open here or began later; the second covers a transaction that
     * has begun but not yet shown itself in {@code pg_stat_activity}.
     */
    Instant safeWatermark() {
        return jdbc.sql("""
                        select least(clock_timestamp(), min(xact_start)) - interval '1 second'
                        from pg_stat_activity
                        where datname = current_database() and xact_start is not null and pid <> pg_backend_pid()
                        """)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .single();
    }

    /** Records what a delta run covered and moves the schedule's watermark, with the run's completion. */
    void completeDelta(
            long scheduleId,
            long runId,
            Instant changedSince,
            Instant watermark,
            long deletedRows,
            UUID fileId,
            String name) {
        jdbc.sql("""
                        update export_schedule_run set changed_since = :since, deleted_count = :deleted,
                          deleted_file_id = :file, deleted_file_name = :name
                        where id = :id
                        """)
                .param("since", ts(changedSince))
                .param("deleted", deletedRows)
                .param("file", fileId)
                .param("name", name)
                .param("id", runId)
                .update();
        jdbc.sql("update export_schedule set delta_since = :watermark where id = :id and delta")
                .param("watermark", ts(watermark))
                .param("id", scheduleId)
                .update();
    }

    void failRun(long runId, Instant now, String error, boolean retrying) {
        jdbc.sql("update export_schedule_run set status = :status, finished_at = :now, error = :error where id = :id")
                .param("status", retrying ? "RETRYING" : "FAILED")
                .param("now", retrying ? null : ts(now))
                .param("error", error)
                .param("id", runId)
                .update();
    }

    List<ScheduleRun> runs(long scheduleId, int limit) {
        return jdbc.sql(
                        "select * from export_schedule_run where schedule_id = :id order by scheduled_for desc limit :n")
                .param("id", scheduleId)
                .param("n", limit)
                .query(this::mapRun)
                .list();
    }

    Optional<ScheduleRun> run(long scheduleId, long runId) {
        return jdbc.sql("select * from export_schedule_run where schedule_id = :s and id = :id")
                .param("s", scheduleId)
                .param("id", runId)
                .query(this::mapRun)
                .optional();
    }

    private ExportSchedule map(ResultSet rs, int n) throws SQLException {
        LocalTime time = rs.getObject("at_time", LocalTime.class);
        String days = rs.getString("days_of_week");
        return new ExportSchedule(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getString("owner_username"),
                rs.getString("name"),
                json.readValue(rs.getString("filter"), LeadFilter.class),
                json.readValue(rs.getString("fields"), STRINGS),
                ExportFormat.valueOf(rs.getString("format")),
                new ExportSchedule.RecurrenceView(
                        rs.getString("recurrence_type"),
                        time == null ? null : time.toString(),
                        days == null ? List.of() : Arrays.asList(days.split(",")),
                        (Integer) rs.getObject("day_of_month"),
                        rs.getString("cron")),
                rs.getString("time_zone"),
                json.readValue(rs.getString("recipients"), STRINGS),
                rs.getString("destination") == null
                        ? null
                        : json.readValue(rs.getString("destination"), Destination.class),
                rs.getBoolean("delta"),
                instant(rs, "delta_since"),
                rs.getBoolean("paused"),
                instant(rs, "next_run_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private ScheduleRun mapRun(ResultSet rs, int n) throws SQLException {
        return new ScheduleRun(
                rs.getLong("id"),
                rs.getLong("schedule_id"),
                instant(rs, "scheduled_for"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Long) rs.getObject("row_count"),
                (UUID) rs.getObject("file_id"),
                rs.getString("file_name"),
                (Long) rs.getObject("file_size"),
                rs.getString("delivery"),
                rs.getString("delivered_to"),
                instant(rs, "changed_since"),
                (Long) rs.getObject("deleted_count"),
                (UUID) rs.getObject("deleted_file_id"),
                rs.getString("deleted_file_name"),
                rs.getString("error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
