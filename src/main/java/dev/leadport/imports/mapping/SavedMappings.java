package dev.leadport.imports.mapping;

import dev.leadport.users.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Mappings used once, kept by the fingerprint of the file's header set and offered again for the same shape. */
@Repository
public class SavedMappings {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SavedMappings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Map<String, String>> find(List<String> headers) {
        return jdbc.sql("select mapping from import_saved_mapping where fingerprint = :fingerprint")
                .param("fingerprint", ColumnMapping.fingerprintOf(headers))
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, STRING_MAP));
    }

    public void save(List<String> headers, Map<String, String> mapping, CurrentUser user) {
        jdbc.sql("""
                        insert into import_saved_mapping (fingerprint, headers, mapping, saved_by, saved_at)
                        values (:fingerprint, cast(:headers as jsonb), cast(:mapping as jsonb), :user, now())
                        on conflict (fingerprint) do update
                          set mapping = excluded.mapping, headers = excluded.headers, saved_by = excluded.saved_by,
                              saved_at = now()
                        """)
                .param("fingerprint", ColumnMapping.fingerprintOf(headers))
                .param("headers", json.writeValueAsString(headers))
                .param("mapping", json.writeValueAsString(mapping))
                .param("user", user.id())
                .update();
    }
}
