package dev.leadport.imports.reading;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the header row among a file's first records, below title lines and notes that some exports put above it
 * ("Leads from Expo 2026", "Exported on ... by ..."). Such lines fill one or two cells where the header and the data
 * fill many, so the header is the first record that fills most of the widest record's cells with distinct names that
 * are not data (no address, no number).
 */
final class HeaderRowFinder {

    /** Records looked at; a header further down must be named by its row number. */
    static final int LOOK_AHEAD = 30;

    private static final double SHARE_OF_WIDEST = 0.6;
    private static final Pattern DATA = Pattern.compile("[^@\\s]+@[^@\\s]+|[+(]?[\\d\\s().,/:-]+");

    private HeaderRowFinder() {}

    /** The index in {@code records} of the header row, or -1 when every record is blank. */
    static int find(List<List<String>> records) {
        int widest = records.stream().mapToInt(HeaderRowFinder::width).max().orElse(0);
        if (widest == 0) {
            return -1;
        }
        int needed = Math.max(Math.min(2, widest), (int) Math.ceil(widest * SHARE_OF_WIDEST));
        int wideEnough = -1;
        for (int i = 0; i < records.size(); i++) {
            if (width(records.get(i)) >= needed) {
                if (looksLikeHeaders(records.get(i))) {
                    return i;
                }
                if (wideEnough < 0) {
                    wideEnough = i;
                }
            }
        }
        return wideEnough;
    }

    static int width(List<String> record) {
        return (int) record.stream().filter(f -> !f.isBlank()).count();
    }

    private static boolean looksLikeHeaders(List<String> record) {
        Set<String> seen = new HashSet<>();
        for (String field : record) {
            String name = field.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (DATA.matcher(name).matches() || !seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
