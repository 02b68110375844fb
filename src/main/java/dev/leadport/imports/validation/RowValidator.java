package dev.leadport.imports.validation;

import dev.leadport.imports.RowProblem;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.mapping.OrganisationNames;
import dev.leadport.imports.reading.RowChecks;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.leads.EmailAddress;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import dev.leadport.leads.Parsed;
import dev.leadport.leads.PhoneNumber;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a row read from a file into the lead it describes and the problems that keep it from being imported: every
 * value trimmed, lengths limited, email and phone checked, status words mapped, a full name split, custom fields read
 * by type, and at least an email or a phone required. Built once per import, used for every row.
 */
public final class RowValidator {

    static final Map<LeadField, Integer> MAX_LENGTHS = maxLengths();

    /** Each target's columns in the order they are tried, looked up once per import rather than for every cell. */
    private final Map<ColumnTarget, List<ColumnMapping.Column>> columns = new HashMap<>();

    private final List<CustomFieldSpec> customFields;
    private final ImportOptions options;
    private final StatusMapper statuses;

    public RowValidator(ColumnMapping mapping, List<CustomFieldSpec> customFields, ImportOptions options) {
        for (ColumnMapping.Column column : mapping.columns()) {
            columns.computeIfAbsent(column.target(), t -> new ArrayList<>()).add(column);
        }
        this.customFields = List.copyOf(customFields);
        this.options = options;
        this.statuses = new StatusMapper(options.statusValues());
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
        EmailAddress email = reading.parsed(LeadField.EMAIL, EmailAddress::parse);
        PhoneNumber phone = reading.parsed(LeadField.PHONE, text -> PhoneNumber.parse(text, options.defaultRegion()));
        reading.requireEmailOrPhone();
        LeadStatus status = Optional.ofNullable(reading.parsed(LeadField.STATUS, statuses::parse))
                .orElse(LeadStatus.NEW);
        LeadDraft lead = new LeadDraft(
                firstName,
                lastName,
                email == null ? null : email.value(),
                email == null ? null : email.key(),
                phone == null ? null : phone.raw(),
                phone == null ? null : phone.e164(),
                Optional.ofNullable(reading.text(LeadField.COMPANY)).orElse(organisation),
                reading.text(LeadField.JOB_TITLE),
                status,
                reading.text(LeadField.SOURCE),
                reading.text(LeadField.OWNER),
                reading.text(LeadField.NOTES),
                reading.customValues());
        return new RowResult(row.rowNumber(), row.fields(), lead, reading.problems);
    }

    /** The reading of one row: values looked up by target, problems collected on the way. */
    private final class Reading {
        private final SourceRow row;
        private final List<RowProblem> problems;
        private boolean contactSeen;

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
            // The first of the target's columns that holds a value.
            Optional<ColumnMapping.Column> column = columnsFor(target).stream()
                    .filter(c -> !cell(c.index()).isEmpty())
                    .findFirst();
            if (column.isEmpty()) {
                return null;
            }
            String value = cell(column.get().index());
            if (value.length() > maxLength) {
                problem(column.get(), value, "longer than " + maxLength + " characters");
                return null;
            }
            return value;
        }

        /** A value read by {@code parser}; null when empty, or when invalid (a problem naming why). */
        <T> T parsed(LeadField field, Function<String, Parsed<T>> parser) {
            if (columnsFor(ColumnTarget.field(field)).size() > 1) {
                return firstValid(field, parser);
            }
            String text = text(field);
            Optional<ColumnMapping.Column> column = columnFor(ColumnTarget.field(field));
            if (field == LeadField.EMAIL || field == LeadField.PHONE) {
                contactSeen |= text != null;
            }
            if (text == null && field != LeadField.STATUS) {
                return null;
            }
            Parsed<T> parsed = parser.apply(text == null ? "" : text);
            parsed.problem().ifPresent(reason -> problem(column.orElseThrow(), text, reason));
            return parsed.toOptional().orElse(null);
        }

        /**
         * The first valid value among the field's columns ("Email 1" then "Email 2"); when none is valid, the first
         * filled one's problem.
         */
        private <T> T firstValid(LeadField field, Function<String, Parsed<T>> parser) {
            RowProblem firstProblem = null;
            int maxLength = MAX_LENGTHS.get(field);
            for (ColumnMapping.Column column : columnsFor(ColumnTarget.field(field))) {
                String text = cell(column.index());
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
                if (firstProblem == null) {
                    firstProblem = new RowProblem(
                            row.rowNumber(),
                            column.header(),
                            RowChecks.preview(text),
                            parsed.problem().orElseThrow());
                }
            }
            if (firstProblem != null) {
                problems.add(firstProblem);
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
                Optional<ColumnMapping.Column> column = columnFor(ColumnTarget.custom(field.key()));
                String text = column.map(c -> cell(c.index())).orElse("");
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
                Parsed<Object> value = CustomValues.parse(field, text, options.dateOrder());
                value.toOptional().ifPresent(v -> values.put(field.key(), v));
                value.problem().ifPresent(reason -> problem(column.orElseThrow(), text, reason));
            }
            return values;
        }

        private void problem(ColumnMapping.Column column, String value, String reason) {
            problems.add(new RowProblem(row.rowNumber(), column.header(), RowChecks.preview(value), reason));
        }
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
        lengths.put(LeadField.FIRST_NAME, 100);
        lengths.put(LeadField.LAST_NAME, 100);
        lengths.put(LeadField.EMAIL, EmailAddress.MAX_LENGTH);
        lengths.put(LeadField.PHONE, 50);
        lengths.put(LeadField.COMPANY, 200);
        lengths.put(LeadField.JOB_TITLE, 200);
        lengths.put(LeadField.STATUS, 100);
        lengths.put(LeadField.SOURCE, 100);
        lengths.put(LeadField.OWNER, 254);
        lengths.put(LeadField.NOTES, 10_000);
        return Map.copyOf(lengths);
    }
}
