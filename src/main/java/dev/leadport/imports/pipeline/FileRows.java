package dev.leadport.imports.pipeline;

import dev.leadport.imports.ValidationReport.MappedColumn;
import dev.leadport.imports.reading.CsvSource;
import dev.leadport.imports.reading.FileFacts;
import dev.leadport.imports.reading.ReadOptions;
import dev.leadport.imports.reading.SourceFormat;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.imports.reading.TabularSource;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.validation.ValueReview;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The checked rows of one file, chunk by chunk: each row read, validated against the mapping and its owner resolved.
 * The validation and the import both read files through this class, so they agree on every row.
 */
public final class FileRows implements AutoCloseable {

    private static final int SAMPLES_PER_COLUMN = 3;

    private final TabularSource source;
    private final Iterator<SourceRow> rows;
    private final RowCheck checker;
    private final RowChanges changes;
    private final ImportSettings settings;
    private final FileFacts facts;
    private final List<List<String>> samples = new ArrayList<>();
    private ValueCounts values;

    private FileRows(TabularSource source, ImportSettings settings, FileFacts facts, RowChanges changes) {
        this.source = source;
        this.rows = source.iterator();
        this.settings = settings;
        this.facts = facts;
        this.checker = new RowCheck(settings);
        this.changes = changes;
        for (int i = 0; i < facts.headers().size(); i++) {
            samples.add(new ArrayList<>());
        }
    }

    public static FileRows open(Path file, ImportSettings settings) throws IOException, UnreadableFileException {
        return open(file, settings, RowChanges.NONE);
    }

    /** The file's rows with the user's changes applied as they are read (dropped rows left out). */
    public static FileRows open(Path file, ImportSettings settings, RowChanges changes)
            throws IOException, UnreadableFileException {
        TabularSource source = TabularSource.open(file, settings.readOptions());
        return new FileRows(source, settings, facts(file, source), changes);
    }

    /** A file's headers and its first rows (their fields), read from its start only. */
    record Preview(List<String> headers, List<List<String>> rows) {}

    /** The headers of a file and up to {@code rows} of its first rows, for the suggested mapping to read. */
    static Preview preview(Path file, ReadOptions options, int rows) throws IOException, UnreadableFileException {
        try (TabularSource source = TabularSource.open(file, options)) {
            List<List<String>> first = new ArrayList<>();
            Iterator<SourceRow> it = source.iterator();
            while (first.size() < rows && it.hasNext()) {
                first.add(it.next().fields());
            }
            return new Preview(source.headers(), first);
        }
    }

    /** Up to {@code limit} values of the given columns from the first rows, to decide the file's date order. */
    static List<String> valuesOf(Path file, ReadOptions options, List<Integer> columns, int limit)
            throws IOException, UnreadableFileException {
        List<String> values = new ArrayList<>();
        try (TabularSource source = TabularSource.open(file, options)) {
            for (SourceRow row : source) {
                for (int column : columns) {
                    String value = row.field(column).strip();
                    if (!value.isEmpty()) {
                        values.add(value);
                    }
                }
                if (values.size() >= limit) {
                    break;
                }
            }
        }
        return values;
    }

    public FileFacts facts() {
        return facts;
    }

    /** Skips the rows an earlier run already committed. */
    public void skipThrough(long rowNumber) {
        while (rowNumber > 1 && rows.hasNext()) {
            SourceRow row = rows.next();
            if (row.rowNumber() >= rowNumber) {
                return;
            }
        }
    }

    /** The next rows, at most {@code max}; empty at the end of the file. */
    public List<CheckedRow> next(int max) {
        List<CheckedRow> chunk = new ArrayList<>(Math.min(max, 4096));
        while (chunk.size() < max && rows.hasNext()) {
            SourceRow row = changes.apply(rows.next());
            if (row == null) {
                continue;
            }
            keepSamples(row);
            chunk.add(check(row));
        }
        return chunk;
    }

    /** Each column with its target, confidence and the first values seen in it. */
    public List<MappedColumn> mappedColumns() {
        return settings.mapping().columns().stream()
                .map(c -> new MappedColumn(
                        c.index(),
                        c.header(),
                        c.target().toString(),
                        c.confidence(),
                        c.index() < samples.size() ? List.copyOf(samples.get(c.index())) : List.of()))
                .toList();
    }

    private CheckedRow check(SourceRow row) {
        if (values != null) {
            values.add(row);
        }
        return checker.check(row);
    }

    /** Counts the distinct values of the fixed-value columns as the rows go by (the dry run's value review). */
    public void countValues() {
        List<ValueCounts.Column> counted = settings.mapping().columns().stream()
                .filter(c -> ValueReview.reviewed(c.target(), settings.customFields()))
                .map(c -> new ValueCounts.Column(c.index(), c.header(), c.target()))
                .toList();
        values = new ValueCounts(counted);
    }

    /** The counts {@link #countValues} started, or null. */
    public ValueCounts valueCounts() {
        return values;
    }

    private void keepSamples(SourceRow row) {
        for (int i = 0; i < samples.size(); i++) {
            List<String> column = samples.get(i);
            if (column.size() < SAMPLES_PER_COLUMN && !row.field(i).isBlank()) {
                column.add(row.field(i).length() > 80 ? row.field(i).substring(0, 80) + "…" : row.field(i));
            }
        }
    }

    private static FileFacts facts(Path file, TabularSource source) throws IOException, UnreadableFileException {
        if (source instanceof CsvSource csv) {
            return new FileFacts(
                    "CSV",
                    csv.encodingName(),
                    delimiterName(csv.separator()),
                    source.headers(),
                    csv.headerRow(),
                    csv.encoding().confidence(),
                    csv.encoding().alternatives());
        }
        return new FileFacts(SourceFormat.detect(file).name(), null, null, source.headers());
    }

    private static String delimiterName(char separator) {
        return switch (separator) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            case ',' -> "comma";
            default -> String.valueOf(separator);
        };
    }

    @Override
    public void close() {
        source.close();
    }
}
