package dev.leadport.leads;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * The one place a custom field value is checked and brought to its stored form: TEXT as a string, NUMBER as a
 * number, DATE as an ISO date string, BOOLEAN as a boolean, CHOICE as the option's own spelling.
 */
public final class CustomFieldValues {

    public static final int MAX_TEXT_LENGTH = 1000;

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off");

    private CustomFieldValues() {}

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

    /** Checks a value that arrived as JSON (string, number, boolean) or as text from a file. Null stays null. */
    public static Checked check(CustomFieldDefinition field, Object input) {
        if (input == null || (input instanceof String s && s.isBlank())) {
            return field.required() ? Checked.problem("is required") : Checked.of(null);
        }
        String text = input.toString().strip();
        return switch (field.type()) {
            case TEXT ->
                text.length() > MAX_TEXT_LENGTH
                        ? Checked.problem("is longer than " + MAX_TEXT_LENGTH + " characters")
                        : Checked.of(text);
            case NUMBER -> number(input, text);
            case DATE -> date(text);
            case BOOLEAN -> bool(input, text);
            case CHOICE -> choice(field, text);
        };
    }

    private static Checked number(Object input, String text) {
        if (input instanceof Number n) {
            return Checked.of(new BigDecimal(n.toString()));
        }
        try {
            return Checked.of(new BigDecimal(text.replace(",", "")));
        } catch (NumberFormatException e) {
            return Checked.problem("'" + text + "' is not a number");
        }
    }

    private static Checked date(String text) {
        try {
            return Checked.of(LocalDate.parse(text).toString());
        } catch (DateTimeParseException e) {
            return Checked.problem("'" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static Checked bool(Object input, String text) {
        if (input instanceof Boolean b) {
            return Checked.of(b);
        }
        String key = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(key)) {
            return Checked.of(true);
        }
        if (FALSE.contains(key)) {
            return Checked.of(false);
        }
        return Checked.problem("'" + text + "' is not true or false");
    }

    private static Checked choice(CustomFieldDefinition field, String text) {
        return field.options().stream()
                .filter(o -> o.equalsIgnoreCase(text))
                .findFirst()
                .map(Checked::of)
                .orElseGet(() -> Checked.problem("'" + text + "' is not one of " + field.options()));
    }
}
