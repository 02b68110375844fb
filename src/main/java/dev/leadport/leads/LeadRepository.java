package dev.leadport.leads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class LeadRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    static final String COLUMNS = "l.id, l.first_name, l.last_name, l.email, l.phone, l.phone_e164, l.company,"
            + " l.job_title, l.status, l.source, l.owner_id, l.notes, l.custom, l.created_at, l.updated_at, l.external_id";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LeadRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<StoredLead> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from lead l where l.id = :id and l.deleted_at is null")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The lead, live or in the recycle bin, that holds an external id (unique over both). */
    Optional<Holder> findByExternalId(String externalId) {
        return jdbc.sql(
                        "select id, owner_id, deleted_at is not null as deleted from lead where external_id = :externalId")
                .param("externalId", externalId)
                .query((rs, n) ->
                        new Holder(rs.getLong("id"), rs.getObject("owner_id", Long.class), rs.getBoolean("deleted")))
                .optional();
    }

    /** The lead that holds a unique value, whose owner, and whether it is in the recycle bin. */
    record Holder(long id, Long ownerId, boolean deleted) {}

    Optional<Long> findIdByEmail(String email) {
        return jdbc.sql(
                        "select id from lead where email is not null and lower(email) = lower(:email) and deleted_at is null")
                .param("email", email)
                .query(Long.class)
                .optional();
    }

    /**
     * One page in the given order after the given cursor (keyset paging: as fast on page 1,000 as on page 1). Each row
     * comes with its sort key, from which the next page's cursor is made.
     */
    List<SortedLead> page(SqlWhere where, LeadSort sort, String after, int limit) {
        String key = sort.isNewest() ? "null" : sort.column().expression();
        SqlWhere start = after == null ? null : sort.after(after);
        String sql = "select " + COLUMNS + ", cast(" + key + " as text) as x_sort_key from lead l where " + where.sql()
                + (start == null ? "" : " and " + start.sql()) + " order by " + sort.orderBy() + " limit :limit";
        var spec = jdbc.sql(sql).params(where.params()).param("limit", limit);
        if (start != null) {
            spec = spec.params(start.params());
        }
        return spec.query((rs, n) -> new SortedLead(map(rs, n), sortKey(rs, sort)))
                .list();
    }

    private static String sortKey(ResultSet rs, LeadSort sort) throws SQLException {
        if (sort.isNewest()) {
            return null;
        }
        return switch (sort.column()) {
            case CREATED ->
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toString();
            case UPDATED ->
                rs.getObject("updated_at", OffsetDateTime.class).toInstant().toString();
            default -> rs.getString("x_sort_key");
        };
    }

    /** A lead of a sorted page and its sort key (null for newest first). */
    record SortedLead(StoredLead lead, String sortKey) {}

    long count(SqlWhere where) {
        return jdbc.sql("select count(*) from lead l where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /**
     * How many leads match, counting no further than {@code most}: a page that needs only "more than N" reads at most
     * N + 1 matches, however many there are.
     */
    long countUpTo(SqlWhere where, long most) {
        return jdbc.sql("select count(*) from (select 1 from lead l where " + where.sql() + " limit :x_most) m")
                .params(where.params())
                .param("x_most", most)
                .query(Long.class)
                .single();
    }

    /** The planner's estimate of how many leads match, from the first line of {@code EXPLAIN}; reads no leads. */
    long estimate(SqlWhere where) {
        String plan = jdbc.sql("explain select 1 from lead l where " + where.sql())
                .params(where.params())
                .query(String.class)
                .list()
                .get(0);
        Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }

    private static final Pattern PLAN_ROWS = Pattern.compile("rows=(\\d+)");

    long insert(LeadValues v) {
        return jdbc.sql("""
                        insert into lead (first_name, last_name, email, phone, phone_e164, company, job_title,
                                          status, source, owner_id, notes, custom, external_id)
                        values (:firstName, :lastName, :email, :phone, :phoneE164, :company, :jobTitle,
                                :status, :source, :ownerId, :notes, cast(:custom as jsonb), :externalId)
                        returning id
                        """).params(params(v)).query(Long.class).single();
    }

    void update(long id, LeadValues v) {
        jdbc.sql("""
                        update lead set first_name = :firstName, last_name = :lastName, email = :email,
                               phone = :phone, phone_e164 = :phoneE164, company = :company, job_title = :jobTitle,
                               status = :status, source = :source, owner_id = :ownerId, notes = :notes,
                               custom = cast(:custom as jsonb), external_id = :externalId, updated_at = now()
                        where id = :id and deleted_at is null
                        """).params(params(v)).param("id", id).update();
    }

    boolean softDelete(long id) {
        return jdbc.sql("update lead set deleted_at = now() where id = :id and deleted_at is null")
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean isEmpty() {
        return jdbc.sql("select not exists (select 1 from lead)")
                .query(Boolean.class)
                .single();
    }

    private Map<String, Object> params(LeadValues v) {
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", v.firstName());
        p.put("lastName", v.lastName());
        p.put("email", v.email());
        p.put("phone", v.phone());
        p.put("phoneE164", v.phoneE164());
        p.put("company", v.company());
        p.put("jobTitle", v.jobTitle());
        p.put("status", v.status().name());
        p.put("source", v.source());
        p.put("ownerId", v.ownerId());
        p.put("notes", v.notes());
        p.put("custom", json.writeValueAsString(v.custom()));
        p.put("externalId", v.externalId());
        return p;
    }

    private StoredLead map(ResultSet rs, int row) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new StoredLead(
                rs.getLong("id"),
                new LeadValues(
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("phone_e164"),
                        rs.getString("company"),
                        rs.getString("job_title"),
                        LeadStatus.valueOf(rs.getString("status")),
                        rs.getString("source"),
                        ownerId,
                        rs.getString("notes"),
                        json.readValue(rs.getString("custom"), MAP),
                        rs.getString("external_id")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    record StoredLead(long id, LeadValues values, Instant createdAt, Instant updatedAt) {}
}
