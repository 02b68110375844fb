package dev.leadport.imports.reading;

import dev.leadport.imports.RowProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an XLSX workbook, streamed with fastexcel-reader after {@link ZipBombGuard} has checked it.
 * Cells are rendered as the text a user expects ({@link CellText}); row numbers are the sheet's own.
 */
public final class XlsxSource implements TabularSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rowStream;
    private final Iterator<Row> rows;
    private final List<String> headers;
    private final RowChecks checks;
    private boolean iterated;

    private XlsxSource(ReadableWorkbook workbook, ReadOptions options) throws IOException {
        this.workbook = workbook;
        this.rowStream = workbook.getFirstSheet().openStream();
        this.rows = rowStream.iterator();
        this.headers = readHeaders();
        this.checks = new RowChecks(headers, options.maxFieldLength(), ", ", false);
    }

    /** Opens the workbook after checking it is not a zip bomb. */
    public static XlsxSource open(Path file, ReadOptions options) throws IOException, UnreadableFileException {
        ZipBombGuard.check(file, options);
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (ExcelReaderException e) {
            throw new UnreadableFileException("the file is not a valid .xlsx workbook (" + e.getMessage() + ")");
        }
        XlsxSource source;
        try {
            source = new XlsxSource(workbook, options);
        } catch (ExcelReaderException | IOException | UncheckedIOException e) {
            // A workbook that opens but whose first sheet is missing or is not well-formed XML (found by fuzzing).
            workbook.close();
            throw new UnreadableFileException("the file is not a valid .xlsx workbook (" + e.getMessage() + ")");
        }
        if (source.headers.isEmpty()) {
            source.close();
            throw new UnreadableFileException("the first sheet has no header row");
        }
        return source;
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public Iterator<SourceRow> iterator() {
        if (iterated) {
            throw new IllegalStateException("a source is read once");
        }
        iterated = true;
        return new Iterator<>() {
            private SourceRow next;
            private long lastRow = 1;
            private boolean broken;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null && !broken && rows.hasNext()) {
                        Row row = rows.next();
                        lastRow = row.getRowNum();
                        List<String> fields = textOf(row);
                        if (!RowChecks.isBlank(fields)) {
                            next = checks.check(row.getRowNum(), fields);
                        }
                    }
                } catch (ExcelReaderException | UncheckedIOException e) {
                    // The sheet's XML breaks off mid-way: what was read stands, the rest is one row problem.
                    broken = true;
                    long row = lastRow + 1;
                    next = new SourceRow(
                            row,
                            List.of(),
                            List.of(new RowProblem(
                                    row, null, null, "the rest of the sheet could not be read: " + e.getMessage())));
                }
                return next != null;
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceRow row = next;
                next = null;
                return row;
            }
        };
    }

    @Override
    public void close() {
        rowStream.close();
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readHeaders() {
        while (rows.hasNext()) {
            List<String> fields = textOf(rows.next());
            if (!RowChecks.isBlank(fields)) {
                int last = fields.size();
                while (fields.get(last - 1).isBlank()) {
                    last--;
                }
                return fields.subList(0, last).stream().map(String::strip).toList();
            }
        }
        return List.of();
    }

    /** The row's cells as text, with trailing empty cells dropped as a spreadsheet shows them. */
    private static List<String> textOf(Row row) {
        List<String> fields = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            fields.add(CellText.of(row.getCell(i)));
        }
        return fields;
    }
}
