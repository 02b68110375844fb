package dev.leadport.exports;

import dev.leadport.leads.SqlWhere;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export's SELECT, with every value already formatted as the file shows it (owner usernames, ISO dates), so the
 * COPY fast path, the cursor path (XLSX) and the preview write the very same text. The formula guard of CSV files is
 * applied to that text on its way out ({@link FormulaGuard}).
 */
final class ExportSql {

    /** Up to this many users, owner names are a CASE over the owner id; beyond it, a JSON object look-up. */
    private static final int OWNER_CASE_LIMIT = 100;

    private ExportSql() {}

    /** The formatted SELECT over {@code where}, in id order, and its named parameters. */
    static SqlWhere select(ExportRequest request, SqlWhere where, Map<Long, String> owners, JsonMapper json) {
        Map<String, Object> params = new HashMap<>(where.params());
        String owner = owner(owners, params, json);
        String columns =
                request.columns().stream().map(c -> c.owner() ? owner : c.sql()).collect(Collectors.joining(", "));
        return new SqlWhere("select " + columns + " from lead l where " + where.sql() + " order by l.id", params);
    }

    /** The owner's username for the owner id, or the id when the user is unknown. */
    private static String owner(Map<Long, String> owners, Map<String, Object> params, JsonMapper json) {
        if (owners.size() > OWNER_CASE_LIMIT) {
            Map<String, String> byText = new TreeMap<>();
            owners.forEach((id, name) -> byText.put(String.valueOf(id), name));
            params.put("x_owners", json.writeValueAsString(byText));
            return "coalesce(cast(:x_owners as jsonb) ->> l.owner_id::text, l.owner_id::text)";
        }
        StringBuilder sql = new StringBuilder("case l.owner_id");
        new TreeMap<>(owners)
                .forEach((id, name) ->
                        sql.append(" when ").append(id).append(" then ").append(literal(name)));
        return sql.append(" else l.owner_id::text end").toString();
    }

    /**
     * The statement with its parameters written in as literals, for COPY, which takes none. Values are only the
     * filter's own (text, numbers, timestamps, lists of them); text is quoted with doubled quotes, which is exact
     * under PostgreSQL's standard_conforming_strings (on by default since 9.1).
     */
    static String inline(SqlWhere statement) {
        String text = statement.sql();
        StringBuilder sql = new StringBuilder(text.length() + 64);
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted
                    && c == ':'
                    && i + 1 < text.length()
                    && isStart(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))
                        || end < text.length() && text.charAt(end) == '_') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (!statement.params().containsKey(name)) {
                    throw new IllegalArgumentException("No value for :" + name);
                }
                sql.append(literal(statement.params().get(name)));
                i = end;
                continue;
            }
            sql.append(c);
            i++;
        }
        return sql.toString();
    }

    private static boolean isStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Collection<?> values) {
            List<String> literals = values.stream().map(ExportSql::literal).toList();
            return String.join(", ", literals);
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Timestamp t) {
            return "cast('" + t.toInstant() + "' as timestamptz)";
        }
        if (value instanceof String s) {
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("Text with a NUL character cannot be a filter");
            }
            return "'" + s.replace("'", "''") + "'";
        }
        throw new IllegalArgumentException("Cannot write a " + value.getClass().getSimpleName() + " into SQL");
    }
}
