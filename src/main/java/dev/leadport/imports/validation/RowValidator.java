package dev.leadport.imports.validation;

import dev.leadport.imports.RowProblem;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.mapping.HeaderNames;
import dev.leadport.imports.mapping.OrganisationNames;
import dev.leadport.imports.reading.RowChecks;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.leads.CustomFieldType;
import dev.leadport.leads.CustomFieldValues;
import dev.leadport.leads.EmailAddress;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadLimits;
import dev.leadport.leads.LeadStatus;
import dev.leadport.leads.Parsed;
import dev.leadport.leads.PhoneNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a row read from a file into the lead it describes and its problems: every value trimmed, lengths limited,
 * email and phone checked, status words and the user's value maps applied, constants filled in, a full name split,
 * custom fields read by type, and at least an email or a phone required. An invalid email, a missing contact, an
 * over-long or unreadable value fail the row; a phone that is no valid number (kept as typed, without E.164), an
 * unknown status (left empty) and a custom value that does not fit (left out) are warnings, unless the import made
 * their kind strict. Built once per import, used for every row.
 */
public final class RowValidator {

    public static final Map<LeadField, Integer> MAX_LENGTHS = maxLengths();

    /** Each target's columns in the order they are tried, looked up once per import rather than for every cell. */
    private final Map<ColumnTarget, List<ColumnMapping.Column>> columns = new HashMap<>();

    private final List<CustomFieldSpec> customFields;
    private final ImportOptions options;
    private final StatusMapper statuses;
    /** Custom values by the leads module's rules, with dates read in the file's day/month order. */
    private final CustomFieldValues.Reading customReading;
    /** The column whose country names the phone region of its own row, or -1. */
    private final int countryColumn;

    private final Map<String, String> regions = new HashMap<>();

    public RowValidator(ColumnMapping mapping, List<CustomFieldSpec> customFields, ImportOptions options) {
        for (ColumnMapping.Column column : mapping.columns()) {
            columns.computeIfAbsent(column.target(), t -> new ArrayList<>()).add(column);
        }
        this.customFields = List.copyOf(customFields);
        this.options = options;
        this.statuses = new StatusMapper(options.statusValues());
        this.customReading = new CustomFieldValues.Reading(text -> DateText.parse(text, options.dateOrder()));
        this.countryColumn = countryColumn(mapping, customFields);
    }

    private static Parsed<PhoneNumber> phone(String text, String region, boolean emailGiven) {
        Parsed<PhoneNumber> phone = PhoneNumber.parse(text, region);
        return emailGiven || phone.isValid()
                ? phone
                : Parsed.invalid(phone.problem().orElseThrow() + "; a lead without an email needs a valid phone");
    }

    /** A column mapped to country, else one mapped to a custom field called country. */
    private static int countryColumn(ColumnMapping mapping, List<CustomFieldSpec> customFields) {
        Optional<ColumnMapping.Column> country = mapping.columnFor(ColumnTarget.COUNTRY);
        if (country.isEmpty()) {
            country = customFields.stream()
                    .filter(f -> HeaderNames.compact(f.key()).equals("country")
                            || HeaderNames.compact(f.label()).equals("country"))
                    .findFirst()
                    .flatMap(f -> mapping.columnFor(ColumnTarget.custom(f.key())));
        }
        return country.map(ColumnMapping.Column::index).orElse(-1);
    }

    /** The region this row's phone is read in: its own country's, else the import's default. */
    private String regionOf(SourceRow row) {
        if (countryColumn < 0) {
            return options.defaultRegion();
        }
        String cell = row.field(countryColumn).strip();
        if (cell.isEmpty()) {
            return options.defaultRegion();
        }
        String region = regions.get(cell);
        if (region == null) {
            region = Optional.ofNullable(CountryRegions.regionOf(cell)).orElse(options.defaultRegion());
            if (regions.size() < 1_000) {
                regions.put(cell, region);
            }
        }
        return region;
    }

    public RowResult validate(SourceRow row) {
        Reading reading = new Reading(row);
        String firstName = reading.text(LeadField.FIRST_NAME);
        String lastName = reading.text(LeadField.LAST_NAME);
        Optional<String[]> split = reading.fullName();
        String organisation = null;
        if (split.isPresent() && firstName == null && lastName == null) {
            // "Steiner Mechanik AG" in a name column is no person: it stays whole, as the company.
            organisation = split.get().length == 1 ? split.get()[0] : null;
            firstName = organisation == null ? split.get()[0] : null;
            lastName = organisation == null ? split.get()[1] : null;
        }
        EmailAddress email = reading.parsed(LeadField.EMAIL, EmailAddress::parse, null);
        String region = regionOf(row);
        // Without an email, the phone is what reaches the lead: a phone that is no valid number then fails the row.
        boolean emailGiven = reading.contactSeen;
        Function<String, Parsed<PhoneNumber>> phoneParser = text -> phone(text, region, emailGiven);
        WarningKind phoneKind = emailGiven ? WarningKind.PHONE : null;
        PhoneNumber phone;
        String phoneText;
        if (reading.severalColumns(LeadField.PHONE)) {
            // Phone, Mobile, Phone 2: the first valid number wins; when none is, the first one is kept as typed.
            phone = reading.firstValid(LeadField.PHONE, phoneParser, phoneKind);
            phoneText = phone != null ? phone.raw() : reading.text(LeadField.PHONE);
        } else {
            phoneText = reading.text(LeadField.PHONE);
            phone = reading.parse(ColumnTarget.field(LeadField.PHONE), phoneText, phoneParser, phoneKind);
        }
        reading.contactSeen |= phoneText != null;
        // A row matched by Leadport's id names a lead that has its contact already; it is never created.
        Long leadId = reading.parsed(LeadField.ID, RowValidator::leadId, null);
        if (leadId == null) {
            reading.requireEmailOrPhone();
        }
        // An empty, unknown or "leave empty" status is null: a new lead is NEW, an updated one keeps its status.
        LeadStatus status = reading.parsed(LeadField.STATUS, statuses::parse, WarningKind.STATUS);
        // Keys and original dates are no secondary values: one that cannot be read fails its row.
        Function<String, Parsed<LocalDate>> date = text -> DateText.parse(text, options.dateOrder());
        LocalDate createdOn = reading.parsed(LeadField.CREATED_AT, date, null);
        LocalDate updatedOn = reading.parsed(LeadField.UPDATED_AT, date, null);
        LeadDraft lead = new LeadDraft(
                firstName,
                lastName,
                email == null ? null : email.value(),
                email == null ? null : email.key(),
                // A phone that is no valid number is kept as typed, with no E.164 form to dial or compare by.
                phone == null ? phoneText : phone.raw(),
                phone == null ? null : phone.e164(),
                Optional.ofNullable(reading.text(LeadField.COMPANY)).orElse(organisation),
                reading.text(LeadField.JOB_TITLE),
                status,
                reading.text(LeadField.SOURCE),
                reading.text(LeadField.OWNER),
                reading.text(LeadField.NOTES),
                reading.customValues(),
                leadId,
                reading.text(LeadField.EXTERNAL_ID),
                createdOn,
                updatedOn);
        return new RowResult(row.rowNumber(), row.fields(), lead, reading.problems);
    }

    private static Parsed<Long> leadId(String text) {
        if (text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long id = Long.parseLong(text);
            if (id > 0) {
                return Parsed.valid(id);
            }
        }
        return Parsed.invalid("not a Leadport lead id (a whole number such as 1042, as Leadport's export writes it)");
    }

    /** The reading of one row: values looked up by target, problems collected on the way. */
    private final class Reading {
        private final SourceRow row;
        private final List<RowProblem> problems;
        boolean contactSeen;

        Reading(SourceRow row) {
            this.row = row;
            this.problems = new ArrayList<>(row.problems());
        }

        /** The trimmed value for a standard field, or null when unmapped, empty or too long (a problem). */
        String text(LeadField field) {
            return text(ColumnTarget.field(field), MAX_LENGTHS.get(field));
        }

        /**
         * A cell, trimmed, with the apostrophe that spreadsheet-safe exports put before = + - @ removed again, so an
         * exported file re-imports with no loss.
         */
        private String cell(int index) {
            String value = row.field(index).strip();
            if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
                return value.substring(1);
            }
            return value;
        }

        private String text(ColumnTarget target, int maxLength) {
            String value = mapped(target, rawText(target));
            if (value.isEmpty()) {
                return null;
            }
            if (value.length() > maxLength) {
                problem(header(target), value, "longer than " + maxLength + " characters", null);
                return null;
            }
            return value;
        }

        /**
         * The first filled cell of the target's columns, or the import's constant where they are all empty or the
         * constant overrides them.
         */
        private String rawText(ColumnTarget target) {
            String value = columnsFor(target).stream()
                    .map(c -> cell(c.index()))
                    .filter(v -> !v.isEmpty())
                    .findFirst()
                    .orElse("");
            String constant = options.constants().get(target);
            return constant != null && (value.isEmpty() || options.overrideConstants()) ? constant : value;
        }

        /** The user's value map applied: the value they chose for this text, "" for "leave empty". */
        private String mapped(ColumnTarget target, String text) {
            return text.isEmpty()
                    ? text
                    : options.valueMaps().lookup(target, text).orElse(text);
        }

        /** Whether several columns feed the field and no constant stands in for them. */
        boolean severalColumns(LeadField field) {
            ColumnTarget target = ColumnTarget.field(field);
            return columnsFor(target).size() > 1 && options.constants().get(target) == null;
        }

        /**
         * A value read by {@code parser}; null when empty, or when invalid: an error naming why, or a warning of
         * {@code kind} (the value left out) unless the import made that kind strict.
         */
        <T> T parsed(LeadField field, Function<String, Parsed<T>> parser, WarningKind kind) {
            if (severalColumns(field)) {
                return firstValid(field, parser, kind);
            }
            String text = text(field);
            if (field == LeadField.EMAIL) {
                contactSeen |= text != null;
            }
            return parse(ColumnTarget.field(field), text, parser, kind);
        }

        /** {@code text} (already read, or null) read by {@code parser}, as {@link #parsed} does. */
        <T> T parse(ColumnTarget target, String text, Function<String, Parsed<T>> parser, WarningKind kind) {
            if (text == null) {
                return null;
            }
            Parsed<T> parsed = parser.apply(text);
            parsed.problem().ifPresent(reason -> problem(header(target), text, reason, kind));
            return parsed.toOptional().orElse(null);
        }

        /**
         * The first valid value among the field's columns ("Email 1" then "Email 2"); when none is valid, the first
         * filled one's problem.
         */
        <T> T firstValid(LeadField field, Function<String, Parsed<T>> parser, WarningKind kind) {
            String problemColumn = null;
            String problemText = null;
            String problemReason = null;
            int maxLength = MAX_LENGTHS.get(field);
            ColumnTarget target = ColumnTarget.field(field);
            for (ColumnMapping.Column column : columnsFor(target)) {
                String text = mapped(target, cell(column.index()));
                if (text.isEmpty()) {
                    continue;
                }
                contactSeen |= field == LeadField.EMAIL || field == LeadField.PHONE;
                Parsed<T> parsed = text.length() > maxLength
                        ? Parsed.invalid("longer than " + maxLength + " characters")
                        : parser.apply(text);
                if (parsed.toOptional().isPresent()) {
                    return parsed.toOptional().get();
                }
                if (problemReason == null) {
                    problemColumn = column.header();
                    problemText = text;
                    problemReason = parsed.problem().orElseThrow();
                }
            }
            if (problemReason != null) {
                problem(problemColumn, problemText, problemReason, kind);
            }
            return null;
        }

        void requireEmailOrPhone() {
            if (contactSeen) {
                return;
            }
            Optional<ColumnMapping.Column> column = columnFor(ColumnTarget.field(LeadField.EMAIL))
                    .or(() -> columnFor(ColumnTarget.field(LeadField.PHONE)));
            problems.add(new RowProblem(
                    row.rowNumber(),
                    column.map(ColumnMapping.Column::header).orElse(null),
                    "",
                    "a lead needs an email or a phone"));
        }

        /**
         * "Ann Smith" → Ann / Smith, "Smith, Ann" → Ann / Smith, "Ann" → Ann / null, "李 娜" (family name first) → 娜 / 李;
         * an organisation's name ("Acme Inc.") comes back whole, alone.
         */
        Optional<String[]> fullName() {
            String name = text(ColumnTarget.FULL_NAME, MAX_LENGTHS.get(LeadField.FIRST_NAME) * 2 + 1);
            if (name == null) {
                return Optional.empty();
            }
            if (OrganisationNames.looksLikeOrganisation(name)) {
                return Optional.of(new String[] {name});
            }
            int gap = name.indexOf(' ');
            if (gap > 0 && familyNameFirst(name.codePointAt(0))) {
                return Optional.of(new String[] {name.substring(gap + 1).strip(), name.substring(0, gap)});
            }
            int comma = name.indexOf(',');
            if (comma > 0) {
                return Optional.of(new String[] {
                    blankToNull(name.substring(comma + 1)),
                    name.substring(0, comma).strip()
                });
            }
            int space = name.lastIndexOf(' ');
            return Optional.of(
                    space < 0
                            ? new String[] {name, null}
                            : new String[] {name.substring(0, space).strip(), name.substring(space + 1)});
        }

        Map<String, Object> customValues() {
            Map<String, Object> values = new LinkedHashMap<>();
            for (CustomFieldSpec field : customFields) {
                ColumnTarget target = ColumnTarget.custom(field.key());
                Optional<ColumnMapping.Column> column = columnFor(target);
                String text = mapped(target, rawText(target));
                if (text.isEmpty()) {
                    if (field.required()) {
                        problems.add(new RowProblem(
                                row.rowNumber(),
                                column.map(ColumnMapping.Column::header).orElse(field.label()),
                                "",
                                field.label() + " is required"));
                    }
                    continue;
                }
                Parsed<Object> value = CustomFieldValues.read(
                        CustomFieldType.valueOf(field.type().name()), field.options(), text, customReading);
                value.toOptional().ifPresent(v -> values.put(field.key(), v));
                value.problem().ifPresent(reason -> problem(header(target), text, reason, WarningKind.CUSTOM));
            }
            return values;
        }

        /** Records a problem: an error, or a warning of {@code kind} (null: always an error) unless it is strict. */
        private void problem(String column, String value, String reason, WarningKind kind) {
            String shown = RowChecks.preview(value);
            if (kind == null || options.strict().contains(kind)) {
                problems.add(new RowProblem(row.rowNumber(), column, shown, reason));
            } else {
                problems.add(RowProblem.warning(row.rowNumber(), column, shown, reason + "; " + outcome(kind)));
            }
        }
    }

    /** What a warning does to its value. */
    private static String outcome(WarningKind kind) {
        return switch (kind) {
            case PHONE -> "kept as typed, without an international form";
            case STATUS -> "left empty (a new lead is New)";
            case CUSTOM -> "left out";
            case OWNER -> "owned by the importer";
        };
    }

    /** The header a problem names: the target's column, or the constant that gave the value. */
    private String header(ColumnTarget target) {
        return columnFor(target).map(ColumnMapping.Column::header).orElse("constant " + target);
    }

    private Optional<ColumnMapping.Column> columnFor(ColumnTarget target) {
        return columnsFor(target).stream().findFirst();
    }

    private List<ColumnMapping.Column> columnsFor(ColumnTarget target) {
        return columns.getOrDefault(target, List.of());
    }

    /** Chinese, Japanese and Korean names put the family name first. */
    private static boolean familyNameFirst(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL;
    }

    private static String blankToNull(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static Map<LeadField, Integer> maxLengths() {
        Map<LeadField, Integer> lengths = new EnumMap<>(LeadField.class);
        lengths.put(LeadField.FIRST_NAME, LeadLimits.NAME);
        lengths.put(LeadField.LAST_NAME, LeadLimits.NAME);
        lengths.put(LeadField.EMAIL, LeadLimits.EMAIL);
        lengths.put(LeadField.PHONE, LeadLimits.PHONE);
        lengths.put(LeadField.COMPANY, LeadLimits.COMPANY);
        lengths.put(LeadField.JOB_TITLE, LeadLimits.JOB_TITLE);
        lengths.put(LeadField.STATUS, 100);
        lengths.put(LeadField.SOURCE, LeadLimits.SOURCE);
        lengths.put(LeadField.OWNER, 254);
        lengths.put(LeadField.NOTES, LeadLimits.NOTES);
        lengths.put(LeadField.EXTERNAL_ID, LeadLimits.EXTERNAL_ID);
        lengths.put(LeadField.ID, 40);
        lengths.put(LeadField.CREATED_AT, 100);
        lengths.put(LeadField.UPDATED_AT, 100);
        return Map.copyOf(lengths);
    }
}
