package dev.leadport.exports;

import dev.leadport.leads.CustomFieldDefinition;
import dev.leadport.leads.CustomFields;
import dev.leadport.leads.LeadField;
import dev.leadport.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns the {@code fields} parameter (keys or labels, standard or custom, in order) into export columns. */
@Component
class ExportColumns {

    /** Timestamps as ISO 8601 instants in UTC, formatted by the database so the cursor hands over text. */
    private static final String ISO_INSTANT = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";

    private final CustomFields customFields;

    ExportColumns(CustomFields customFields) {
        this.customFields = customFields;
    }

    /** The columns named in {@code fields} (comma-separated), or every field when it is blank. */
    List<ExportColumn> resolve(String fields) {
        Map<String, ExportColumn> known = all();
        if (fields == null || fields.isBlank()) {
            return List.copyOf(known.values());
        }
        List<ExportColumn> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : fields.split(",")) {
            String wanted = name.strip();
            if (wanted.isEmpty()) {
                continue;
            }
            known.values().stream()
                    .filter(c -> c.key().equalsIgnoreCase(wanted) || c.label().equalsIgnoreCase(wanted))
                    .findFirst()
                    .ifPresentOrElse(columns::add, () -> unknown.add(wanted));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    "fields", "unknown field(s) " + unknown + "; known fields are " + List.copyOf(known.keySet()));
        }
        if (columns.isEmpty()) {
            throw new InvalidInputException("fields", "name at least one field");
        }
        return columns;
    }

    private Map<String, ExportColumn> all() {
        Map<String, ExportColumn> columns = new LinkedHashMap<>();
        for (LeadField field : LeadField.values()) {
            columns.put(
                    field.key(),
                    new ExportColumn(field.key(), field.label(), sql(field), field == LeadField.OWNER, text(field)));
        }
        customFields.all().stream()
                .sorted(Comparator.comparingInt(CustomFieldDefinition::position)
                        .thenComparing(CustomFieldDefinition::key))
                .forEach(d -> columns.put(d.key(), new ExportColumn(d.key(), d.label(), custom(d.key()), false, true)));
        return columns;
    }

    private static boolean text(LeadField field) {
        return switch (field) {
            case ID, STATUS, CREATED_AT, UPDATED_AT -> false;
            default -> true;
        };
    }

    private static String custom(String key) {
        // Keys are letters, digits and underscores; doubling quotes keeps the literal safe regardless.
        return "l.custom ->> '" + key.replace("'", "''") + "'";
    }

    static String sql(LeadField field) {
        return switch (field) {
            case ID -> "l.id::text";
            case OWNER -> "l.owner_id::text";
            case CREATED_AT -> "to_char(l.created_at at time zone 'UTC', " + ISO_INSTANT + ")";
            case UPDATED_AT -> "to_char(l.updated_at at time zone 'UTC', " + ISO_INSTANT + ")";
            default -> "l." + snake(field.key());
        };
    }

    private static String snake(String key) {
        return key.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
