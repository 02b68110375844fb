package dev.leadport.imports.reading;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.leadport.imports.RowProblem;
import dev.leadport.imports.reading.EncodingDetector.DetectedEncoding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delimited text read with FastCSV in the detected encoding and separator. Stray quotes inside unquoted fields are
 * kept as text; what cannot be read becomes row problems: ragged rows and over-long fields on their row, and an
 * unterminated quote (or text after a closing quote), which ends the file with a last row naming where.
 */
public final class CsvSource implements TabularSource {

    /**
     * Memory guard above the per-field limit users see: a field (or a line without a line end) this long ends the
     * file rather than the heap. FastCSV's buffer and the field are each at most this many chars (8 MB), a row at most
     * twice as many (FastCSV's own row limit is 64 M chars, whatever the field limit), and a file is
     * read by at most two parsers at once (the rows and their count): measured with a node at {@code -Xmx128m} in
     * {@code HostileInputHeapTest}; FastCSV's own default (16 M chars, doubling into 32 MB arrays) ran it out of heap.
     */
    private static final int HARD_FIELD_LIMIT = 4 * 1024 * 1024;

    /** Characters of the first records kept while looking for the header row. */
    private static final long LOOK_AHEAD_CHARS = 1_000_000;

    private static final Pattern STARTING_LINE = Pattern.compile("starting at line (\\d+)");

    private final Path file;
    private final DetectedEncoding encoding;
    private final char separator;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final List<String> headers;
    private final RowChecks checks;
    /** Records read while looking for the header row that come after it: the first rows, replayed. */
    private final Deque<Numbered> lookedAhead = new ArrayDeque<>();

    private CsvParseException lookAheadFailure;
    private int headerRow;
    private long rowNumber;
    private boolean iterated;

    /** A record with its row number. */
    private record Numbered(long row, List<String> fields) {}

    private CsvSource(Path file, DetectedEncoding encoding, char separator, ReadOptions options) throws IOException {
        this.file = file;
        this.encoding = encoding;
        this.separator = separator;
        this.reader = CsvReader.builder()
                .fieldSeparator(separator)
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(false) // counted, so row numbers match what a spreadsheet shows
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false) // otherwise the rest of the file silently becomes one field
                .maxBufferSize(Math.max(HARD_FIELD_LIMIT, options.maxFieldLength() + 1))
                .build(
                        CsvRecordHandler.of(b -> b.maxFieldSize(
                                        Math.max(HARD_FIELD_LIMIT, options.maxFieldLength() + 1))
                                .maxRecordSize(2 * Math.max(HARD_FIELD_LIMIT, options.maxFieldLength() + 1))),
                        textOf(file, encoding));
        this.records = reader.iterator();
        this.headers = readHeaders(options.headerRow());
        this.checks = new RowChecks(headers, options.maxFieldLength(), String.valueOf(separator), true);
    }

    /**
     * Opens a CSV file, detecting its encoding (unless the options name one) and separator, rejecting binary content,
     * and finding the header row (unless the options name one).
     */
    static CsvSource open(Path file, ReadOptions options) throws IOException, UnreadableFileException {
        DetectedEncoding encoding = options.encoding() == null
                ? EncodingDetector.detect(file)
                : EncodingDetector.chosen(file, options.encoding());
        BinaryContentCheck.requireText(file, encoding);
        char separator;
        try (Reader sample = textOf(file, encoding)) {
            separator = DelimiterDetector.detect(sample);
        }
        return open(file, encoding, separator, options);
    }

    /** Opens a CSV file with an encoding and separator the user chose. */
    static CsvSource open(Path file, DetectedEncoding encoding, char separator, ReadOptions options)
            throws IOException, UnreadableFileException {
        CsvSource source = new CsvSource(file, encoding, separator, options);
        if (source.headers.isEmpty()) {
            source.close();
            throw new UnreadableFileException(
                    options.headerRow() > 0
                            ? "row " + options.headerRow() + " of the file is empty or missing, so it holds no headers"
                            : "the file has no header row");
        }
        return source;
    }

    /** The encoding the file is read in, with how sure its detection was. */
    public DetectedEncoding encoding() {
        return encoding;
    }

    /** The row the headers were found on (or taken from), counted from 1. */
    public int headerRow() {
        return headerRow;
    }

    /** The detected encoding as users know it, e.g. "UTF-8 (BOM)" or "windows-1252". */
    public String encodingName() {
        return encoding.charset().name() + (encoding.bomLength() > 0 ? " (BOM)" : "");
    }

    public char separator() {
        return separator;
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
        return new Rows();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the first records and takes the header row from them: the row the user named, else the one {@link
     * HeaderRowFinder} finds below any title lines. Records after it are kept to be read again as the first rows.
     */
    private List<String> readHeaders(int chosenRow) {
        List<Numbered> first = new ArrayList<>();
        try {
            long chars = 0;
            // Bounded by records and by characters, so a file of huge rows holds no more than one of them here.
            while (records.hasNext()
                    && (chosenRow > 0
                            ? rowNumber < chosenRow
                            : first.size() < HeaderRowFinder.LOOK_AHEAD && chars < LOOK_AHEAD_CHARS)) {
                List<String> fields = records.next().getFields();
                first.add(
                        new Numbered(++rowNumber, chosenRow > 0 && rowNumber < chosenRow ? List.<String>of() : fields));
                chars += fields.stream().mapToLong(String::length).sum();
            }
        } catch (CsvParseException e) {
            // Replayed where the rows reach it, so the row that breaks the file is reported as it is today.
            lookAheadFailure = e;
        }
        int header;
        if (chosenRow > 0) {
            boolean present = first.size() >= chosenRow
                    && !RowChecks.isBlank(first.get(chosenRow - 1).fields());
            header = present ? chosenRow - 1 : -1;
        } else {
            header = HeaderRowFinder.find(first.stream().map(Numbered::fields).toList());
        }
        if (header < 0) {
            return List.of();
        }
        headerRow = (int) first.get(header).row();
        lookedAhead.addAll(first.subList(header + 1, first.size()));
        return first.get(header).fields().stream().map(String::strip).toList();
    }

    private static Reader textOf(Path file, DetectedEncoding encoding) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(encoding.bomLength());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new InputStreamReader(in, encoding.charset());
    }

    /** Reads ahead one non-blank row; a parse failure becomes a last row carrying the problem. */
    private final class Rows implements Iterator<SourceRow> {
        private SourceRow next;
        private boolean finished;

        @Override
        public boolean hasNext() {
            if (next == null && !finished) {
                next = fetch();
                // fetch() may itself have finished the file (a parse failure ends it); never undo that.
                finished |= next == null;
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

        private SourceRow fetch() {
            while (!lookedAhead.isEmpty()) {
                Numbered record = lookedAhead.poll();
                if (!RowChecks.isBlank(record.fields())) {
                    return checks.check(record.row(), record.fields());
                }
            }
            if (lookAheadFailure != null) {
                finished = true;
                return unreadableRest(lookAheadFailure);
            }
            try {
                while (records.hasNext()) {
                    CsvRecord record = records.next();
                    rowNumber++;
                    if (!RowChecks.isBlank(record.getFields())) {
                        return checks.check(rowNumber, record.getFields());
                    }
                }
                return null;
            } catch (CsvParseException e) {
                finished = true;
                return unreadableRest(e);
            }
        }
    }

    private SourceRow unreadableRest(CsvParseException e) {
        long row = rowNumber + 1;
        boolean unclosed = e.getMessage() != null && e.getMessage().contains("Unclosed quot");
        String reason = unclosed
                ? "unterminated quote: a quoted field starts here and never ends, so the rest of the file was not read"
                : "the rest of the file could not be read: " + e.getMessage();
        RowProblem problem = new RowProblem(row, null, textFromLine(e), reason);
        return new SourceRow(row, List.of(), List.of(problem));
    }

    /** The start of the text at the line the failed record began, so the user can find it. */
    private String textFromLine(CsvParseException e) {
        Matcher line = STARTING_LINE.matcher(String.valueOf(e.getMessage()));
        if (!line.find()) {
            return null;
        }
        long skip = Long.parseLong(line.group(1)) - 1;
        try (BufferedReader text = new BufferedReader(textOf(file, encoding))) {
            // Line by line without keeping a line: the lines before may be megabytes long.
            long skipped = 0;
            int c;
            while (skipped < skip && (c = text.read()) >= 0) {
                if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        text.mark(1);
                        if (text.read() != '\n') {
                            text.reset();
                        }
                    }
                    skipped++;
                }
            }
            char[] start = new char[RowChecks.PREVIEW_LENGTH];
            int length = text.read(start);
            return length <= 0 ? "" : new String(start, 0, length);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }
}
