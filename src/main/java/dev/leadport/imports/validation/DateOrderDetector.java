package dev.leadport.imports.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a file writes dates day-first or month-first from a sample of its date values: 25/03/2024 proves
 * DMY, 03/25/2024 proves MDY. Undecided (AUTO) when no value proves either, or values contradict each other.
 */
public final class DateOrderDetector {

    private static final Pattern SLASHED = Pattern.compile("\\s*(\\d{1,2})[/-](\\d{1,2})[/-]\\d{4}\\b.*");

    private long dayFirst;
    private long monthFirst;

    /** Takes one value from the sample; values that are not slashed dates say nothing and are ignored. */
    void accept(String value) {
        Matcher date = SLASHED.matcher(value);
        if (!date.matches()) {
            return;
        }
        int first = Integer.parseInt(date.group(1));
        int second = Integer.parseInt(date.group(2));
        if (first > 12 && second <= 12) {
            dayFirst++;
        } else if (second > 12 && first <= 12) {
            monthFirst++;
        }
    }

    /** The order the sample proves, or AUTO when it proves none or both. */
    DateOrder result() {
        if (dayFirst > 0 && monthFirst == 0) {
            return DateOrder.DMY;
        }
        if (monthFirst > 0 && dayFirst == 0) {
            return DateOrder.MDY;
        }
        return DateOrder.AUTO;
    }

    /** The order proved by a sample of values. */
    public static DateOrder detect(Iterable<String> values) {
        DateOrderDetector detector = new DateOrderDetector();
        values.forEach(detector::accept);
        return detector.result();
    }
}
