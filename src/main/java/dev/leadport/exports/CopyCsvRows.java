package dev.leadport.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Passes the CSV that PostgreSQL's COPY writes on to the file and changes two things on the way: line ends become
 * RFC 4180's CRLF (line breaks inside quoted values stay as they are), and a value of a guarded column that a
 * spreadsheet would run as a formula gets its apostrophe ({@link FormulaGuard}). The bytes pass through here anyway;
 * guarding them here instead of in the SELECT spares the database a test per cell, which cost a third of its time
 * on an export of every field.
 *
 * <p>pgjdbc hands over one whole row per write, which is processed in place; a row that arrives in pieces is put
 * together first. Rows are counted and reported every {@link #REPORT_EVERY}.
 */
final class CopyCsvRows extends OutputStream {

    static final long REPORT_EVERY = 10_000;

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final boolean[] guarded;
    private final LongConsumer progress;
    private long rows;

    /** The start of a row that has not ended yet, and how far it was scanned (with the quote state there). */
    private byte[] partial = new byte[0];

    private int partialLength;
    private int scanned;
    private boolean quoted;

    /**
     * @param guarded per column, whether its values are guarded against formulas
     */
    CopyCsvRows(OutputStream out, boolean[] guarded, LongConsumer progress) {
        this.out = out;
        this.guarded = guarded.clone();
        this.progress = progress;
    }

    long rows() {
        return rows;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int start = off;
        if (partialLength > 0) {
            append(b, off, len);
            int rowEnd = rowEnd(partial, scanned, partialLength);
            if (rowEnd < 0) {
                scanned = partialLength;
                return;
            }
            row(partial, 0, rowEnd);
            // Whatever followed the row end in this write is processed in place below.
            start = end - (partialLength - rowEnd - 1);
            partialLength = 0;
            scanned = 0;
        }
        int rowEnd;
        while (start < end && (rowEnd = rowEnd(b, start, end)) >= 0) {
            row(b, start, rowEnd);
            start = rowEnd + 1;
        }
        if (start < end) {
            append(b, start, end - start);
            scanned = partialLength;
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes what is left of an unterminated last row (COPY ends every row, so there is none) and flushes. */
    @Override
    public void close() throws IOException {
        if (partialLength > 0) {
            row(partial, 0, partialLength);
            partialLength = 0;
        }
        out.flush();
    }

    /** The index of the line feed that ends the row, outside quotes, or -1; keeps the quote state for the next scan. */
    private int rowEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the row {@code [start, end)} (without its line feed), guarded, with CRLF. */
    private void row(byte[] b, int start, int end) throws IOException {
        int written = start;
        int i = start;
        for (int column = 0; ; column++) {
            int fieldEnd = fieldEnd(b, i, end);
            if (column < guarded.length && guarded[column] && i < fieldEnd) {
                boolean inQuotes = b[i] == '"';
                int from = inQuotes ? i + 1 : i;
                int to = inQuotes ? fieldEnd - 1 : fieldEnd;
                if (from < to && FormulaGuard.trigger(b[from]) && !FormulaGuard.numberLike(b, from, to)) {
                    out.write(b, written, from - written);
                    out.write(FormulaGuard.MARK);
                    written = from;
                }
            }
            if (fieldEnd >= end) {
                break;
            }
            i = fieldEnd + 1;
        }
        out.write(b, written, end - written);
        out.write(CRLF);
        if (++rows % REPORT_EVERY == 0) {
            progress.accept(rows);
        }
    }

    /** The index of the comma after the field starting at {@code i}, or {@code end}. */
    private static int fieldEnd(byte[] b, int i, int end) {
        if (i < end && b[i] == '"') {
            int j = i + 1;
            while (j < end) {
                if (b[j] == '"') {
                    if (j + 1 < end && b[j + 1] == '"') {
                        j += 2;
                        continue;
                    }
                    j++;
                    break;
                }
                j++;
            }
            return j;
        }
        int j = i;
        while (j < end && b[j] != ',') {
            j++;
        }
        return j;
    }

    private void append(byte[] b, int off, int len) {
        if (partialLength + len > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partialLength + len, partial.length * 2 + 256));
        }
        System.arraycopy(b, off, partial, partialLength, len);
        partialLength += len;
    }
}
