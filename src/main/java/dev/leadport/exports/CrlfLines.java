package dev.leadport.exports;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns the line ends PostgreSQL's COPY writes (LF) into RFC 4180's CRLF, leaving line breaks inside quoted values
 * as they are. A doubled quote inside a value toggles the state twice, so it needs no special case.
 */
final class CrlfLines extends FilterOutputStream {

    private static final byte[] CRLF = {'\r', '\n'};

    private boolean quoted;

    CrlfLines(OutputStream out) {
        super(out);
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
            }
        }
        out.write(b, start, end - start);
    }
}
