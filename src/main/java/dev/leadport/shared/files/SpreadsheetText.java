package dev.leadport.shared.files;

/** Text written into CSV or XLSX files that users open in spreadsheets. */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    /**
     * Neutralises CSV injection: a cell a spreadsheet would run as a formula (starting with = + - @, tab or carriage
     * return) gets a leading apostrophe. Null becomes the empty string.
     */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
