package dev.leadport.imports.validation;

import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.leads.Parsed;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a custom field's text by its type: TEXT as is, NUMBER, DATE, BOOLEAN, or one of a CHOICE's options. */
final class CustomValues {

    static final int MAX_TEXT_LENGTH = 1_000;

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    /** Thousands separated by commas ("1,234,567.89"), as US-locale spreadsheets export them. */
    private static final Pattern GROUPED_NUMBER = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x", "on", "t");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "off", "f");

    private CustomValues() {}

    /** Reads non-empty {@code text} as a value of the field: String, BigDecimal, LocalDate or Boolean. */
    static Parsed<Object> parse(CustomFieldSpec field, String text, DateOrder order) {
        return switch (field.type()) {
            case TEXT ->
                text.length() <= MAX_TEXT_LENGTH
                        ? Parsed.valid(text)
                        : Parsed.invalid("longer than " + MAX_TEXT_LENGTH + " characters");
            case NUMBER -> number(text);
            case DATE -> widen(DateText.parse(text, order));
            case BOOLEAN -> bool(text);
            case CHOICE -> choice(field, text);
        };
    }

    static Parsed<Object> number(String text) {
        String compact = text.replace(" ", "");
        if (PLAIN_NUMBER.matcher(compact).matches()) {
            return Parsed.valid(new BigDecimal(compact));
        }
        if (GROUPED_NUMBER.matcher(compact).matches()) {
            return Parsed.valid(new BigDecimal(compact.replace(",", "")));
        }
        return Parsed.invalid("not a number; write it like 1234.56");
    }

    static Parsed<Object> bool(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return Parsed.valid(Boolean.TRUE);
        }
        if (FALSE.contains(lower)) {
            return Parsed.valid(Boolean.FALSE);
        }
        return Parsed.invalid("not yes or no; use true/false, yes/no, y/n, 1/0 or x");
    }

    private static Parsed<Object> choice(CustomFieldSpec field, String text) {
        for (String option : field.options()) {
            if (option.equalsIgnoreCase(text)) {
                return Parsed.valid(option);
            }
        }
        return Parsed.invalid("not one of the options: " + String.join(", ", field.options()));
    }

    private static Parsed<Object> widen(Parsed<?> parsed) {
        return parsed.toOptional()
                .<Parsed<Object>>map(Parsed::valid)
                .orElseGet(() -> Parsed.invalid(parsed.problem().orElseThrow()));
    }
}
