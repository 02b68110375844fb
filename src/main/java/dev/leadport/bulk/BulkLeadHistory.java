package dev.leadport.bulk;

import dev.leadport.leads.LeadChange;
import dev.leadport.leads.LeadHistorySource;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What bulk operations did to one lead, for its history: from the per-lead results, which keep the values before an
 * update or assign, and, for an undo, the values it put back (the undone operation's previous values).
 */
@Component
class BulkLeadHistory implements LeadHistorySource {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BulkLeadHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<LeadChange> changesOf(long leadId) {
        return jdbc.sql("""
                        select o.id, o.kind, o.actor_id, o.undo_of, o.request, r.previous, u.previous as restored,
                               coalesce(r.applied_at, o.finished_at, o.created_at) as at
                        from bulk_result r
                        join bulk_operation o on o.id = r.operation_id
                        left join bulk_result u on u.operation_id = o.undo_of and u.position = r.position
                        where r.lead_id = :lead and not o.dry_run
                          and r.result in ('UPDATED', 'ASSIGNED', 'DELETED', 'RESTORED')
                        """)
                .param("lead", leadId)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    BulkKind kind = BulkKind.valueOf(rs.getString("kind"));
                    long undoOf = rs.getLong("undo_of");
                    Map<String, Object> previous = read(rs.getString("previous"));
                    Map<String, Object> restored = read(rs.getString("restored"));
                    BulkParameters request = json.readValue(rs.getString("request"), BulkParameters.class);
                    String what = switch (kind) {
                        case UPDATE -> "Bulk change " + id;
                        case ASSIGN -> "Bulk assignment " + id;
                        case DELETE -> "Bulk delete " + id + " moved it to the recycle bin";
                        case RESTORE -> "Restored from the recycle bin (operation " + id + ")";
                        case UNDO -> "Undo " + id + " of bulk operation " + undoOf;
                    };
                    Map<String, Object> before = switch (kind) {
                        case UPDATE, ASSIGN -> previous == null ? Map.of() : previous;
                        case UNDO -> null;
                        default -> Map.of();
                    };
                    Map<String, Object> after = switch (kind) {
                        case UPDATE -> updated(previous, request);
                        case ASSIGN -> ownerAfter(request);
                        case UNDO -> restored == null ? Map.of() : restored;
                        default -> Map.of();
                    };
                    return new LeadChange(
                            rs.getObject("at", OffsetDateTime.class).toInstant(),
                            what,
                            false,
                            rs.getLong("actor_id"),
                            "/api/leads/bulk/" + id + "/results.csv",
                            "Results of operation " + id + " (CSV)",
                            before,
                            after);
                })
                .list();
    }

    /** The values an update set: only those it asked for (custom values merge into the previous ones). */
    private static Map<String, Object> updated(Map<String, Object> previous, BulkParameters request) {
        Map<String, Object> after = new HashMap<>();
        if (request.status() != null) {
            after.put("status", request.status());
        }
        if (request.setSource()) {
            after.put("source", request.source());
        }
        if (!request.custom().isEmpty()) {
            Map<String, Object> custom = new HashMap<>();
            if (previous != null && previous.get("custom") instanceof Map<?, ?> old) {
                old.forEach((k, v) -> custom.put(String.valueOf(k), v));
            }
            custom.putAll(request.custom());
            after.put("custom", custom);
        }
        return after;
    }

    private static Map<String, Object> ownerAfter(BulkParameters request) {
        Map<String, Object> after = new HashMap<>();
        after.put("ownerId", request.ownerId());
        return after;
    }

    private Map<String, Object> read(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }
}
