package dev.leadport.bulk;

import dev.leadport.leads.SqlWhere;
import dev.leadport.shared.Excerpt;
import dev.leadport.users.CurrentUser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns the requested ids into targets before anything changes: malformed, duplicate, unknown and forbidden ids
 * get their final result here, with one database round trip for the whole list.
 */
@Component
class BulkTargets {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final BulkRepository repository;

    BulkTargets(BulkRepository repository) {
        this.repository = repository;
    }

    List<BulkTarget> fromIds(BulkKind kind, List<JsonNode> ids, CurrentUser user) {
        List<Long> parsed = new ArrayList<>(ids.size());
        for (JsonNode node : ids) {
            parsed.add(parse(node));
        }
        Map<Long, BulkRepository.LeadState> states = repository.states(
                parsed.stream().filter(id -> id != null).distinct().toList());
        List<BulkTarget> targets = new ArrayList<>(ids.size());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            int position = i + 1;
            Long id = parsed.get(i);
            String ref = text(ids.get(i));
            if (id == null) {
                targets.add(new BulkTarget(
                        position,
                        ref,
                        null,
                        BulkResultCode.INVALID_ID,
                        "'" + ref + "' is not a lead id (a positive" + " whole number)"));
            } else if (!seen.add(id)) {
                targets.add(new BulkTarget(
                        position, ref, id, BulkResultCode.UNCHANGED, "is listed more than once; handled once"));
            } else {
                targets.add(check(kind, position, ref, id, states.get(id), user));
            }
        }
        return targets;
    }

    List<BulkTarget> fromFilter(SqlWhere where) {
        List<Long> ids = repository.idsMatching(where);
        List<BulkTarget> targets = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            targets.add(new BulkTarget(i + 1, String.valueOf(id), id, BulkResultCode.PENDING, null));
        }
        return targets;
    }

    private static BulkTarget check(
            BulkKind kind, int position, String ref, long id, BulkRepository.LeadState state, CurrentUser user) {
        if (state == null) {
            return new BulkTarget(position, ref, id, BulkResultCode.NOT_FOUND, noLead(id));
        }
        if (!user.mayAct(state.ownerId())) {
            return new BulkTarget(position, ref, id, BulkResultCode.FORBIDDEN, "belongs to another user");
        }
        if (kind == BulkKind.RESTORE && !state.deleted()) {
            return new BulkTarget(position, ref, id, BulkResultCode.UNCHANGED, "is not in the recycle bin");
        }
        if (kind != BulkKind.RESTORE && state.deleted()) {
            return new BulkTarget(
                    position, ref, id, BulkResultCode.NOT_FOUND, "is in the recycle bin; restore it first");
        }
        return new BulkTarget(position, ref, id, BulkResultCode.PENDING, null);
    }

    /** The result message of an id that names no lead. */
    static String noLead(long id) {
        return "there is no lead with id " + id;
    }

    /** A positive whole number given as a JSON number or numeric string, or null. */
    static Long parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long id = node.asLong();
            return id > 0 ? id : null;
        }
        if (node.isString()) {
            String text = node.asString().strip();
            if (DIGITS.matcher(text).matches()) {
                long id = Long.parseLong(text);
                return id > 0 ? id : null;
            }
        }
        return null;
    }

    /**
     * The id as the client sent it, as the results echo it: bounded (a 1,000-character id is kept as an excerpt)
     * and without NUL, which PostgreSQL text cannot hold.
     */
    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        String text = node.isString() ? node.asString() : node.toString();
        return Excerpt.of(text.replace('\0', '\uFFFD'), MAX_REF);
    }

    /** Characters of a client's id kept in its result. */
    private static final int MAX_REF = 40;
}
