package dev.leadport.shared.files;

import java.nio.charset.StandardCharsets;

/**
 * The one rule for text written into CSV files that users open in spreadsheets (OWASP CSV injection): a value
 * starting with =, +, -, @, tab or carriage return makes a spreadsheet evaluate the cell, so such a value gets a
 * leading apostrophe. Phone numbers and signed numbers ("+1 415 555 0100", "-12.5") start the same way but can never
 * run, so they stay as they are: a value is left alone when it is an optional sign, a digit, then only digits,
 * spaces and {@code ( ) . , / -}. Every character the rule looks at is ASCII, so it reads the same on text and on
 * UTF-8 bytes (the export applies it to the bytes PostgreSQL sends).
 */
public final class SpreadsheetText {

    public static final char MARK = '\'';

    private SpreadsheetText() {}

    /** The value as a CSV cell shows it; null becomes the empty string. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (!trigger(value.charAt(0))) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return numberLike(bytes, 0, bytes.length) ? value : MARK + value;
    }

    /** Whether a cell starting with this character (or UTF-8 byte) may be run as a formula. */
    public static boolean trigger(int c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Whether bytes {@code [from, to)} are a number or phone number (see the class comment). */
    public static boolean numberLike(byte[] b, int from, int to) {
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
