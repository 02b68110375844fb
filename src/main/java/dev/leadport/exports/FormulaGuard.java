package dev.leadport.exports;

import java.nio.charset.StandardCharsets;

/**
 * OWASP CSV injection: a value starting with =, +, -, @, tab or carriage return makes a spreadsheet evaluate the
 * cell, so such a value gets a leading apostrophe. Phone numbers and signed numbers ("+1 415 555 0100", "-12.5")
 * start the same way but can never run, so they stay as they are: a value is left alone when it is an optional sign,
 * a digit, then only digits, spaces and {@code ( ) . , / -}. Every character the rule looks at is ASCII, so it reads
 * the same on text and on UTF-8 bytes; {@link CopyCsvRows} applies it to bytes, the preview to text.
 */
final class FormulaGuard {

    static final char MARK = '\'';

    private FormulaGuard() {}

    /** The value as a CSV file shows it when its column is guarded; null stays null. */
    static String guard(String value) {
        if (value == null || value.isEmpty() || !trigger(value.charAt(0))) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return numberLike(bytes, 0, bytes.length) ? value : MARK + value;
    }

    static boolean trigger(int c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Whether bytes {@code [from, to)} are a number or phone number (see the class comment). */
    static boolean numberLike(byte[] b, int from, int to) {
        int k = from;
        if (k < to && (b[k] == '+' || b[k] == '-')) {
            k++;
        }
        if (k >= to || !digit(b[k])) {
            return false;
        }
        for (k++; k < to; k++) {
            if (!numberPart(b[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean numberPart(int c) {
        return digit(c) || c == ' ' || c == '(' || c == ')' || c == '.' || c == ',' || c == '/' || c == '-';
    }
}
