package dev.leadport.exports;

import dev.leadport.shared.files.SpreadsheetText;

/**
 * The export's view of the one formula rule, {@link SpreadsheetText}: {@link CopyCsvRows} applies it to the bytes
 * PostgreSQL sends, the preview to text.
 */
final class FormulaGuard {

    static final char MARK = SpreadsheetText.MARK;

    private FormulaGuard() {}

    /** The value as a CSV file shows it when its column is guarded; null stays null. */
    static String guard(String value) {
        return value == null ? null : SpreadsheetText.neutralise(value);
    }

    static boolean trigger(int c) {
        return SpreadsheetText.trigger(c);
    }

    /** Whether bytes {@code [from, to)} are a number or phone number (see {@link SpreadsheetText}). */
    static boolean numberLike(byte[] b, int from, int to) {
        return SpreadsheetText.numberLike(b, from, to);
    }
}
