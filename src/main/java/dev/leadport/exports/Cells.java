package dev.leadport.exports;

import java.util.regex.Pattern;

/** How one value appears in a file; the file writers and the preview share it so both show the same text. */
final class Cells {

    /** Phone numbers and signed numbers start with + or - but can never run as a formula. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9][0-9 ().,/-]*");

    private Cells() {}

    static String show(String value, boolean neutralise) {
        if (value == null) {
            return "";
        }
        return neutralise && runsAsFormula(value) ? "'" + value : value;
    }

    /** OWASP CSV injection: a leading =, +, -, @, tab or carriage return makes a spreadsheet evaluate the cell. */
    static boolean runsAsFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        boolean trigger =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !PLAIN_NUMBER.matcher(value).matches();
    }
}
