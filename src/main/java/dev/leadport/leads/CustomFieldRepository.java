package dev.leadport.leads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CustomFieldRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomFieldRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<CustomFieldDefinition> findAll() {
        return jdbc.sql("select * from custom_field order by position, id")
                .query(this::map)
                .list();
    }

    Optional<CustomFieldDefinition> findById(long id) {
        return jdbc.sql("select * from custom_field where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    long insert(CustomFieldDefinition d) {
        return jdbc.sql("""
                        insert into custom_field (key, label, type, options, required, position)
                        values (:key, :label, :type, cast(:options as jsonb), :required, :position)
                        returning id
                        """)
                .param("key", d.key())
                .param("label", d.label())
                .param("type", d.type().name())
                .param("options", json.writeValueAsString(d.options()))
                .param("required", d.required())
                .param("position", d.position())
                .query(Long.class)
                .single();
    }

    void update(CustomFieldDefinition d) {
        jdbc.sql("""
                        update custom_field set label = :label, options = cast(:options as jsonb),
                               required = :required, position = :position
                        where id = :id
                        """)
                .param("id", d.id())
                .param("label", d.label())
                .param("options", json.writeValueAsString(d.options()))
                .param("required", d.required())
                .param("position", d.position())
                .update();
    }

    /** Removes the definition and its values from every lead, in one statement each. */
    void delete(CustomFieldDefinition d) {
        jdbc.sql("update lead set custom = custom - :key where jsonb_exists(custom, :key)")
                .param("key", d.key())
                .update();
        jdbc.sql("delete from custom_field where id = :id").param("id", d.id()).update();
    }

    private CustomFieldDefinition map(ResultSet rs, int row) throws SQLException {
        return new CustomFieldDefinition(
                rs.getLong("id"),
                rs.getString("key"),
                rs.getString("label"),
                CustomFieldType.valueOf(rs.getString("type")),
                json.readValue(rs.getString("options"), STRINGS),
                rs.getBoolean("required"),
                rs.getInt("position"));
    }
}
