package dev.leadport.imports.pipeline;

import dev.leadport.imports.ImportRequestOptions;
import dev.leadport.imports.ImportsProperties;
import dev.leadport.imports.mapping.ColumnMapper;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.mapping.SavedMappings;
import dev.leadport.imports.reading.ReadOptions;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.validation.DateOrder;
import dev.leadport.imports.validation.DateOrderDetector;
import dev.leadport.imports.validation.ImportOptions;
import dev.leadport.imports.validation.OwnerResolver;
import dev.leadport.leads.CustomFieldDefinition;
import dev.leadport.leads.CustomFields;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import dev.leadport.leads.LeadsProperties;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds the settings a file is read with: the mapping (the user's, else one saved for the same headers, else the
 * suggested one, with the user's choices on top), the reading options, the custom fields and the owners.
 */
@Component
public class ImportSettingsFactory {

    private static final int DATE_SAMPLE = 1000;

    private final CustomFields customFields;
    private final Users users;
    private final SavedMappings savedMappings;
    private final ImportsProperties properties;
    private final LeadsProperties leadsProperties;

    ImportSettingsFactory(
            CustomFields customFields,
            Users users,
            SavedMappings savedMappings,
            ImportsProperties properties,
            LeadsProperties leadsProperties) {
        this.customFields = customFields;
        this.users = users;
        this.savedMappings = savedMappings;
        this.properties = properties;
        this.leadsProperties = leadsProperties;
    }

    public ImportSettings forUpload(
            Path file, Map<String, String> mapping, ImportRequestOptions options, CurrentUser actor) {
        ReadOptions read = readOptions();
        try {
            List<String> headers = FileRows.headers(file, read);
            List<CustomFieldSpec> specs = customSpecs();
            boolean saved = false;
            ColumnMapping columns;
            Optional<Map<String, String>> remembered =
                    mapping == null || mapping.isEmpty() ? savedMappings.find(headers) : Optional.empty();
            if (remembered.isPresent() && fits(headers, remembered.get(), specs)) {
                columns = ColumnMapping.fromSaved(headers, remembered.get());
                saved = true;
            } else {
                columns = override(new ColumnMapper(specs).suggest(headers), headers, mapping, specs);
            }
            return settings(file, columns, options, specs, actor, saved);
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read: " + e.getMessage());
        } catch (UnreadableFileException e) {
            throw new InvalidInputException("file", "The file cannot be read: " + e.getMessage());
        }
    }

    public ImportSettings forJob(
            List<String> headers,
            Map<String, String> mapping,
            ImportRequestOptions requested,
            Path file,
            CurrentUser actor)
            throws IOException, UnreadableFileException {
        List<CustomFieldSpec> specs = customSpecs();
        return settings(file, ColumnMapping.fromSaved(headers, mapping), requested, specs, actor, false);
    }

    private ImportSettings settings(
            Path file,
            ColumnMapping columns,
            ImportRequestOptions requested,
            List<CustomFieldSpec> specs,
            CurrentUser actor,
            boolean saved)
            throws IOException, UnreadableFileException {
        ImportOptions options = options(requested);
        if (file != null && options.dateOrder() == DateOrder.AUTO) {
            options = options.withDateOrder(dateOrder(file, columns, specs));
        }
        return new ImportSettings(columns, options, specs, new OwnerResolver(users.all(), actor), readOptions(), saved);
    }

    /** Decides day/month order from the file's custom date columns; AUTO stays when the file does not tell. */
    DateOrder dateOrder(Path file, ColumnMapping columns, List<CustomFieldSpec> specs)
            throws IOException, UnreadableFileException {
        List<Integer> dateColumns = columns.columns().stream()
                .filter(c -> c.target().kind() == ColumnTarget.Kind.CUSTOM)
                .filter(c -> specs.stream()
                        .anyMatch(s -> s.key().equals(c.target().key()) && s.type() == CustomFieldSpec.Type.DATE))
                .map(ColumnMapping.Column::index)
                .toList();
        if (dateColumns.isEmpty()) {
            return DateOrder.AUTO;
        }
        return DateOrderDetector.detect(FileRows.valuesOf(file, readOptions(), dateColumns, DATE_SAMPLE));
    }

    private ImportOptions options(ImportRequestOptions requested) {
        String region =
                requested.defaultRegion() == null || requested.defaultRegion().isBlank()
                        ? leadsProperties.defaultPhoneRegion()
                        : requested.defaultRegion().strip().toUpperCase(Locale.ROOT);
        DateOrder order;
        try {
            order = requested.dateOrder() == null || requested.dateOrder().isBlank()
                    ? DateOrder.AUTO
                    : DateOrder.valueOf(requested.dateOrder().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("dateOrder", "'" + requested.dateOrder() + "' is not DMY, MDY or AUTO");
        }
        Map<String, LeadStatus> statuses = new HashMap<>();
        requested
                .statusValues()
                .forEach((word, status) -> statuses.put(
                        word,
                        LeadStatus.parse(status)
                                .orElseThrow(() -> new InvalidInputException(
                                        "statusValues",
                                        "'" + status + "' (for '" + word + "') is not a lead status"))));
        return new ImportOptions(region, order, statuses);
    }

    /** The suggested mapping with each of the user's choices applied; unknown columns or targets are errors. */
    private static ColumnMapping override(
            ColumnMapping suggested, List<String> headers, Map<String, String> given, List<CustomFieldSpec> specs) {
        if (given == null) {
            return suggested;
        }
        ColumnMapping result = suggested;
        Map<ColumnTarget, String> chosen = new HashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            int index = headers.indexOf(entry.getKey());
            if (index < 0) {
                throw new InvalidInputException(
                        "mapping", "The file has no column '" + entry.getKey() + "'; its columns are " + headers);
            }
            ColumnTarget target = target(entry.getValue(), specs);
            String earlier = target.isIgnored() ? null : chosen.put(target, entry.getKey());
            if (earlier != null) {
                throw new InvalidInputException(
                        "mapping",
                        "Columns '" + earlier + "' and '" + entry.getKey() + "' both map to " + target
                                + "; map each field from one column");
            }
            result = result.with(index, target);
        }
        return result;
    }

    /** Reads a target as users write it: a field key, "custom:key" or a custom key, "fullName", "ignore". */
    static ColumnTarget target(String text, List<CustomFieldSpec> specs) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("ignore")) {
            return ColumnTarget.IGNORE;
        }
        if (t.equalsIgnoreCase("fullName")) {
            return ColumnTarget.FULL_NAME;
        }
        String customKey = t.regionMatches(true, 0, "custom:", 0, 7) ? t.substring(7) : t;
        Optional<CustomFieldSpec> custom =
                specs.stream().filter(s -> s.key().equalsIgnoreCase(customKey)).findFirst();
        if (custom.isPresent()) {
            return ColumnTarget.custom(custom.get().key());
        }
        Optional<LeadField> field = LeadField.byKey(t).filter(LeadField::importable);
        if (field.isPresent()) {
            return ColumnTarget.field(field.get());
        }
        throw new InvalidInputException(
                "mapping",
                "'" + text + "' is not a lead field; use a field key (" + importableKeys()
                        + "), a custom field key, fullName or ignore");
    }

    private static boolean fits(List<String> headers, Map<String, String> saved, List<CustomFieldSpec> specs) {
        try {
            for (String target : saved.values()) {
                target(target, specs);
            }
            ColumnMapping.fromSaved(headers, saved);
            return true;
        } catch (InvalidInputException | IllegalArgumentException e) {
            // A custom field was deleted since the mapping was saved; suggest afresh.
            return false;
        }
    }

    private static String importableKeys() {
        return String.join(
                ", ",
                java.util.Arrays.stream(LeadField.values())
                        .filter(LeadField::importable)
                        .map(LeadField::key)
                        .toList());
    }

    private List<CustomFieldSpec> customSpecs() {
        return customFields.all().stream().map(ImportSettingsFactory::spec).toList();
    }

    private static CustomFieldSpec spec(CustomFieldDefinition d) {
        return new CustomFieldSpec(
                d.key(), d.label(), CustomFieldSpec.Type.valueOf(d.type().name()), d.options(), d.required());
    }

    private ReadOptions readOptions() {
        return ReadOptions.DEFAULTS.withMaxFieldLength(properties.maxFieldLength());
    }
}
