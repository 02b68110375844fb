package dev.leadport.imports.reading;

import java.nio.charset.Charset;

/**
 * How a file is read: limits that keep a hostile or broken file from exhausting memory (the longest field accepted as
 * data, and for XLSX files the largest total inflated size and the most zip entries), and the user's choices where
 * detection can be overruled: the text encoding (null: detect) and the row that holds the headers (0: find it).
 */
public record ReadOptions(
        int maxFieldLength, long maxInflatedBytes, int maxZipEntries, Charset encoding, int headerRow) {

    public static final ReadOptions DEFAULTS = new ReadOptions(10_000, 2L * 1024 * 1024 * 1024, 10_000, null, 0);

    public ReadOptions {
        if (maxFieldLength < 1 || maxInflatedBytes < 1 || maxZipEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (headerRow < 0) {
            throw new IllegalArgumentException("the header row is a row number from 1, or 0 to find it");
        }
    }

    public ReadOptions withMaxFieldLength(int length) {
        return new ReadOptions(length, maxInflatedBytes, maxZipEntries, encoding, headerRow);
    }

    public ReadOptions withZipLimits(long inflatedBytes, int entries) {
        return new ReadOptions(maxFieldLength, inflatedBytes, entries, encoding, headerRow);
    }

    /** Reads text files in this encoding instead of detecting it (null detects). */
    public ReadOptions withEncoding(Charset chosen) {
        return new ReadOptions(maxFieldLength, maxInflatedBytes, maxZipEntries, chosen, headerRow);
    }

    /** Takes this row (counted from 1, as a spreadsheet shows it) as the header row instead of finding it (0 finds). */
    public ReadOptions withHeaderRow(int row) {
        return new ReadOptions(maxFieldLength, maxInflatedBytes, maxZipEntries, encoding, row);
    }
}
