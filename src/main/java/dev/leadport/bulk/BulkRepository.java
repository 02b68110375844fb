package dev.leadport.bulk;

import dev.leadport.leads.SqlWhere;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.users.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * The SQL of bulk operations. Leads change in set-based statements, one chunk of results per statement and
 * transaction: each chunk locks its leads, changes those that differ, and turns its PENDING results final with the
 * previous values, in one round trip. A restarted job just runs the chunks still PENDING.
 */
@Repository
class BulkRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    BulkRepository(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json) {
        this.jdbc = jdbc;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(2000);
        this.cursor = new NamedParameterJdbcTemplate(streaming);
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
    }

    /** A lead as the id check sees it. */
    record LeadState(long id, Long ownerId, boolean deleted) {}

    /** One result as the API and the results file show it. */
    record ResultRow(int position, String ref, Long leadId, BulkResultCode result, String message) {}

    /** A deleted lead in the recycle bin. */
    record BinEntry(
            long id,
            String firstName,
            String lastName,
            String email,
            String company,
            Long ownerId,
            Instant deletedAt) {}

    Map<Long, LeadState> states(List<Long> ids) {
        Map<Long, LeadState> states = new HashMap<>();
        // A typed bigint[] parameter: the planner sees an array constant and looks each id up (or hashes the
        // array); the same array sent as text and cast in SQL was compared with every lead row by row.
        jdbc.sql("select id, owner_id, deleted_at is not null as deleted from lead where id = any(:ids)")
                .param("ids", longs(ids))
                .query((ResultSet rs) -> {
                    long owner = rs.getLong("owner_id");
                    Long ownerId = rs.wasNull() ? null : owner;
                    states.put(rs.getLong("id"), new LeadState(rs.getLong("id"), ownerId, rs.getBoolean("deleted")));
                });
        return states;
    }

    List<Long> idsMatching(SqlWhere where) {
        return jdbc.sql("select l.id from lead l where " + where.sql() + " order by l.id")
                .params(where.params())
                .query(Long.class)
                .list();
    }

    long create(BulkKind kind, OperationStatus status, CurrentUser actor, boolean dryRun, BulkParameters p, int n) {
        return jdbc.sql("""
                        insert into bulk_operation (kind, status, actor_id, dry_run, request, requested, undo_of)
                        values (:kind, :status, :actor, :dryRun, cast(:request as jsonb), :requested, :undoOf)
                        returning id
                        """)
                .param("kind", kind.name())
                .param("status", status.name())
                .param("actor", actor.id())
                .param("dryRun", dryRun)
                .param("request", json.writeValueAsString(p))
                .param("requested", n)
                .param("undoOf", p.undoOf())
                .query(Long.class)
                .single();
    }

    /** Targets stored per statement, so a request of 100,000 ids never becomes one 10 MB statement. */
    private static final int TARGETS_PER_STATEMENT = 5_000;

    /**
     * Stores the targets, {@link #TARGETS_PER_STATEMENT} at a time: PENDING ones as two arrays, the ones already
     * final (unknown, forbidden or malformed ids) as a JSON record set.
     */
    void insertTargets(long operation, List<BulkTarget> targets) {
        for (int from = 0; from < targets.size(); from += TARGETS_PER_STATEMENT) {
            insertTargetBatch(operation, targets.subList(from, Math.min(targets.size(), from + TARGETS_PER_STATEMENT)));
        }
    }

    private void insertTargetBatch(long operation, List<BulkTarget> targets) {
        List<BulkTarget> pending =
                targets.stream().filter(t -> t.code() == BulkResultCode.PENDING).toList();
        List<BulkTarget> settled =
                targets.stream().filter(t -> t.code() != BulkResultCode.PENDING).toList();
        if (!pending.isEmpty()) {
            jdbc.sql("""
                            insert into bulk_result (operation_id, position, lead_ref, lead_id, result)
                            select :op, t.position, t.lead_id::text, t.lead_id, 'PENDING'
                            from unnest(:positions, :ids) as t (position, lead_id)
                            """)
                    .param("op", operation)
                    .param(
                            "positions",
                            pending.stream().mapToInt(BulkTarget::position).toArray())
                    .param("ids", longs(pending.stream().map(BulkTarget::leadId).toList()))
                    .update();
        }
        if (!settled.isEmpty()) {
            // Typed arrays, like the pending ones: 100,000 unknown ids as one JSON record set cost about two
            // seconds of JSON building and parsing; as arrays they are one unnest.
            jdbc.sql("""
                            insert into bulk_result (operation_id, position, lead_ref, lead_id, result, message)
                            select :op, t.position, t.ref, t.lead_id, t.result, t.message
                            from unnest(:positions, :refs, :ids, :results, :messages)
                              as t (position, ref, lead_id, result, message)
                            """)
                    .param("op", operation)
                    .param(
                            "positions",
                            settled.stream().mapToInt(BulkTarget::position).toArray())
                    .param("refs", textArray(settled.stream().map(BulkTarget::ref)))
                    .param(
                            "ids",
                            new SqlParameterValue(
                                    Types.ARRAY,
                                    settled.stream()
                                            .map(t -> unknown(t) ? null : t.leadId())
                                            .toArray(Long[]::new)))
                    .param(
                            "results",
                            textArray(settled.stream().map(t -> t.code().name())))
                    .param("messages", textArray(settled.stream().map(t -> unknown(t) ? null : t.message())))
                    .update();
        }
    }

    /**
     * Whether the target is an id that names no lead. Its result is stored without lead id and message, which
     * {@link #result} restores from the id as written: such a row never enters a lead's history, so it stays out of
     * the by-lead index, and 100,000 unknown ids write about a third less.
     */
    private static boolean unknown(BulkTarget t) {
        return t.code() == BulkResultCode.NOT_FOUND
                && t.leadId() != null
                && BulkTargets.noLead(t.leadId()).equals(t.message());
    }

    /** A text[] parameter (an Object[] alone would be expanded into a list of parameters). */
    private static SqlParameterValue textArray(Stream<String> values) {
        return new SqlParameterValue(Types.ARRAY, values.toArray(String[]::new));
    }

    /** An undo's targets: the leads the original operation changed, at the same positions. */
    int insertUndoTargets(long undo, long original) {
        int n = jdbc.sql("""
                        insert into bulk_result (operation_id, position, lead_ref, lead_id, result)
                        select :undo, position, lead_ref, lead_id, 'PENDING' from bulk_result
                        where operation_id = :original and result in ('UPDATED', 'ASSIGNED')
                        """).param("undo", undo).param("original", original).update();
        jdbc.sql("update bulk_operation set requested = :n where id = :undo")
                .param("n", n)
                .param("undo", undo)
                .update();
        return n;
    }

    /** What one chunk settled: how many results, and the last position, where the next chunk starts. */
    record Chunk(int settled, int last) {}

    /**
     * Runs the next chunk of PENDING results after position {@code after} in one transaction; a chunk that settled
     * nothing means the operation is done.
     */
    Chunk runChunk(BulkOperation op, CurrentUser actor, int size, int after) {
        Chunk chunk = transaction.execute(status -> {
            List<Integer> positions = chunkStatement(op, actor, size)
                    .param("after", after)
                    .query(Integer.class)
                    .list();
            if (!positions.isEmpty()) {
                jdbc.sql("update bulk_operation set processed = processed + :n where id = :op")
                        .param("n", positions.size())
                        .param("op", op.id())
                        .update();
            }
            return new Chunk(
                    positions.size(),
                    positions.stream().mapToInt(Integer::intValue).max().orElse(after));
        });
        return chunk == null ? new Chunk(0, after) : chunk;
    }

    private JdbcClient.StatementSpec chunkStatement(BulkOperation op, CurrentUser actor, int size) {
        BulkParameters p = op.parameters();
        String sql = switch (op.kind()) {
            case UPDATE -> BulkSql.UPDATE_CHUNK;
            case ASSIGN -> BulkSql.ASSIGN_CHUNK;
            case DELETE -> BulkSql.DELETE_CHUNK;
            case RESTORE -> BulkSql.RESTORE_CHUNK;
            case UNDO -> BulkSql.UNDO_CHUNK;
        };
        JdbcClient.StatementSpec spec = jdbc.sql(sql)
                .param("op", op.id())
                .param("size", size)
                .param("all", actor.seesAllLeads())
                .param("actor", actor.id());
        return switch (op.kind()) {
            case UPDATE -> changes(spec, p);
            case ASSIGN -> spec.param("owner", p.ownerId());
            case UNDO -> spec.param("undoOf", p.undoOf());
            default -> spec;
        };
    }

    /** Settles every PENDING result of a dry run with what would happen, changing no lead. */
    void dryRun(BulkOperation op, CurrentUser actor) {
        String sql = switch (op.kind()) {
            case UPDATE -> BulkSql.UPDATE_DRY_RUN;
            case ASSIGN -> BulkSql.ASSIGN_DRY_RUN;
            case DELETE -> BulkSql.DELETE_DRY_RUN;
            case RESTORE -> BulkSql.RESTORE_DRY_RUN;
            case UNDO -> throw new IllegalArgumentException("An undo has no dry run");
        };
        JdbcClient.StatementSpec spec = jdbc.sql(sql)
                .param("op", op.id())
                .param("all", actor.seesAllLeads())
                .param("actor", actor.id());
        if (op.kind() == BulkKind.UPDATE) {
            spec = changes(spec, op.parameters());
        } else if (op.kind() == BulkKind.ASSIGN) {
            spec = spec.param("owner", op.parameters().ownerId());
        }
        int n = spec.update();
        jdbc.sql("update bulk_operation set processed = :n where id = :op")
                .param("n", n)
                .param("op", op.id())
                .update();
    }

    private JdbcClient.StatementSpec changes(JdbcClient.StatementSpec spec, BulkParameters p) {
        return spec.param("status", p.status())
                .param("setSource", p.setSource())
                .param("source", p.source())
                .param("custom", json.writeValueAsString(p.custom()));
    }

    Optional<BulkOperation> find(long id) {
        return jdbc.sql("select * from bulk_operation where id = :id")
                .param("id", id)
                .query(this::operation)
                .optional();
    }

    void finish(long id, OperationStatus status, String error, Instant finishedAt) {
        jdbc.sql("update bulk_operation set status = :status, error = :error, finished_at = :at where id = :id")
                .param("status", status.name())
                .param("error", error)
                .param("at", finishedAt == null ? null : OffsetDateTime.ofInstant(finishedAt, java.time.ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    /**
     * Refreshes the planner's statistics of the results table. Without them a freshly stored large operation is
     * estimated at a row or two, and the chunk statement's joins degrade to nested loops (seconds per chunk instead
     * of a tenth of a second).
     */
    void refreshStatistics() {
        jdbc.sql("analyze bulk_result").update();
    }

    void queue(long id) {
        jdbc.sql("update bulk_operation set status = 'QUEUED' where id = :id")
                .param("id", id)
                .update();
    }

    void markRunning(long id) {
        jdbc.sql("update bulk_operation set status = 'RUNNING' where id = :id and status = 'QUEUED'")
                .param("id", id)
                .update();
    }

    /** Marks the original as undone by the undo; false when another undo got there first. */
    boolean claimUndo(long original, long undo) {
        return jdbc.sql("update bulk_operation set undone_by = :undo where id = :original and undone_by is null")
                        .param("undo", undo)
                        .param("original", original)
                        .update()
                == 1;
    }

    Map<BulkResultCode, Long> totals(long operation) {
        Map<BulkResultCode, Long> totals = new EnumMap<>(BulkResultCode.class);
        jdbc.sql("select result, count(*) as n from bulk_result where operation_id = :op group by result")
                .param("op", operation)
                .query((ResultSet rs) -> {
                    totals.put(BulkResultCode.valueOf(rs.getString("result")), rs.getLong("n"));
                });
        return totals;
    }

    List<ResultRow> results(long operation, int limit) {
        List<ResultRow> rows = new ArrayList<>();
        jdbc.sql("""
                        select position, lead_ref, lead_id, result, message from bulk_result
                        where operation_id = :op order by position limit :limit
                        """).param("op", operation).param("limit", limit).query((ResultSet rs) -> {
            rows.add(result(rs));
        });
        return rows;
    }

    /** Every result in request order, from a cursor, for the results file. */
    void streamResults(long operation, Consumer<ResultRow> consumer) {
        transaction.executeWithoutResult(status -> cursor.query(
                "select position, lead_ref, lead_id, result, message from bulk_result"
                        + " where operation_id = :op order by position",
                Map.of("op", operation),
                (ResultSet rs) -> {
                    consumer.accept(result(rs));
                }));
    }

    List<BinEntry> recycleBin(CurrentUser user, Long afterId, int limit) {
        String sql = "select id, first_name, last_name, email, company, owner_id, deleted_at from lead"
                + " where deleted_at is not null and (:all or owner_id = :user)"
                + (afterId == null ? "" : " and id < :after")
                + " order by id desc limit :limit";
        JdbcClient.StatementSpec spec = jdbc.sql(sql)
                .param("all", user.seesAllLeads())
                .param("user", user.id())
                .param("limit", limit);
        if (afterId != null) {
            spec = spec.param("after", afterId);
        }
        return spec.query((rs, i) -> {
                    long owner = rs.getLong("owner_id");
                    Long ownerId = rs.wasNull() ? null : owner;
                    return new BinEntry(
                            rs.getLong("id"),
                            rs.getString("first_name"),
                            rs.getString("last_name"),
                            rs.getString("email"),
                            rs.getString("company"),
                            ownerId,
                            rs.getObject("deleted_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    /** Deletes up to {@code batch} leads that went to the recycle bin before the cut-off; returns how many. */
    int purge(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from lead where id in (
                          select id from lead where deleted_at < :cutoff order by deleted_at limit :batch)
                        """)
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC))
                .param("batch", batch)
                .update();
    }

    private BulkOperation operation(ResultSet rs, int row) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        long undoOf = rs.getLong("undo_of");
        Long undoOfId = rs.wasNull() ? null : undoOf;
        long undoneBy = rs.getLong("undone_by");
        Long undoneById = rs.wasNull() ? null : undoneBy;
        return new BulkOperation(
                rs.getLong("id"),
                BulkKind.valueOf(rs.getString("kind")),
                OperationStatus.valueOf(rs.getString("status")),
                rs.getLong("actor_id"),
                rs.getBoolean("dry_run"),
                json.readValue(rs.getString("request"), BulkParameters.class),
                rs.getInt("requested"),
                rs.getInt("processed"),
                undoOfId,
                undoneById,
                rs.getString("error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private static ResultRow result(ResultSet rs) throws SQLException {
        long lead = rs.getLong("lead_id");
        Long leadId = rs.wasNull() ? null : lead;
        String ref = rs.getString("lead_ref");
        BulkResultCode code = BulkResultCode.valueOf(rs.getString("result"));
        String message = rs.getString("message");
        if (code == BulkResultCode.NOT_FOUND && leadId == null && message == null) {
            // An unknown id, stored compactly (see unknown).
            leadId = BulkTargets.parse(StringNode.valueOf(ref));
            message = leadId == null ? null : BulkTargets.noLead(leadId);
        }
        return new ResultRow(rs.getInt("position"), ref, leadId, code, message);
    }

    /** A typed array parameter (pgjdbc sends a {@code long[]} as {@code int8[]}). */
    private static long[] longs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
