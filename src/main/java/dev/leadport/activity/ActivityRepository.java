package dev.leadport.activity;

import dev.leadport.shared.Excerpt;
import dev.leadport.shared.events.OperationEvent.Counts;
import dev.leadport.users.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The activity log's SQL. Only inserts and the retention purge write; the database refuses anything else. */
@Repository
class ActivityRepository {

    /** An entry is its operation's current state when no newer entry of the same operation exists. */
    private static final String LATEST = "not exists (select 1 from activity_entry n"
            + " where n.type = e.type and n.operation_id = e.operation_id and n.id > e.id)";

    private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    ActivityRepository(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx, JsonMapper json) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // A server-side cursor: the export reads the log in slices instead of loading it whole.
        template.setFetchSize(500);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.tx = tx;
        this.json = json;
    }

    /*
     * The log is append-only and cannot be cleaned by hand, so every value a user can choose (a name typed at
     * sign-in, a file name, a filter, an error echoing a cell) is kept as a bounded excerpt: an entry stays a few KB.
     */
    static final int MAX_NAME = 254;
    static final int MAX_VALUE = 500;
    static final int MAX_ITEMS = 100;
    static final int MAX_ERROR = 2000;

    long append(ActivityEntry e, String searchText) {
        return jdbc.sql("""
                        insert into activity_entry (recorded_at, category, type, operation_id, status, actor_id,
                          actor_username, started_at, finished_at, parameters, total, processed, created, updated,
                          skipped, failed, duration_ms, rows_per_second, error_summary, links, search_text)
                        values (:recorded, :category, :type, :operation, :status, :actorId, :actor, :started,
                          :finished, cast(:parameters as jsonb), :total, :processed, :created, :updated, :skipped,
                          :failed, :duration, :rps, :error, cast(:links as jsonb), :search)
                        returning id
                        """)
                .param("recorded", ts(e.recordedAt()))
                .param("category", e.category())
                .param("type", e.type())
                .param("operation", e.operationId())
                .param("status", e.status())
                .param("actorId", e.actorId())
                .param("actor", Excerpt.of(e.actorUsername(), MAX_NAME))
                .param("started", ts(e.startedAt()))
                .param("finished", ts(e.finishedAt()))
                .param("parameters", json.writeValueAsString(Excerpt.bounded(e.parameters(), MAX_VALUE, MAX_ITEMS)))
                .param("total", e.counts().total())
                .param("processed", e.counts().processed())
                .param("created", e.counts().created())
                .param("updated", e.counts().updated())
                .param("skipped", e.counts().skipped())
                .param("failed", e.counts().failed())
                .param("duration", e.durationMillis())
                .param("rps", e.rowsPerSecond())
                .param("error", Excerpt.of(e.errorSummary(), MAX_ERROR))
                .param("links", json.writeValueAsString(e.links()))
                .param("search", Excerpt.of(searchText, MAX_ERROR).toLowerCase(Locale.ROOT))
                .query(Long.class)
                .single();
    }

    /** One page of operations (each in its latest state), newest first, with the total across all pages. */
    ActivityPage list(ActivityQuery query, CurrentUser user, int page, int size) {
        Where where = where(query, user);
        long total = jdbc.sql("select count(*) from activity_entry e where " + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
        List<ActivityEntry> items = jdbc.sql("select * from activity_entry e where " + where.sql
                        + " order by e.id desc limit :limit offset :offset")
                .params(where.params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(this::map)
                .list();
        return new ActivityPage(items, page, size, total);
    }

    /** Streams every matching operation (latest state), newest first, through a cursor. */
    void stream(ActivityQuery query, CurrentUser user, Consumer<ActivityEntry> consumer) {
        Where where = where(query, user);
        tx.executeWithoutResult(status -> streaming.query(
                "select * from activity_entry e where " + where.sql + " order by e.id desc", where.params, rs -> {
                    consumer.accept(map(rs, 0));
                }));
    }

    Optional<ActivityEntry> find(long id) {
        return jdbc.sql("select * from activity_entry e where e.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Every entry of one operation, oldest first. */
    List<ActivityEntry> operation(String type, String operationId) {
        return jdbc.sql("select * from activity_entry e where e.type = :type and e.operation_id = :op order by e.id")
                .param("type", type)
                .param("op", operationId)
                .query(this::map)
                .list();
    }

    /**
     * Finished operations in the period, grouped by type (or all together when {@code byType} is false), with
     * throughput and duration percentiles computed by PostgreSQL.
     */
    List<ActivityMetrics.Group> metrics(Instant from, Instant to, CurrentUser user, boolean byType) {
        Where where = finishedIn(from, to, user);
        String group = byType ? "e.type" : "null::text";
        return jdbc.sql("select " + group + " as type, count(*) as operations,"
                        + " coalesce(sum(e.processed), 0) as rows_processed,"
                        + " coalesce(sum(e.failed), 0) as rows_failed,"
                        + " count(*) filter (where e.status = 'FAILED') as failed_operations,"
                        + " count(*) filter (where e.status = 'COMPLETED_WITH_ERRORS') as operations_with_errors,"
                        + " percentile_cont(0.5) within group (order by e.rows_per_second) as rps_p50,"
                        + " percentile_cont(0.95) within group (order by e.rows_per_second) as rps_p95,"
                        + " percentile_cont(0.5) within group (order by e.duration_ms) as duration_p50,"
                        + " percentile_cont(0.95) within group (order by e.duration_ms) as duration_p95"
                        + " from activity_entry e where " + where.sql
                        // All types together are the operations; a validation is a dry run, counted on its own.
                        + (byType ? " group by e.type order by e.type" : " and e.type <> 'VALIDATION'"))
                .params(where.params)
                .query((rs, n) -> ActivityMetrics.Group.of(
                        rs.getString("type"),
                        rs.getLong("operations"),
                        rs.getLong("rows_processed"),
                        rs.getLong("rows_failed"),
                        rs.getLong("failed_operations"),
                        rs.getLong("operations_with_errors"),
                        (Double) rs.getObject("rps_p50"),
                        (Double) rs.getObject("rps_p95"),
                        (Double) rs.getObject("duration_p50"),
                        (Double) rs.getObject("duration_p95")))
                .list();
    }

    /** Finished operations in the period per type and final status. */
    List<ActivityMetrics.TypeStatusCount> countsByTypeAndStatus(Instant from, Instant to, CurrentUser user) {
        Where where = finishedIn(from, to, user);
        return jdbc.sql("select e.type, e.status, count(*) as n from activity_entry e where " + where.sql
                        + " group by e.type, e.status order by e.type, e.status")
                .params(where.params)
                .query((rs, n) -> new ActivityMetrics.TypeStatusCount(
                        rs.getString("type"), rs.getString("status"), rs.getLong("n")))
                .list();
    }

    /** Deletes entries recorded before the cutoff; the only delete the append-only trigger lets through. */
    int purgeBefore(Instant cutoff) {
        Integer deleted = tx.execute(status -> {
            jdbc.sql("select set_config('leadport.purge', 'on', true)")
                    .query(String.class)
                    .single();
            return jdbc.sql("delete from activity_entry where recorded_at < :cutoff")
                    .param("cutoff", ts(cutoff))
                    .update();
        });
        return deleted == null ? 0 : deleted;
    }

    private Where finishedIn(Instant from, Instant to, CurrentUser user) {
        ActivityQuery query = new ActivityQuery(
                List.of(),
                List.of("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED", "UNDONE"),
                null,
                from,
                to,
                null);
        Where where = where(query, user);
        return new Where(where.sql + " and e.category = 'OPERATION'", where.params);
    }

    private static Where where(ActivityQuery query, CurrentUser user) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions.add(LATEST);
        if (!user.seesAllLeads()) {
            conditions.add("e.actor_id = :me");
            params.put("me", user.id());
        }
        if (!query.types().isEmpty()) {
            conditions.add("e.type in (:types)");
            params.put("types", query.types());
        }
        if (!query.statuses().isEmpty()) {
            conditions.add("e.status in (:statuses)");
            params.put("statuses", query.statuses());
        }
        if (query.username() != null) {
            conditions.add("lower(e.actor_username) = lower(:username)");
            params.put("username", query.username());
        }
        if (query.from() != null) {
            conditions.add("e.recorded_at >= :from");
            params.put("from", ts(query.from()));
        }
        if (query.to() != null) {
            conditions.add("e.recorded_at < :to");
            params.put("to", ts(query.to()));
        }
        if (query.q() != null) {
            conditions.add("e.search_text like :q");
            params.put("q", "%" + escapeLike(query.q().toLowerCase(Locale.ROOT)) + "%");
        }
        return new Where(String.join(" and ", conditions), params);
    }

    private ActivityEntry map(ResultSet rs, int n) throws SQLException {
        return new ActivityEntry(
                rs.getLong("id"),
                instant(rs, "recorded_at"),
                rs.getString("category"),
                rs.getString("type"),
                rs.getString("operation_id"),
                rs.getString("status"),
                (Long) rs.getObject("actor_id"),
                rs.getString("actor_username"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                json.readValue(rs.getString("parameters"), OBJECT_MAP),
                new Counts(
                        rs.getLong("total"),
                        rs.getLong("processed"),
                        rs.getLong("created"),
                        rs.getLong("updated"),
                        rs.getLong("skipped"),
                        rs.getLong("failed")),
                (Long) rs.getObject("duration_ms"),
                (Double) rs.getObject("rows_per_second"),
                rs.getString("error_summary"),
                json.readValue(rs.getString("links"), STRING_MAP));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Where(String sql, Map<String, Object> params) {}
}
