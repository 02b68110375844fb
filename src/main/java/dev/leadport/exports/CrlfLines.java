package dev.leadport.exports;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Turns the line ends PostgreSQL's COPY writes (LF) into RFC 4180's CRLF, leaving line breaks inside quoted values
 * as they are. A doubled quote inside a value toggles the state twice, so it needs no special case. Each line end
 * outside quotes ends a row, so it also counts the rows and reports them every {@link #REPORT_EVERY}.
 */
final class CrlfLines extends FilterOutputStream {

    static final long REPORT_EVERY = 10_000;

    private static final byte[] CRLF = {'\r', '\n'};

    private final LongConsumer progress;
    private boolean quoted;
    private long rows;

    CrlfLines(OutputStream out, LongConsumer progress) {
        super(out);
        this.progress = progress;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                out.write(b, start, i - start);
                out.write(CRLF);
                start = i + 1;
                if (++rows % REPORT_EVERY == 0) {
                    progress.accept(rows);
                }
            }
        }
        out.write(b, start, end - start);
    }
}
