package dev.leadport.imports;

import java.util.Map;

/**
 * The reading options a user chose for an import, as sent with the file and stored with the job.
 *
 * @param defaultRegion region for phone numbers without a country code (e.g. US, DE); null means the configured default
 * @param dateOrder DMY, MDY or AUTO (decide from the file)
 * @param statusValues the user's own status words, e.g. {"Hot": "QUALIFIED"}
 * @param encoding the text encoding to read the file in (e.g. Shift_JIS, windows-1252); null detects it
 * @param headerRow the row that holds the column names, counted from 1; null finds it below any title lines
 */
public record ImportRequestOptions(
        String defaultRegion, String dateOrder, Map<String, String> statusValues, String encoding, Integer headerRow) {

    public ImportRequestOptions {
        statusValues = statusValues == null ? Map.of() : Map.copyOf(statusValues);
        encoding = encoding == null || encoding.isBlank() ? null : encoding.strip();
    }

    public ImportRequestOptions(String defaultRegion, String dateOrder, Map<String, String> statusValues) {
        this(defaultRegion, dateOrder, statusValues, null, null);
    }

    /** These options with the encoding and header row the file was read with, so a job reads it the same way. */
    public ImportRequestOptions readWith(String chosenEncoding, int chosenHeaderRow) {
        return new ImportRequestOptions(defaultRegion, dateOrder, statusValues, chosenEncoding, chosenHeaderRow);
    }
}
