package dev.leadport.imports.jobs;

import dev.leadport.imports.ImportsProperties;
import dev.leadport.imports.jobs.ImportJobRepository.StoredJob;
import dev.leadport.imports.pipeline.ImportSettingsFactory;
import dev.leadport.imports.pipeline.RowChanges;
import dev.leadport.imports.pipeline.UploadChanges;
import dev.leadport.imports.reading.ReadOptions;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.imports.reading.TabularSource;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.SafeCsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of an import that did not land or landed with warnings, as a CSV of the user's own rows (read again from
 * the stored upload) with row_number, severity ("error": not imported; "warning": imported with that value left out
 * or kept as typed), error_column and error_message appended: fix the cells, delete the extra columns or leave them
 * (the import ignores them), and upload the file again.
 */
@Component
public class ErrorReport {

    static final List<String> EXTRA_COLUMNS = List.of("row_number", "severity", "error_column", "error_message");
    private static final int PAGE = 5000;

    private final JdbcClient jdbc;
    private final FileStore files;
    private final ImportsProperties properties;
    private final UploadChanges uploadChanges;

    ErrorReport(JdbcClient jdbc, FileStore files, ImportsProperties properties, UploadChanges uploadChanges) {
        this.jdbc = jdbc;
        this.files = files;
        this.properties = properties;
        this.uploadChanges = uploadChanges;
    }

    private record ErrorRow(long row, boolean failed, String columns, String message) {}

    public void write(StoredJob job, OutputStream out) throws IOException, UnreadableFileException {
        Path file = Files.createTempFile("leadport-errors-" + job.id() + "-", ".upload");
        try {
            try (InputStream in = files.open(job.fileId())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            SafeCsvWriter csv = SafeCsvWriter.to(writer);
            ReadOptions read = ImportSettingsFactory.readOptions(
                    ReadOptions.DEFAULTS.withMaxFieldLength(properties.maxFieldLength()), job.options());
            try (TabularSource source = TabularSource.open(file, read)) {
                List<String> header = new ArrayList<>(source.headers());
                header.addAll(EXTRA_COLUMNS);
                csv.row(header);
                Iterator<SourceRow> rows = source.iterator();
                Iterator<ErrorRow> errors = errors(job.id());
                // The values the import used: an upload's edited cells and replace rules, as they were applied.
                RowChanges changes = uploadChanges.forJob(job.id());
                while (errors.hasNext()) {
                    ErrorRow error = errors.next();
                    SourceRow row = advanceTo(rows, error.row());
                    row = row == null ? null : changes.apply(row);
                    // Whoever opens the report (the uploader or a manager) must not run a formula from the file:
                    // the writer neutralises every cell; the apostrophe is dropped again when the fixed file is
                    // imported.
                    List<String> record = new ArrayList<>(row == null ? List.<String>of() : row.fields());
                    record.add(String.valueOf(error.row()));
                    record.add(error.failed() ? "error" : "warning");
                    record.add(error.columns() == null ? "" : error.columns());
                    record.add(error.message());
                    csv.row(record);
                }
            }
            csv.flush();
            writer.flush();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static SourceRow advanceTo(Iterator<SourceRow> rows, long rowNumber) {
        while (rows.hasNext()) {
            SourceRow row = rows.next();
            if (row.rowNumber() == rowNumber) {
                return row;
            }
            if (row.rowNumber() > rowNumber) {
                return null;
            }
        }
        return null;
    }

    /** The import's error rows in row order, fetched a page at a time. */
    private Iterator<ErrorRow> errors(long importId) {
        return new Iterator<>() {
            private List<ErrorRow> page = List.of();
            private int index;
            private long after;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                // A row's warnings and its later duplicate or failed match are one line: errors first.
                page = jdbc.sql("""
                                select row_number, bool_or(kind <> 'WARNING') as failed,
                                       string_agg(columns, '; ' order by kind) as columns,
                                       string_agg(message, '; ' order by kind) as message
                                from import_row_error
                                where import_id = :id and row_number > :after
                                group by row_number order by row_number limit :limit
                                """)
                        .param("id", importId)
                        .param("after", after)
                        .param("limit", PAGE)
                        .query((rs, n) ->
                                new ErrorRow(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
                        .list();
                index = 0;
                exhausted = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).row();
                }
                return !page.isEmpty();
            }

            @Override
            public ErrorRow next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.get(index++);
            }
        };
    }
}
