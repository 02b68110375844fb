package dev.leadport.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Writes an export file row by row to a stream, holding no more than a buffer in memory. */
interface RowWriter extends AutoCloseable {

    void header(List<String> names) throws IOException;

    /** One row; cells are shown as the file shows them (see {@link Cells}). */
    void row(String[] cells) throws IOException;

    /** Completes the file; a writer that is closed without finishing leaves a truncated file. */
    void finish() throws IOException;

    @Override
    void close() throws IOException;

    static RowWriter open(ExportRequest request, OutputStream out) throws IOException {
        return switch (request.format()) {
            case CSV -> new CsvRowWriter(out, request.bom());
            case XLSX -> new XlsxRowWriter(out);
        };
    }
}
