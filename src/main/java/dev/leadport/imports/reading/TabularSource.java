package dev.leadport.imports.reading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of an import file, streamed: a header row and then the data rows, skipping blank ones. Rows are read one
 * at a time while iterating, so files of millions of rows never sit in memory. Iterate once; close when done.
 */
public interface TabularSource extends Iterable<SourceRow>, AutoCloseable {

    /** Opens a CSV or XLSX file, telling them apart by content rather than by name. */
    static TabularSource open(Path file, ReadOptions options) throws IOException, UnreadableFileException {
        return switch (SourceFormat.detect(file)) {
            case CSV -> CsvSource.open(file, options);
            case XLSX -> XlsxSource.open(file, options);
        };
    }

    /** The header row as written in the file. */
    List<String> headers();

    /** Releases the file; reading errors after this point are I/O failures, so it throws none of its own. */
    @Override
    void close();
}
