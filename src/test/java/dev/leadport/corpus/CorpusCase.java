package dev.leadport.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated corpus file: its columns with the target a person would choose, its rows and which of them are worth
 * importing (they have an email or a phone a person would keep), and the bytes it is written as.
 */
final class CorpusCase {

    /** A column as its header reads and where a person would put it ("ignore" for nowhere). */
    record Column(String header, String target) {}

    final String file;
    final String note;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Boolean> usable = new ArrayList<>();
    private final List<String> preamble = new ArrayList<>();
    private final List<String> trailer = new ArrayList<>();
    private Charset charset = StandardCharsets.UTF_8;
    private byte[] bom = new byte[0];
    private char separator = ',';
    private String lineEnd = "\n";
    private final Map<String, String> check = new LinkedHashMap<>();

    CorpusCase(String file, String note) {
        this.file = file;
        this.note = note;
    }

    CorpusCase column(String header, String target) {
        columns.add(new Column(header, target));
        return this;
    }

    CorpusCase ignored(String... headers) {
        for (String header : headers) {
            column(header, "ignore");
        }
        return this;
    }

    CorpusCase encoded(Charset charset, byte... bom) {
        this.charset = charset;
        this.bom = bom;
        return this;
    }

    CorpusCase separator(char separator) {
        this.separator = separator;
        return this;
    }

    CorpusCase crlf() {
        this.lineEnd = "\r\n";
        return this;
    }

    /** Lines above the header row (a report title, notes), written as they are. */
    CorpusCase preamble(String... lines) {
        preamble.addAll(List.of(lines));
        return this;
    }

    /** Lines below the data (a report's footer), written as they are. */
    CorpusCase trailer(String... lines) {
        trailer.addAll(List.of(lines));
        return this;
    }

    /** A row; {@code values} in column order. */
    CorpusCase row(boolean worthImporting, String... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    file + ": row of " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(List.of(values));
        usable.add(worthImporting);
        return this;
    }

    /** A value the first data row must be stored with (to catch text decoded in the wrong encoding). */
    CorpusCase firstRowStores(String field, String value) {
        check.put(field, value);
        return this;
    }

    int columnCount() {
        return columns.size();
    }

    List<Column> columns() {
        return List.copyOf(columns);
    }

    long usableRows() {
        return usable.stream().filter(u -> u).count();
    }

    int rowCount() {
        return rows.size();
    }

    String encodingName() {
        return charset.name() + (bom.length > 0 ? " (BOM)" : "");
    }

    /** The row number the import reports for the first data row: lines are counted from 1, the header included. */
    int firstDataRow() {
        return preamble.size() + 2;
    }

    Map<String, String> check() {
        return Map.copyOf(check);
    }

    byte[] bytes() {
        StringBuilder text = new StringBuilder();
        preamble.forEach(line -> text.append(line).append(lineEnd));
        text.append(line(columns.stream().map(Column::header).toList())).append(lineEnd);
        rows.forEach(row -> text.append(line(row)).append(lineEnd));
        trailer.forEach(line -> text.append(line).append(lineEnd));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(text.toString().getBytes(charset));
        return out.toByteArray();
    }

    private String line(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            boolean quote = value.indexOf(separator) >= 0
                    || value.indexOf('"') >= 0
                    || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            quoted.add(quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return String.join(String.valueOf(separator), quoted);
    }
}
