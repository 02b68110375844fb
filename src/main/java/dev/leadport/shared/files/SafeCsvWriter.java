package dev.leadport.shared.files;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer of every CSV file the product writes from stored or user-supplied values (error reports, bulk results,
 * the activity log): RFC 4180 quoting, CRLF line ends, and every cell through the one formula rule of
 * {@link SpreadsheetText}, so no caller can forget it. (The export writes PostgreSQL's COPY output and applies the same
 * rule to its bytes.)
 */
public final class SafeCsvWriter implements Flushable, AutoCloseable {

    private final CsvWriter csv;

    private SafeCsvWriter(CsvWriter csv) {
        this.csv = csv;
    }

    public static SafeCsvWriter to(OutputStream out) {
        return new SafeCsvWriter(CsvWriter.builder().build(out, StandardCharsets.UTF_8));
    }

    public static SafeCsvWriter to(Writer out) {
        return new SafeCsvWriter(CsvWriter.builder().build(out));
    }

    public SafeCsvWriter row(String... cells) {
        return row(List.of(nullsAsEmpty(cells)));
    }

    public SafeCsvWriter row(List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        for (String cell : cells) {
            safe.add(SpreadsheetText.neutralise(cell));
        }
        csv.writeRecord(safe);
        return this;
    }

    private static String[] nullsAsEmpty(String[] cells) {
        String[] copy = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            copy[i] = cells[i] == null ? "" : cells[i];
        }
        return copy;
    }

    @Override
    public void flush() {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
