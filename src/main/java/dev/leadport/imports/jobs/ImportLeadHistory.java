package dev.leadport.imports.jobs;

import dev.leadport.leads.LeadChange;
import dev.leadport.leads.LeadHistorySource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What imports did to one lead, for its history: the import that created it, each import that updated it (with
 * the values it had before), and each undo that put it back.
 */
@Component
class ImportLeadHistory implements LeadHistorySource {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    /** The lead table's columns as the API names them, for the values an update recorded before it ran. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("first_name", "firstName"),
            Map.entry("last_name", "lastName"),
            Map.entry("email", "email"),
            Map.entry("phone", "phone"),
            Map.entry("company", "company"),
            Map.entry("job_title", "jobTitle"),
            Map.entry("status", "status"),
            Map.entry("source", "source"),
            Map.entry("owner_id", "ownerId"),
            Map.entry("notes", "notes"),
            Map.entry("custom", "custom"));

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportLeadHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<LeadChange> changesOf(long leadId) {
        List<LeadChange> changes = new ArrayList<>();
        jdbc.sql("""
                        select c.import_id, c.action, c.before, c.after, c.changed_at, c.undone_at, c.undone_by,
                               j.file_name, j.created_by
                        from import_lead_change c join import_job j on j.id = c.import_id
                        where c.lead_id = :lead
                        """).param("lead", leadId).query(rs -> {
            long importId = rs.getLong("import_id");
            boolean created = rs.getString("action").equals("CREATED");
            Map<String, Object> before = created ? null : fields(rs.getString("before"));
            String afterText = rs.getString("after");
            Map<String, Object> after = afterText == null ? null : fields(afterText);
            String file = rs.getString("file_name");
            String link = "/import?job=" + importId;
            String linkText = "Import " + importId;
            changes.add(new LeadChange(
                    rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                    (created ? "Created by import of " : "Updated by import of ") + file,
                    created,
                    rs.getLong("created_by"),
                    link,
                    linkText,
                    before,
                    after));
            OffsetDateTime undone = rs.getObject("undone_at", OffsetDateTime.class);
            if (undone != null) {
                changes.add(new LeadChange(
                        undone.toInstant(),
                        "Import of " + file
                                + (created ? " undone: moved to the recycle bin" : " undone: values put back"),
                        false,
                        rs.getObject("undone_by", Long.class),
                        link,
                        linkText,
                        created ? Map.of() : after,
                        created ? Map.of() : before));
            }
        });
        return changes;
    }

    private Map<String, Object> fields(String text) {
        Map<String, Object> result = new HashMap<>();
        if (text == null) {
            return result;
        }
        json.readValue(text, MAP).forEach((column, value) -> {
            String field = FIELDS.get(column);
            if (field != null) {
                result.put(field, value);
            }
        });
        return result;
    }
}
