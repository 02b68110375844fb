package dev.leadport.imports.mapping;

import java.util.List;
import java.util.Objects;

/**
 * What the import needs to know about a custom lead field: its key, the label users see, its type, the allowed
 * options of a CHOICE field and whether a value is required. A stand-in until the leads module publishes its own.
 */
public record CustomFieldSpec(String key, String label, Type type, List<String> options, boolean required) {

    /** How a custom field's text is read. */
    public enum Type {
        TEXT,
        NUMBER,
        DATE,
        BOOLEAN,
        CHOICE
    }

    public CustomFieldSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
    }

    public static CustomFieldSpec of(String key, String label, Type type) {
        return new CustomFieldSpec(key, label, type, List.of(), false);
    }
}
