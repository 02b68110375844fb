package dev.leadport.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import of a file would do, found by running the import's own path with nothing written to leads.
 *
 * @param mapping each column's target and the mapper's confidence
 * @param savedMappingApplied whether the mapping was one saved for an earlier file with the same headers
 * @param errors the first row problems (capped); {@code errorsTotal} counts them all
 * @param sample the first valid rows as they would be stored
 * @param reading how the file was read: its header row and how sure the encoding is
 * @param targets each target that columns feed, with their headers in the order they are tried
 */
public record ValidationReport(
        String fileName,
        String format,
        String encoding,
        String delimiter,
        List<String> headers,
        List<MappedColumn> mapping,
        boolean savedMappingApplied,
        DuplicateMode duplicateMode,
        long totalRows,
        long validRows,
        long invalidRows,
        long duplicatesInFile,
        long matchesExisting,
        long wouldCreate,
        long wouldUpdate,
        long wouldSkip,
        long wouldFail,
        List<RowProblem> errors,
        long errorsTotal,
        List<Map<String, Object>> sample,
        long durationMillis,
        Reading reading,
        Map<String, List<String>> targets) {

    /**
     * How the file was read: the row its headers are on (counted from 1), whether the encoding is certain (a byte
     * order mark, strict UTF-8, a clear detector result or the user's choice), the detector's confidence (0..100)
     * and other encodings that would read the file too; when unsure, the user should look and may choose one.
     */
    public record Reading(
            int headerRow, boolean encodingCertain, int encodingConfidence, List<String> encodingAlternatives) {}

    /** One column of the file and where its values go. */
    public record MappedColumn(int index, String header, String target, double confidence, List<String> samples) {}
}
