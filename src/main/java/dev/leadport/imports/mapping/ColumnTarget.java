package dev.leadport.imports.mapping;

import dev.leadport.leads.LeadField;
import java.util.Objects;

/**
 * Where a file column's values go: a standard lead field, a custom field, a full name split into first and last
 * name, the country that sets its row's phone region, or nowhere. {@code key} is the field key for FIELD and CUSTOM targets, else the kind's name.
 */
public record ColumnTarget(Kind kind, String key) {

    /** The kinds of destination a column can have. */
    public enum Kind {
        FIELD,
        CUSTOM,
        FULL_NAME,
        COUNTRY,
        IGNORE
    }

    public static final ColumnTarget FULL_NAME = new ColumnTarget(Kind.FULL_NAME, "fullName");
    public static final ColumnTarget IGNORE = new ColumnTarget(Kind.IGNORE, "ignore");
    public static final ColumnTarget COUNTRY = new ColumnTarget(Kind.COUNTRY, "country");

    public ColumnTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    public static ColumnTarget field(LeadField field) {
        if (!field.mappable()) {
            throw new IllegalArgumentException(field.key() + " is not mappable");
        }
        return new ColumnTarget(Kind.FIELD, field.key());
    }

    public static ColumnTarget custom(String key) {
        return new ColumnTarget(Kind.CUSTOM, key);
    }

    /** Reads a saved target such as "email", "custom:industry", "fullName" or "ignore". */
    static ColumnTarget parse(String text) {
        if (text.startsWith("custom:")) {
            return custom(text.substring("custom:".length()));
        }
        if (text.equals(FULL_NAME.key)) {
            return FULL_NAME;
        }
        if (text.equals(IGNORE.key)) {
            return IGNORE;
        }
        if (text.equals(COUNTRY.key)) {
            return COUNTRY;
        }
        return field(LeadField.byKey(text).orElseThrow(() -> new IllegalArgumentException("unknown field " + text)));
    }

    /** The saved form that {@link #parse} reads back. */
    @Override
    public String toString() {
        return kind == Kind.CUSTOM ? "custom:" + key : key;
    }

    public boolean isIgnored() {
        return kind == Kind.IGNORE;
    }
}
