package dev.leadport.leads;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one place a custom field value is checked and brought to its stored form: TEXT as a string, NUMBER as a
 * number, DATE as an ISO date string, BOOLEAN as a boolean, CHOICE as the option's own spelling. The API and the
 * import read text by the same rules; how dates are written is the one thing a caller may relax ({@link Reading}).
 */
public final class CustomFieldValues {

    public static final int MAX_TEXT_LENGTH = LeadLimits.CUSTOM_TEXT;

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    /** Thousands separated by commas ("1,234,567.89"), as US-locale spreadsheets export them. */
    private static final Pattern GROUPED_NUMBER = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** "t"/"f" are how PostgreSQL and the tools built on it write booleans. */
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x", "on", "t");

    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off", "f");

    private CustomFieldValues() {}

    /**
     * How text is read. {@link #STRICT} (the API) takes dates as yyyy-MM-dd only; an import passes its own date
     * reader, which knows the file's day/month order and the other ways spreadsheets write dates.
     */
    public record Reading(Function<String, Parsed<LocalDate>> dates) {

        public static final Reading STRICT = new Reading(CustomFieldValues::isoDate);
    }

    /** A stored value, or the reason the input is not one. */
    public record Checked(Object value, String problem) {
        public boolean ok() {
            return problem == null;
        }

        static Checked of(Object value) {
            return new Checked(value, null);
        }

        static Checked problem(String reason) {
            return new Checked(null, reason);
        }
    }

    /** Checks a value that arrived as JSON (string, number, boolean). Null stays null. */
    public static Checked check(CustomFieldDefinition field, Object input) {
        if (input == null || (input instanceof String s && s.isBlank())) {
            return field.required() ? Checked.problem("is required") : Checked.of(null);
        }
        if (field.type() == CustomFieldType.NUMBER && input instanceof Number n) {
            return Checked.of(new BigDecimal(n.toString()));
        }
        if (field.type() == CustomFieldType.BOOLEAN && input instanceof Boolean b) {
            return Checked.of(b);
        }
        Parsed<Object> read =
                read(field.type(), field.options(), input.toString().strip(), Reading.STRICT);
        return read.toOptional()
                .map(value -> Checked.of(value instanceof LocalDate date ? date.toString() : value))
                .orElseGet(() -> Checked.problem(read.problem().orElseThrow()));
    }

    /**
     * Reads non-empty, trimmed {@code text} as a value of a field of {@code type}: String, BigDecimal, LocalDate,
     * Boolean, or the matching one of {@code options}.
     */
    public static Parsed<Object> read(CustomFieldType type, List<String> options, String text, Reading reading) {
        return switch (type) {
            case TEXT ->
                text.length() <= MAX_TEXT_LENGTH
                        ? Parsed.valid(text)
                        : Parsed.invalid("longer than " + MAX_TEXT_LENGTH + " characters");
            case NUMBER -> number(text);
            case DATE -> widen(reading.dates().apply(text));
            case BOOLEAN -> bool(text);
            case CHOICE -> choice(options, text);
        };
    }

    /**
     * Digits with an optional sign and decimals, thousands optionally grouped by commas or spaces. Exponents
     * ("1e3", "1.2E+15") are refused: a spreadsheet that writes them has already rounded the number.
     */
    private static Parsed<Object> number(String text) {
        String compact = text.replace(" ", "");
        if (PLAIN_NUMBER.matcher(compact).matches()) {
            return Parsed.valid(new BigDecimal(compact));
        }
        if (GROUPED_NUMBER.matcher(compact).matches()) {
            return Parsed.valid(new BigDecimal(compact.replace(",", "")));
        }
        return Parsed.invalid("not a number; write it like 1234.56");
    }

    private static Parsed<Object> bool(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return Parsed.valid(Boolean.TRUE);
        }
        if (FALSE.contains(lower)) {
            return Parsed.valid(Boolean.FALSE);
        }
        return Parsed.invalid("not yes or no; use true/false, yes/no, y/n, 1/0 or x");
    }

    private static Parsed<Object> choice(List<String> options, String text) {
        for (String option : options) {
            if (option.equalsIgnoreCase(text)) {
                return Parsed.valid(option);
            }
        }
        return Parsed.invalid("not one of the options: " + String.join(", ", options));
    }

    private static Parsed<LocalDate> isoDate(String text) {
        try {
            return Parsed.valid(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            // java.time reports unparseable text only by this exception; it is an everyday answer here.
            return Parsed.invalid("not a date; write it as yyyy-MM-dd");
        }
    }

    private static Parsed<Object> widen(Parsed<?> parsed) {
        return parsed.toOptional()
                .<Parsed<Object>>map(Parsed::valid)
                .orElseGet(() -> Parsed.invalid(parsed.problem().orElseThrow()));
    }
}
