package dev.leadport.exports;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV in UTF-8 (CRLF line ends, quotes only where needed), optionally with a BOM for Excel. */
final class CsvRowWriter implements RowWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CsvWriter csv;

    CsvRowWriter(OutputStream out, boolean bom) throws IOException {
        if (bom) {
            out.write(BOM);
        }
        this.csv = CsvWriter.builder()
                .lineDelimiter(LineDelimiter.CRLF)
                .bufferSize(64 * 1024)
                .build(out, StandardCharsets.UTF_8);
    }

    @Override
    public void header(List<String> names) {
        csv.writeRecord(names);
    }

    @Override
    public void row(String[] cells) {
        csv.writeRecord(cells);
    }

    @Override
    public void finish() throws IOException {
        csv.flush();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
