package dev.leadport.imports.reading;

import java.util.List;

/**
 * Finds the header row among a file's first records, below title lines and notes that some exports put above it
 * ("Leads from Expo 2026", "Exported on ... by ..."). Such lines fill one cell, or a few, where the header and the
 * data fill many: the header is the first record that fills at least two cells and at least half as many as the
 * records after it typically do.
 */
final class HeaderRowFinder {

    /** Records looked at; a header further down must be named by its row number. */
    static final int LOOK_AHEAD = 30;

    private HeaderRowFinder() {}

    /** The index in {@code records} of the header row, or -1 when every record is blank. */
    static int find(List<List<String>> records) {
        for (int i = 0; i < records.size(); i++) {
            int width = width(records.get(i));
            if (width == 0) {
                continue;
            }
            int typical = typicalWidth(records.subList(i + 1, records.size()));
            if (typical <= 1 || width >= 2 && 2 * width >= typical) {
                return i;
            }
        }
        return -1;
    }

    static int width(List<String> record) {
        return (int) record.stream().filter(f -> !f.isBlank()).count();
    }

    /** The median filled width of the non-blank records. */
    private static int typicalWidth(List<List<String>> records) {
        int[] widths = records.stream()
                .mapToInt(HeaderRowFinder::width)
                .filter(w -> w > 0)
                .sorted()
                .toArray();
        return widths.length == 0 ? 0 : widths[widths.length / 2];
    }
}
