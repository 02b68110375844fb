package dev.leadport.imports;

import java.util.Map;

/**
 * The reading options a user chose for an import, as sent with the file and stored with the job.
 *
 * @param defaultRegion region for phone numbers without a country code (e.g. US, DE); null means the configured default
 * @param dateOrder DMY, MDY or AUTO (decide from the file)
 * @param statusValues the user's own status words, e.g. {"Hot": "QUALIFIED"}
 */
public record ImportRequestOptions(String defaultRegion, String dateOrder, Map<String, String> statusValues) {

    public ImportRequestOptions {
        statusValues = statusValues == null ? Map.of() : Map.copyOf(statusValues);
    }
}
