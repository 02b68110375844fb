package dev.leadport.imports.reading;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.reader.Cell;

/**
 * Renders a spreadsheet cell as the text a user typed: numbers in plain notation (a phone stored as a number stays
 * 14155550123, not 1.4155550123E10), date-formatted cells as ISO dates, booleans as true/false.
 */
final class CellText {

    /** Excel's built-in date and time formats, which carry an id and no format string. */
    private static final Set<Integer> BUILT_IN_DATE_FORMATS = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47);

    private CellText() {}

    static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case EMPTY -> "";
            case STRING -> cell.asString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case NUMBER -> isDateFormatted(cell) ? dateText(cell.asDate()) : plain(cell.asNumber());
            case FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue();
        };
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String dateText(LocalDateTime value) {
        if (value.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return value.toLocalDate().toString();
        }
        return value.toString();
    }

    static boolean isDateFormatted(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && BUILT_IN_DATE_FORMATS.contains(id)) {
            return true;
        }
        return isDateFormat(cell.getDataFormatString());
    }

    /** Whether a number format shows a date: it has day, year or hour parts outside quoted text and brackets. */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\\\.", "")
                .toLowerCase(Locale.ROOT);
        if (bare.equals("general")) {
            return false;
        }
        return bare.chars().anyMatch(c -> c == 'y' || c == 'd' || c == 'h');
    }
}
