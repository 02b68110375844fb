package dev.leadport.leads;

import dev.leadport.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The order of the leads list: a column and a direction, with the id breaking ties. Every order pages by keyset
 * ({@code (key, id)} after the previous page's last row), served by an index of the sort key and the id, so a deep
 * page costs what the first one does. The default order (newest first) pages by id alone, and its cursor is that id.
 *
 * @param column what the list is sorted by; null for newest first
 * @param ascending the direction of {@code column}
 */
public record LeadSort(Column column, boolean ascending) {

    public static final LeadSort NEWEST = new LeadSort(null, false);

    /** A column the list can be sorted by, with the SQL expression its index covers. */
    public enum Column {
        CREATED("created", "l.created_at", true),
        UPDATED("updated", "l.updated_at", true),
        NAME("name", "lower(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, ''))", false),
        EMAIL("email", "lower(coalesce(l.email, ''))", false),
        COMPANY("company", "lower(coalesce(l.company, ''))", false),
        STATUS("status", "l.status", false);

        private final String key;
        private final String expression;
        private final boolean timestamp;

        Column(String key, String expression, boolean timestamp) {
            this.key = key;
            this.expression = expression;
            this.timestamp = timestamp;
        }

        public String key() {
            return key;
        }

        String expression() {
            return expression;
        }
    }

    /**
     * Reads the {@code sort} and {@code dir} parameters: {@code sort} is one of created, updated, name, email, company
     * or status (none: newest first); {@code dir} is asc or desc (default asc, and desc for the dates).
     */
    public static LeadSort parse(String sort, String dir) {
        if (sort == null || sort.isBlank()) {
            return NEWEST;
        }
        Column column = Arrays.stream(Column.values())
                .filter(c -> c.key.equalsIgnoreCase(sort.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "sort",
                        "'" + sort + "' is not a column the list can be sorted by; use one of created, updated, name,"
                                + " email, company or status"));
        boolean ascending;
        if (dir == null || dir.isBlank()) {
            ascending = !column.timestamp;
        } else if (dir.strip().equalsIgnoreCase("asc")) {
            ascending = true;
        } else if (dir.strip().equalsIgnoreCase("desc")) {
            ascending = false;
        } else {
            throw new InvalidInputException("dir", "'" + dir + "' is not a direction; use asc or desc");
        }
        return new LeadSort(column, ascending);
    }

    public boolean isNewest() {
        return column == null;
    }

    /** The {@code sort} parameter's value, or null for newest first. */
    public String key() {
        return column == null ? null : column.key;
    }

    /** The {@code dir} parameter's value, or null for newest first. */
    public String dir() {
        return column == null ? null : ascending ? "asc" : "desc";
    }

    String orderBy() {
        if (column == null) {
            return "l.id desc";
        }
        String direction = ascending ? " asc" : " desc";
        return column.expression + direction + ", l.id" + direction;
    }

    /** The condition that starts a page after the given cursor, with its parameters put into {@code where}. */
    SqlWhere after(String cursor) {
        Cursor c = decode(cursor);
        if (column == null) {
            return new SqlWhere("l.id < :k_id", java.util.Map.of("k_id", c.id()));
        }
        String key = column.timestamp ? "cast(:k_key as timestamptz)" : "cast(:k_key as text)";
        Object value = column.timestamp ? Timestamp.from(instant(c.key())) : c.key();
        return new SqlWhere(
                "(" + column.expression + ", l.id) " + (ascending ? ">" : "<") + " (" + key + ", :k_id)",
                java.util.Map.of("k_key", value, "k_id", c.id()));
    }

    /** The cursor of the row with this id and sort key: the id for newest first, else the id and the key. */
    String cursor(long id, String sortKey) {
        if (column == null) {
            return String.valueOf(id);
        }
        return id + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private record Cursor(long id, String key) {}

    private Cursor decode(String cursor) {
        String text = cursor.strip();
        int dot = text.indexOf('.');
        try {
            if (column == null) {
                return new Cursor(Long.parseLong(dot < 0 ? text : text.substring(0, dot)), null);
            }
            if (dot < 0) {
                throw new IllegalArgumentException("no key");
            }
            String key = new String(Base64.getUrlDecoder().decode(text.substring(dot + 1)), StandardCharsets.UTF_8);
            if (column.timestamp) {
                instant(key);
            }
            return new Cursor(Long.parseLong(text.substring(0, dot)), key);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException(
                    "after",
                    "'" + cursor + "' is not a cursor of this list"
                            + (column == null ? "" : " sorted by " + column.key.toLowerCase(Locale.ROOT))
                            + "; pass the nextCursor of the previous page");
        }
    }

    private static Instant instant(String key) {
        return Instant.parse(key);
    }
}
