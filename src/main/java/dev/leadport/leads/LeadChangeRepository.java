package dev.leadport.leads;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The lead module's own change records: creates, edits and deletes of single leads (table lead_change). */
@Repository
class LeadChangeRepository implements LeadHistorySource {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LeadChangeRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(long leadId, String kind, long actorId, Map<String, Object> before, Map<String, Object> after) {
        jdbc.sql("""
                        insert into lead_change (lead_id, kind, actor_id, before, after)
                        values (:lead, :kind, :actor, cast(:before as jsonb), cast(:after as jsonb))
                        """)
                .param("lead", leadId)
                .param("kind", kind)
                .param("actor", actorId)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    @Override
    public List<LeadChange> changesOf(long leadId) {
        return jdbc.sql("""
                        select kind, actor_id, changed_at, before, after from lead_change
                        where lead_id = :lead order by id
                        """)
                .param("lead", leadId)
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    Long actor = rs.getObject("actor_id", Long.class);
                    return new LeadChange(
                            rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                            switch (kind) {
                                case "CREATED" -> "Created";
                                case "DELETED" -> "Moved to the recycle bin";
                                default -> "Edited";
                            },
                            kind.equals("CREATED"),
                            actor,
                            null,
                            null,
                            read(rs.getString("before")),
                            read(rs.getString("after")));
                })
                .list();
    }

    private Map<String, Object> read(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }
}
