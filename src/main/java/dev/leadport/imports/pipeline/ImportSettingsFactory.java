package dev.leadport.imports.pipeline;

import dev.leadport.imports.ImportRequestOptions;
import dev.leadport.imports.ImportsProperties;
import dev.leadport.imports.mapping.ColumnMapper;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.mapping.SavedMappings;
import dev.leadport.imports.reading.EncodingDetector;
import dev.leadport.imports.reading.ReadOptions;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.validation.DateOrder;
import dev.leadport.imports.validation.DateOrderDetector;
import dev.leadport.imports.validation.ImportOptions;
import dev.leadport.imports.validation.OwnerResolver;
import dev.leadport.imports.validation.ValueChecks;
import dev.leadport.leads.CustomFieldDefinition;
import dev.leadport.leads.CustomFields;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import dev.leadport.leads.LeadsProperties;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.io.IOException;
import java.nio.charset.Charset;
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
    /** First rows the suggested mapping reads; they are read anyway, for the headers, so this costs no pass. */
    private static final int MAPPING_SAMPLE = 200;

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
        ReadOptions read = readOptions(options);
        try {
            FileRows.Preview preview = FileRows.preview(file, read, MAPPING_SAMPLE);
            List<String> headers = preview.headers();
            List<CustomFieldSpec> specs = customSpecs();
            boolean saved = false;
            ColumnMapping columns;
            Optional<Map<String, String>> remembered =
                    mapping == null || mapping.isEmpty() ? savedMappings.find(headers) : Optional.empty();
            if (remembered.isPresent() && fits(headers, remembered.get(), specs)) {
                columns = ColumnMapping.fromSaved(headers, remembered.get());
                saved = true;
            } else {
                columns = override(
                        mapper(specs, options, actor).suggest(headers, preview.rows()), headers, mapping, specs);
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
        ReadOptions read = readOptions(requested);
        if (file != null && options.dateOrder() == DateOrder.AUTO) {
            options = options.withDateOrder(dateOrder(file, read, columns, specs));
        }
        return new ImportSettings(columns, options, specs, new OwnerResolver(users.all(), actor), read, saved);
    }

    /** A mapper that reads the values too, judging fixed-value targets by this import's own rules. */
    private ColumnMapper mapper(List<CustomFieldSpec> specs, ImportRequestOptions requested, CurrentUser actor) {
        ImportOptions options = options(requested);
        ValueChecks fit = new ValueChecks(
                options.statusValues(), new OwnerResolver(users.all(), actor), specs, options.dateOrder());
        return new ColumnMapper(specs, fit, options.defaultRegion());
    }

    /** Decides day/month order from the file's custom date columns; AUTO stays when the file does not tell. */
    DateOrder dateOrder(Path file, ReadOptions read, ColumnMapping columns, List<CustomFieldSpec> specs)
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
        return DateOrderDetector.detect(FileRows.valuesOf(file, read, dateColumns, DATE_SAMPLE));
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

    /**
     * The suggested mapping with each of the user's choices applied; unknown columns or targets are errors. Several
     * columns may get one target; a target the user gave a column is taken from the columns only suggested for it.
     */
    private static ColumnMapping override(
            ColumnMapping suggested, List<String> headers, Map<String, String> given, List<CustomFieldSpec> specs) {
        if (given == null) {
            return suggested;
        }
        Map<Integer, ColumnTarget> chosen = new HashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            int index = headers.indexOf(entry.getKey());
            if (index < 0) {
                throw new InvalidInputException(
                        "mapping", "The file has no column '" + entry.getKey() + "'; its columns are " + headers);
            }
            chosen.put(index, target(entry.getValue(), specs));
        }
        List<ColumnMapping.Column> columns = new java.util.ArrayList<>();
        for (ColumnMapping.Column column : suggested.columns()) {
            ColumnTarget mine = chosen.get(column.index());
            if (mine != null) {
                columns.add(new ColumnMapping.Column(column.index(), column.header(), mine, 1.0));
            } else if (chosen.containsValue(column.target()) && !column.target().isIgnored()) {
                columns.add(new ColumnMapping.Column(column.index(), column.header(), ColumnTarget.IGNORE, 0));
            } else {
                columns.add(column);
            }
        }
        return new ColumnMapping(columns);
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
        if (!saved.keySet().containsAll(headers)) {
            // Saved for headers that normalise alike ("Email" for this file's "E-Mail"): it would leave them unmapped.
            return false;
        }
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

    private ReadOptions readOptions(ImportRequestOptions requested) {
        return readOptions(ReadOptions.DEFAULTS.withMaxFieldLength(properties.maxFieldLength()), requested);
    }

    /** {@code base} with the encoding and header row the user chose, checked; bad choices are input errors. */
    public static ReadOptions readOptions(ReadOptions base, ImportRequestOptions requested) {
        ReadOptions read = base;
        if (requested != null && requested.encoding() != null) {
            Charset charset = EncodingDetector.named(requested.encoding())
                    .orElseThrow(() -> new InvalidInputException(
                            "encoding",
                            "'" + requested.encoding() + "' is not an encoding this server can read; use for example"
                                    + " UTF-8, windows-1252, ISO-8859-2, Shift_JIS, EUC-JP, Big5, GB18030, EUC-KR,"
                                    + " UTF-16LE or UTF-32BE"));
            read = read.withEncoding(charset);
        }
        if (requested != null && requested.headerRow() != null) {
            if (requested.headerRow() < 1) {
                throw new InvalidInputException(
                        "headerRow", "the header row is a row number from 1, not " + requested.headerRow());
            }
            read = read.withHeaderRow(requested.headerRow());
        }
        return read;
    }
}
