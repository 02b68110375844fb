package dev.leadport.imports;

import java.util.List;
import java.util.Map;

/**
 * The reading options a user chose for an import, as sent with the file and stored with the job.
 *
 * @param defaultRegion region for phone numbers without a country code (e.g. US, DE); null means the configured default
 * @param dateOrder DMY, MDY or AUTO (decide from the file)
 * @param statusValues the user's own status words, e.g. {"Hot": "QUALIFIED"}
 * @param valueMaps per target, what a file value becomes, e.g. {"owner": {"Jane Roe": "manager"}, "status": {"Rent":
 *     ""}}; an empty value means "leave empty"
 * @param constants a value for every row per target, e.g. {"source": "Expo 2026"}
 * @param overrideConstants whether constants replace the file's values too (else they fill empty cells only)
 * @param strict warning kinds that fail their row instead: phone, owner, status, custom
 * @param newOptions options an admin adds to choice fields with this import, by field key, e.g. {"tier": ["Platinum"]}
 * @param encoding the text encoding to read the file in (e.g. Shift_JIS, windows-1252); null detects it
 * @param headerRow the row that holds the column names, counted from 1; null finds it below any title lines
 * @param matchBy what identifies an existing lead (null: EMAIL)
 */
public record ImportRequestOptions(
        String defaultRegion,
        String dateOrder,
        Map<String, String> statusValues,
        Map<String, Map<String, String>> valueMaps,
        Map<String, String> constants,
        Boolean overrideConstants,
        List<String> strict,
        Map<String, List<String>> newOptions,
        String encoding,
        Integer headerRow,
        MatchKey matchBy) {

    public ImportRequestOptions {
        statusValues = statusValues == null ? Map.of() : Map.copyOf(statusValues);
        valueMaps = valueMaps == null ? Map.of() : Map.copyOf(valueMaps);
        constants = constants == null ? Map.of() : Map.copyOf(constants);
        overrideConstants = Boolean.TRUE.equals(overrideConstants);
        strict = strict == null ? List.of() : List.copyOf(strict);
        newOptions = newOptions == null ? Map.of() : Map.copyOf(newOptions);
        encoding = encoding == null || encoding.isBlank() ? null : encoding.strip();
        matchBy = matchBy == null ? MatchKey.EMAIL : matchBy;
    }

    public ImportRequestOptions(String defaultRegion, String dateOrder, Map<String, String> statusValues) {
        this(defaultRegion, dateOrder, statusValues, null, null, null, null, null, null, null, null);
    }

    /** The same options with value maps saved for the file's headers under the user's own. */
    public ImportRequestOptions withValueMaps(Map<String, Map<String, String>> maps) {
        return new ImportRequestOptions(
                defaultRegion,
                dateOrder,
                statusValues,
                maps,
                constants,
                overrideConstants,
                strict,
                newOptions,
                encoding,
                headerRow,
                matchBy);
    }

    /** These options with the encoding and header row the file was read with, so a job reads it the same way. */
    public ImportRequestOptions readWith(String chosenEncoding, Integer chosenHeaderRow) {
        return new ImportRequestOptions(
                defaultRegion,
                dateOrder,
                statusValues,
                valueMaps,
                constants,
                overrideConstants,
                strict,
                newOptions,
                chosenEncoding,
                chosenHeaderRow,
                matchBy);
    }

    /** These options matching existing leads by the given key. */
    public ImportRequestOptions matchingBy(MatchKey key) {
        return new ImportRequestOptions(
                defaultRegion,
                dateOrder,
                statusValues,
                valueMaps,
                constants,
                overrideConstants,
                strict,
                newOptions,
                encoding,
                headerRow,
                key);
    }
}
