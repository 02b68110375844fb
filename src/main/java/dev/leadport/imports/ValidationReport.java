package dev.leadport.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import of a file would do, found by running the import's own path with nothing written to leads.
 *
 * @param mapping each column's target and the mapper's confidence
 * @param savedMappingApplied whether the mapping was one saved for an earlier file with the same headers
 * @param errors the first row errors (capped); {@code errorsTotal} counts them all
 * @param sample the first valid rows as they would be stored
 * @param savedMappingPublished whether that saved mapping is one an admin published for everybody
 * @param rowsWithWarnings valid rows with a value left out or kept as typed; {@code warnings} lists the first
 *     (capped), {@code warningsTotal} counts them all
 * @param values for each fixed-value column (status, owner, choice and yes/no fields), its distinct values
 * @param reviewToken pass it to the import to save this mapping (with its value maps) for the next file of this shape
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
        boolean savedMappingPublished,
        long rowsWithWarnings,
        List<RowProblem> warnings,
        long warningsTotal,
        List<ValueColumn> values,
        String reviewToken,
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

    /**
     * A fixed-value column: its most frequent values with their row counts (the whole file), how many further values
     * in how many rows are not listed, the values a user may map to ({@code choices}), what an unknown value
     * becomes, and whether an admin may add a value as a new option ({@code newOptions}).
     */
    public record ValueColumn(
            String header,
            String target,
            String targetLabel,
            List<ValueCount> values,
            long distinctValues,
            long moreValues,
            long moreRows,
            List<Choice> choices,
            String unknownBecomes,
            boolean canAddOption) {}

    /**
     * One distinct value: the rows holding it, what it becomes ({@code ""}: left empty) and how that was decided:
     * {@code valid}, {@code mapped} (the user's value map), {@code synonym} (another CRM's word), {@code suggested}
     * (applied only when mapped) or {@code unknown}.
     */
    public record ValueCount(String value, long rows, String becomes, String how, double confidence) {}

    /** A value a column can be mapped to, and how the review names it. */
    public record Choice(String value, String label) {}
}
