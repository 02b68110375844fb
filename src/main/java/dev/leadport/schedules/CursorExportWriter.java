package dev.leadport.schedules;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.leadport.leads.CustomFieldDefinition;
import dev.leadport.leads.CustomFields;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadFilterSql;
import dev.leadport.leads.LeadsProperties;
import dev.leadport.leads.SqlWhere;
import dev.leadport.shared.files.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in scheduled export writer: reads the leads through a server-side cursor (one slice in memory at a
 * time) with the shared lead filter and writes CSV (FastCSV) or XLSX (fastexcel). Text cells a spreadsheet would
 * run as formulas are neutralised with a leading apostrophe. A writer bean marked {@code @Primary} (the exports
 * module's) takes its place.
 */
@Component
class CursorExportWriter implements ScheduledExportWriter {

    /** The largest sheet Excel opens. */
    static final int XLSX_MAX_ROWS = 1_048_575;

    private static final Map<LeadField, String> COLUMNS = Map.ofEntries(
            Map.entry(LeadField.ID, "l.id"),
            Map.entry(LeadField.FIRST_NAME, "l.first_name"),
            Map.entry(LeadField.LAST_NAME, "l.last_name"),
            Map.entry(LeadField.EMAIL, "l.email"),
            Map.entry(LeadField.PHONE, "l.phone"),
            Map.entry(LeadField.COMPANY, "l.company"),
            Map.entry(LeadField.JOB_TITLE, "l.job_title"),
            Map.entry(LeadField.STATUS, "l.status"),
            Map.entry(LeadField.SOURCE, "l.source"),
            Map.entry(LeadField.OWNER, "u.username"),
            Map.entry(LeadField.NOTES, "l.notes"),
            Map.entry(LeadField.CREATED_AT, "l.created_at"),
            Map.entry(LeadField.UPDATED_AT, "l.updated_at"));

    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final CustomFields customFields;
    private final LeadsProperties leads;

    CursorExportWriter(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            CustomFields customFields,
            LeadsProperties leads) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.cursor = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.customFields = customFields;
        this.leads = leads;
    }

    @Override
    public long write(Request request, OutputStream out) throws IOException {
        List<Column> columns = columns(request.fields());
        SqlWhere where = LeadFilterSql.where(request.filter(), request.user(), leads.timeZone());
        Map<String, Object> params = new HashMap<>(where.params());
        List<String> select = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.customKey() != null) {
                params.put("ck" + i, c.customKey());
                select.add("l.custom ->> :ck" + i + " as c" + i);
            } else {
                select.add(c.sql() + " as c" + i);
            }
        }
        String sql = "select " + String.join(", ", select)
                + " from lead l left join app_user u on u.id = l.owner_id where " + where.sql() + " order by l.id";
        RowSink sink = request.format() == ExportFormat.XLSX ? new XlsxSink(out) : new CsvSink(out);
        long[] rows = {0};
        try {
            sink.header(columns.stream().map(Column::label).toList());
            readOnly.executeWithoutResult(status -> cursor.query(sql, params, rs -> {
                sink.row(values(rs, columns.size()));
                rows[0]++;
            }));
            sink.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }

    private List<Column> columns(List<String> fields) {
        List<Column> columns = new ArrayList<>();
        for (String key : fields) {
            var standard = LeadField.byKey(key);
            if (standard.isPresent()) {
                columns.add(new Column(standard.get().label(), COLUMNS.get(standard.get()), null));
                continue;
            }
            String customKey = key.startsWith("custom.") ? key.substring("custom.".length()) : key;
            CustomFieldDefinition definition = customFields
                    .byKey(customKey)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "The field '" + key + "' no longer exists; edit the schedule's fields."));
            columns.add(new Column(definition.label(), null, definition.key()));
        }
        return columns;
    }

    private static List<String> values(ResultSet rs, int count) throws SQLException {
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Object value = rs.getObject(i + 1);
            if (value instanceof java.sql.Timestamp) {
                value = rs.getObject(i + 1, OffsetDateTime.class).toInstant();
            }
            values.add(value == null ? "" : SpreadsheetText.neutralise(value.toString()));
        }
        return values;
    }

    private record Column(String label, String sql, String customKey) {}

    private interface RowSink {
        void header(List<String> labels);

        void row(List<String> values);

        void finish() throws IOException;
    }

    private static final class CsvSink implements RowSink {

        private final CsvWriter csv;

        CsvSink(OutputStream out) {
            this.csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8);
        }

        @Override
        public void header(List<String> labels) {
            csv.writeRecord(labels);
        }

        @Override
        public void row(List<String> values) {
            csv.writeRecord(values);
        }

        @Override
        public void finish() throws IOException {
            csv.close();
        }
    }

    private static final class XlsxSink implements RowSink {

        private final Workbook workbook;
        private final Worksheet sheet;
        private int row;

        XlsxSink(OutputStream out) {
            this.workbook = new Workbook(out, "Leadport", "1.0");
            this.sheet = workbook.newWorksheet("Leads");
        }

        @Override
        public void header(List<String> labels) {
            write(labels);
        }

        @Override
        public void row(List<String> values) {
            if (row > XLSX_MAX_ROWS) {
                throw new IllegalStateException("More than " + XLSX_MAX_ROWS
                        + " leads do not fit one XLSX sheet; use CSV or a narrower filter.");
            }
            write(values);
        }

        private void write(List<String> values) {
            for (int c = 0; c < values.size(); c++) {
                sheet.value(row, c, values.get(c));
            }
            row++;
            if (row % 1000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.finish();
        }
    }
}
