package dev.leadport.imports.mapping;

import dev.leadport.shared.ForbiddenException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.users.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mappings (columns and value maps) a user reviewed and imported with, kept per user by the fingerprint of the file's
 * header set and offered again for the same shape; an admin may publish one for everybody. A user's own mapping comes
 * before a published one.
 */
@Repository
public class SavedMappings {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, String>>> VALUE_MAPS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SavedMappings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A saved mapping as the API shows it; {@code owner} is null for one published for everybody. */
    public record Saved(
            long id,
            List<String> headers,
            Map<String, String> mapping,
            Map<String, Map<String, String>> valueMaps,
            boolean published,
            Long ownerId,
            Instant savedAt) {}

    /** The user's own mapping for these headers, else the published one. */
    public Optional<Saved> find(List<String> headers, CurrentUser user) {
        return jdbc.sql("""
                        select * from import_saved_mapping
                        where fingerprint = :fingerprint and (owner_id = :user or owner_id is null)
                        order by owner_id nulls last limit 1
                        """)
                .param("fingerprint", ColumnMapping.fingerprintOf(headers))
                .param("user", user.id())
                .query(this::saved)
                .optional();
    }

    /** The user's own mappings and the published ones, newest first. */
    public List<Saved> visibleTo(CurrentUser user) {
        return jdbc.sql("""
                        select * from import_saved_mapping where owner_id = :user or owner_id is null
                        order by saved_at desc, id desc
                        """).param("user", user.id()).query(this::saved).list();
    }

    public void save(
            List<String> headers,
            Map<String, String> mapping,
            Map<String, Map<String, String>> valueMaps,
            CurrentUser user) {
        jdbc.sql("""
                        insert into import_saved_mapping
                          (fingerprint, headers, mapping, value_maps, owner_id, saved_by, saved_at)
                        values (:fingerprint, cast(:headers as jsonb), cast(:mapping as jsonb),
                                cast(:valueMaps as jsonb), :user, :user, now())
                        on conflict (fingerprint, owner_id) where owner_id is not null do update
                          set mapping = excluded.mapping, headers = excluded.headers,
                              value_maps = excluded.value_maps, saved_at = now()
                        """)
                .param("fingerprint", ColumnMapping.fingerprintOf(headers))
                .param("headers", json.writeValueAsString(headers))
                .param("mapping", json.writeValueAsString(mapping))
                .param("valueMaps", json.writeValueAsString(valueMaps))
                .param("user", user.id())
                .update();
    }

    /** Publishes a copy of one of the admin's mappings for everybody, replacing any published for the same headers. */
    public Saved publish(long id, CurrentUser admin) {
        if (!admin.isAdmin()) {
            throw new ForbiddenException("Only an admin can publish a mapping for everybody.");
        }
        Saved mapping = visible(id, admin);
        jdbc.sql("""
                        insert into import_saved_mapping
                          (fingerprint, headers, mapping, value_maps, owner_id, saved_by, published_by, saved_at)
                        select fingerprint, headers, mapping, value_maps, null, saved_by, :admin, now()
                        from import_saved_mapping where id = :id
                        on conflict (fingerprint) where owner_id is null do update
                          set mapping = excluded.mapping, headers = excluded.headers,
                              value_maps = excluded.value_maps, saved_by = excluded.saved_by,
                              published_by = excluded.published_by, saved_at = now()
                        """).param("id", mapping.id()).param("admin", admin.id()).update();
        return jdbc.sql("select * from import_saved_mapping where fingerprint = :fingerprint and owner_id is null")
                .param("fingerprint", ColumnMapping.fingerprintOf(mapping.headers()))
                .query(this::saved)
                .single();
    }

    /** Deletes one of the user's own mappings; a published one only an admin may delete. */
    public void delete(long id, CurrentUser user) {
        Saved mapping = visible(id, user);
        if (mapping.published() && !user.isAdmin()) {
            throw new ForbiddenException("Only an admin can delete a mapping published for everybody.");
        }
        jdbc.sql("delete from import_saved_mapping where id = :id")
                .param("id", id)
                .update();
    }

    private Saved visible(long id, CurrentUser user) {
        return jdbc.sql("select * from import_saved_mapping where id = :id and (owner_id = :user or owner_id is null)")
                .param("id", id)
                .param("user", user.id())
                .query(this::saved)
                .optional()
                .orElseThrow(() -> new NotFoundException("There is no saved mapping " + id + " of yours."));
    }

    /**
     * What a dry run hands back for the import to show that its mapping was reviewed: a digest of the user, the
     * header set, the column mapping and the value maps. Only an import carrying the digest of its own settings
     * saves its mapping.
     */
    public String reviewToken(
            CurrentUser user,
            List<String> headers,
            Map<String, String> mapping,
            Map<String, Map<String, String>> valueMaps) {
        String canonical = user.id() + "\n" + ColumnMapping.fingerprintOf(headers) + "\n"
                + json.writeValueAsString(new TreeMap<>(mapping)) + "\n"
                + json.writeValueAsString(sorted(valueMaps));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    private static Map<String, Map<String, String>> sorted(Map<String, Map<String, String>> valueMaps) {
        Map<String, Map<String, String>> sorted = new TreeMap<>();
        valueMaps.forEach((target, values) -> sorted.put(target, new TreeMap<>(values)));
        return sorted;
    }

    private Saved saved(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Long owner = (Long) rs.getObject("owner_id");
        OffsetDateTime at = rs.getObject("saved_at", OffsetDateTime.class);
        return new Saved(
                rs.getLong("id"),
                json.readValue(rs.getString("headers"), STRINGS),
                json.readValue(rs.getString("mapping"), STRING_MAP),
                json.readValue(rs.getString("value_maps"), VALUE_MAPS),
                owner == null,
                owner,
                at == null ? null : at.toInstant());
    }
}
