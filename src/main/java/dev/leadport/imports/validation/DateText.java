package dev.leadport.imports.validation;

import dev.leadport.leads.Parsed;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date the ways lead files write them: ISO 8601 dates and date-times (with or without offset; the date is
 * taken as written), "yyyy-MM-dd HH:mm", M/d/yyyy or d/M/yyyy by the {@link DateOrder}, dd.MM.yyyy, and Excel serial
 * day numbers.
 */
final class DateText {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?");
    private static final Pattern NUMERIC =
            Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})( \\d{1,2}:\\d{2}(:\\d{2})?)?");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(\\.\\d+)?");
    /** Day zero of Excel's 1900 date system, as Excel counts (it believes 1900 was a leap year). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final long LAST_EXCEL_SERIAL = 2_958_465; // 9999-12-31

    private DateText() {}

    static Parsed<LocalDate> parse(String text, DateOrder order) {
        String value = text.strip();
        Matcher iso = ISO.matcher(value);
        if (iso.matches()) {
            return real(iso.group(1), iso.group(2), iso.group(3), value);
        }
        Matcher numeric = NUMERIC.matcher(value);
        if (numeric.matches()) {
            return dayMonth(numeric, order, value);
        }
        if (SERIAL.matcher(value).matches()) {
            long days = (long) Double.parseDouble(value);
            return days >= 1 && days <= LAST_EXCEL_SERIAL
                    ? Parsed.valid(EXCEL_EPOCH.plusDays(days))
                    : Parsed.invalid("not a date: " + value + " is outside Excel's date range");
        }
        return Parsed.invalid("not a date; write it like 2024-03-31, 31.03.2024, 3/31/2024 or 31/3/2024");
    }

    private static Parsed<LocalDate> dayMonth(Matcher numeric, DateOrder order, String value) {
        int first = Integer.parseInt(numeric.group(1));
        int second = Integer.parseInt(numeric.group(3));
        DateOrder effective = numeric.group(2).equals(".") ? DateOrder.DMY : order;
        if (effective == DateOrder.AUTO) {
            effective = first > 12 ? DateOrder.DMY : second > 12 || first == second ? DateOrder.MDY : DateOrder.AUTO;
        }
        return switch (effective) {
            case DMY -> real(numeric.group(4), numeric.group(3), numeric.group(1), value);
            case MDY -> real(numeric.group(4), numeric.group(1), numeric.group(3), value);
            case AUTO ->
                Parsed.invalid("ambiguous date: " + value
                        + " could be day/month or month/day; choose the date order for this import");
        };
    }

    private static Parsed<LocalDate> real(String year, String month, String day, String value) {
        try {
            return Parsed.valid(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            // java.time reports an impossible calendar date (31 February) only by this exception.
            return Parsed.invalid("not a real date: " + value);
        }
    }
}
