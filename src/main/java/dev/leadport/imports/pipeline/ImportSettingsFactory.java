package dev.leadport.imports.pipeline;

import dev.leadport.imports.ImportRequestOptions;
import dev.leadport.imports.ImportsProperties;
import dev.leadport.imports.MatchKey;
import dev.leadport.imports.mapping.ColumnMapper;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.mapping.SavedMappings;
import dev.leadport.imports.reading.EncodingDetector;
import dev.leadport.imports.reading.ReadOptions;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.reading.UploadReadProblem;
import dev.leadport.imports.validation.DateOrder;
import dev.leadport.imports.validation.DateOrderDetector;
import dev.leadport.imports.validation.ImportOptions;
import dev.leadport.imports.validation.ImportValueChecks;
import dev.leadport.imports.validation.OwnerResolver;
import dev.leadport.imports.validation.ValueChecks;
import dev.leadport.imports.validation.WarningKind;
import dev.leadport.leads.CustomFieldDefinition;
import dev.leadport.leads.CustomFields;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import dev.leadport.leads.LeadsProperties;
import dev.leadport.shared.ForbiddenException;
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
 * Builds the settings a file is read with: the mapping (the user's, else the user's own or a published one saved for
 * the same headers, else the suggested one, with the user's choices on top), the reading options with their value
 * maps, constants and strict warning kinds (each checked here, so a bad one is a clear 400 rather than a problem on
 * every row), the custom fields and the owners.
 */
@Component
public class ImportSettingsFactory {

    private static final int DATE_SAMPLE = 1000;
    /** First rows the suggested mapping reads; they are read anyway, for the headers, so this costs no pass. */
    private static final int MAPPING_SAMPLE = 200;

    /** A saved mapping's columns come back as a strong suggestion, not as if the user had just chosen them. */
    static final double SAVED_CONFIDENCE = 0.95;

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
            ColumnMapping columns;
            Optional<SavedMappings.Saved> remembered = savedMappings.find(headers, actor);
            boolean applied = remembered.isPresent()
                    && (mapping == null || mapping.isEmpty())
                    && fits(headers, remembered.get().mapping(), specs);
            if (applied) {
                columns = asSuggestion(
                        ColumnMapping.fromSaved(headers, remembered.get().mapping()));
            } else {
                columns = override(
                        mapper(specs, options, actor).suggest(headers, preview.rows()), headers, mapping, specs);
            }
            columns = datesFor(columns, mapping, actor);
            ImportRequestOptions effective = options;
            if (remembered.isPresent() && (applied || mapping != null && !mapping.isEmpty())) {
                // The saved value maps apply under the user's own, also when the user sent the columns themselves.
                Map<String, Map<String, String>> maps =
                        new java.util.LinkedHashMap<>(remembered.get().valueMaps());
                options.valueMaps().forEach((target, values) -> {
                    Map<String, String> merged = new java.util.LinkedHashMap<>(maps.getOrDefault(target, Map.of()));
                    merged.putAll(values);
                    maps.put(target, merged);
                });
                effective = options.withValueMaps(maps);
            }
            return settings(
                    file,
                    columns,
                    effective,
                    specs,
                    actor,
                    applied,
                    applied && remembered.get().published());
        } catch (IOException | UnreadableFileException e) {
            throw UploadReadProblem.of(e);
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
        return settings(file, ColumnMapping.fromSaved(headers, mapping), requested, specs, actor, false, false);
    }

    private static ColumnMapping asSuggestion(ColumnMapping saved) {
        return new ColumnMapping(saved.columns().stream()
                .map(c -> new ColumnMapping.Column(
                        c.index(), c.header(), c.target(), c.target().isIgnored() ? 0 : SAVED_CONFIDENCE))
                .toList());
    }

    private ImportSettings settings(
            Path file,
            ColumnMapping columns,
            ImportRequestOptions requested,
            List<CustomFieldSpec> specs,
            CurrentUser actor,
            boolean saved,
            boolean published)
            throws IOException, UnreadableFileException {
        specs = withNewOptions(specs, requested.newOptions(), actor);
        columns = idsOnlyToMatch(columns, requested.matchBy());
        requireMatchKeyColumn(columns, requested.matchBy());
        OwnerResolver owners = new OwnerResolver(users.all(), actor);
        ImportOptions options = options(requested, specs, owners);
        ReadOptions read = readOptions(requested);
        if (file != null && options.dateOrder() == DateOrder.AUTO) {
            options = options.withDateOrder(dateOrder(file, read, columns, specs));
        }
        return new ImportSettings(columns, options, specs, owners, read, saved, published, requested);
    }

    private static final List<ColumnTarget> DATES =
            List.of(ColumnTarget.field(LeadField.CREATED_AT), ColumnTarget.field(LeadField.UPDATED_AT));

    /**
     * Original dates are kept by an ADMIN or MANAGER only: a REP who maps a column to createdAt or updatedAt is refused
     * (403), and a saved or published mapping that does is applied to a REP's file without those columns.
     */
    private static ColumnMapping datesFor(ColumnMapping columns, Map<String, String> given, CurrentUser actor) {
        if (actor.seesAllLeads()) {
            return columns;
        }
        if (given != null) {
            for (Map.Entry<String, String> entry : given.entrySet()) {
                if (DATES.stream()
                        .anyMatch(d -> d.key()
                                .equalsIgnoreCase(
                                        String.valueOf(entry.getValue()).strip()))) {
                    throw new ForbiddenException("Only an ADMIN or MANAGER can import original dates: column '"
                            + entry.getKey() + "' is mapped to "
                            + entry.getValue().strip()
                            + "; map it to ignore to import the rest.");
                }
            }
        }
        ColumnMapping result = columns;
        for (ColumnMapping.Column column : columns.columns()) {
            if (DATES.contains(column.target())) {
                result = result.with(column.index(), ColumnTarget.IGNORE);
            }
        }
        return result;
    }

    /** Leadport's id is read only as the key of an import by id; else its column is left out. */
    private static ColumnMapping idsOnlyToMatch(ColumnMapping columns, MatchKey key) {
        ColumnTarget id = ColumnTarget.field(LeadField.ID);
        return key == MatchKey.ID || columns.columnFor(id).isEmpty()
                ? columns
                : columns.with(columns.columnFor(id).orElseThrow().index(), ColumnTarget.IGNORE);
    }

    /** Matching by id or external id needs the column that holds it. */
    private static void requireMatchKeyColumn(ColumnMapping columns, MatchKey key) {
        LeadField field = switch (key) {
            case EMAIL -> null;
            case ID -> LeadField.ID;
            case EXTERNAL_ID -> LeadField.EXTERNAL_ID;
        };
        if (field != null && columns.columnFor(ColumnTarget.field(field)).isEmpty()) {
            throw new InvalidInputException(
                    "matchBy",
                    "matchBy=" + key + " needs a column mapped to " + field.key() + " (the file maps none; set it in"
                            + " mapping, e.g. {\"" + (key == MatchKey.ID ? "ID" : "Record ID") + "\": \""
                            + field.key() + "\"})");
        }
    }

    /** A mapper that reads the values too, judging fixed-value targets by this import's own rules. */
    private ColumnMapper mapper(List<CustomFieldSpec> specs, ImportRequestOptions requested, CurrentUser actor) {
        OwnerResolver owners = new OwnerResolver(users.all(), actor);
        ImportOptions options = options(requested, specs, owners);
        ValueChecks fit = new ValueChecks(options.statusValues(), owners, specs, options.dateOrder());
        return new ColumnMapper(specs, fit, options.defaultRegion());
    }

    /** Decides day/month order from the file's custom date columns; AUTO stays when the file does not tell. */
    DateOrder dateOrder(Path file, ReadOptions read, ColumnMapping columns, List<CustomFieldSpec> specs)
            throws IOException, UnreadableFileException {
        List<Integer> dateColumns = columns.columns().stream()
                .filter(c -> DATES.contains(c.target())
                        || c.target().kind() == ColumnTarget.Kind.CUSTOM
                                && specs.stream()
                                        .anyMatch(s -> s.key().equals(c.target().key())
                                                && s.type() == CustomFieldSpec.Type.DATE))
                .map(ColumnMapping.Column::index)
                .toList();
        if (dateColumns.isEmpty()) {
            return DateOrder.AUTO;
        }
        return DateOrderDetector.detect(FileRows.valuesOf(file, read, dateColumns, DATE_SAMPLE));
    }

    private ImportOptions options(ImportRequestOptions requested, List<CustomFieldSpec> specs, OwnerResolver owners) {
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
        ImportValueChecks checks = new ImportValueChecks(specs, owners, text -> target(text, specs));
        return new ImportOptions(
                region,
                order,
                statuses,
                checks.valueMaps(requested.valueMaps()),
                checks.constants(requested.constants(), order),
                requested.overrideConstants(),
                WarningKind.parseAll(requested.strict()));
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
    public static ColumnTarget target(String text, List<CustomFieldSpec> specs) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("ignore")) {
            return ColumnTarget.IGNORE;
        }
        if (t.equalsIgnoreCase("fullName")) {
            return ColumnTarget.FULL_NAME;
        }
        if (t.equalsIgnoreCase("country")) {
            return ColumnTarget.COUNTRY;
        }
        String customKey = t.regionMatches(true, 0, "custom:", 0, 7) ? t.substring(7) : t;
        Optional<CustomFieldSpec> custom =
                specs.stream().filter(s -> s.key().equalsIgnoreCase(customKey)).findFirst();
        if (custom.isPresent()) {
            return ColumnTarget.custom(custom.get().key());
        }
        Optional<LeadField> field = LeadField.byKey(t).filter(LeadField::mappable);
        if (field.isPresent()) {
            return ColumnTarget.field(field.get());
        }
        throw new InvalidInputException(
                "mapping",
                "'" + text + "' is not a lead field; use a field key (" + importableKeys()
                        + "), a custom field key, fullName, country or ignore");
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
                        .filter(LeadField::mappable)
                        .map(LeadField::key)
                        .toList());
    }

    /** The custom fields with the options an admin adds with this import (added for real when it starts). */
    private static List<CustomFieldSpec> withNewOptions(
            List<CustomFieldSpec> specs, Map<String, List<String>> newOptions, CurrentUser actor) {
        if (newOptions.isEmpty()) {
            return specs;
        }
        if (!actor.isAdmin()) {
            throw new ForbiddenException("Only an admin can add options to a choice field.");
        }
        List<CustomFieldSpec> extended = new java.util.ArrayList<>();
        for (CustomFieldSpec spec : specs) {
            List<String> added = newOptions.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(spec.key())
                            || e.getKey().equalsIgnoreCase("custom:" + spec.key()))
                    .flatMap(e -> e.getValue().stream())
                    .map(String::strip)
                    .filter(o -> !o.isEmpty())
                    .toList();
            if (added.isEmpty()) {
                extended.add(spec);
                continue;
            }
            if (spec.type() != CustomFieldSpec.Type.CHOICE) {
                throw new InvalidInputException("newOptions", spec.label() + " is not a choice field");
            }
            if (added.stream().anyMatch(o -> o.length() > 100)) {
                throw new InvalidInputException("newOptions", "an option of " + spec.label() + " is longer than 100");
            }
            List<String> options = new java.util.ArrayList<>(spec.options());
            added.stream()
                    .filter(o -> options.stream().noneMatch(existing -> existing.equalsIgnoreCase(o)))
                    .distinct()
                    .forEach(options::add);
            extended.add(new CustomFieldSpec(spec.key(), spec.label(), spec.type(), options, spec.required()));
        }
        for (String key : newOptions.keySet()) {
            String bare = key.regionMatches(true, 0, "custom:", 0, 7) ? key.substring(7) : key;
            if (specs.stream().noneMatch(s -> s.key().equalsIgnoreCase(bare))) {
                throw new InvalidInputException("newOptions", "There is no custom field '" + key + "'.");
            }
        }
        return extended;
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
