package dev.leadport.leads;

import dev.leadport.users.CurrentUser;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link LeadFilter} and the acting user's role into one SQL condition, shared by the leads list, exports
 * and bulk operations so they always agree on which leads a filter means. Each condition is served by an index
 * of V3__leads_create.sql.
 */
public final class LeadFilterSql {

    /** The expression the trigram search index covers; keep both in step. */
    public static final String SEARCH_EXPRESSION =
            "lower(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '') || ' ' || coalesce(l.email, '')"
                    + " || ' ' || coalesce(l.company, ''))";

    private LeadFilterSql() {}

    public static SqlWhere where(LeadFilter filter, CurrentUser user, ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        conditions.add("l.deleted_at is null");
        if (!user.seesAllLeads()) {
            conditions.add("l.owner_id = :f_user");
            params.put("f_user", user.id());
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("l.status in (:f_statuses)");
            params.put("f_statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.ownerId() != null) {
            conditions.add("l.owner_id = :f_owner");
            params.put("f_owner", filter.ownerId());
        }
        if (filter.source() != null) {
            // A prefix, case-insensitively: "web" finds "Web", "web" and "Webinar" (index lead_source_prefix_idx).
            conditions.add("lower(l.source) like :f_source");
            params.put("f_source", escapeLike(filter.source().toLowerCase(Locale.ROOT)) + "%");
        }
        range(conditions, params, "l.created_at", "f_created", filter.createdFrom(), filter.createdTo(), zone);
        range(conditions, params, "l.updated_at", "f_updated", filter.updatedFrom(), filter.updatedTo(), zone);
        if (filter.q() != null) {
            // An external id is an opaque key: found whole, as written (index lead_external_id_key), besides the text.
            conditions.add("(" + SEARCH_EXPRESSION + " like :f_q or l.external_id = :f_q_exact)");
            params.put("f_q", "%" + escapeLike(filter.q().toLowerCase(Locale.ROOT)) + "%");
            params.put("f_q_exact", filter.q());
        }
        if (filter.externalId() != null) {
            conditions.add("l.external_id = :f_external_id");
            params.put("f_external_id", filter.externalId());
        }
        return new SqlWhere(String.join(" and ", conditions), params);
    }

    private static void range(
            List<String> conditions,
            Map<String, Object> params,
            String column,
            String name,
            LocalDate from,
            LocalDate to,
            ZoneId zone) {
        if (from != null) {
            conditions.add(column + " >= :" + name + "_from");
            params.put(name + "_from", Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            conditions.add(column + " < :" + name + "_to");
            params.put(
                    name + "_to",
                    Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
