package dev.leadport.exports;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.leadport.leads.LeadFilter;
import dev.leadport.leads.LeadFilterSql;
import dev.leadport.leads.LeadsProperties;
import dev.leadport.leads.SqlWhere;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exports module's facade: writes the leads a filter selects, with the acting user's role applied, as CSV or
 * XLSX straight to a stream, and previews the first rows exactly as the file shows them.
 */
@Service
public class ExportService {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ExportColumns columns;
    private final ExportRepository repository;
    private final Users users;
    private final LeadsProperties leads;
    private final ExportProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    ExportService(
            ExportColumns columns,
            ExportRepository repository,
            Users users,
            LeadsProperties leads,
            ExportProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            JsonMapper json) {
        this.columns = columns;
        this.repository = repository;
        this.users = users;
        this.leads = leads;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Checks an export's parameters before anything is written.
     *
     * @param fields comma-separated field keys or labels in file order; blank means every field
     */
    public ExportRequest request(
            LeadFilter filter,
            String fields,
            ExportFormat format,
            boolean bom,
            HeaderStyle header,
            boolean neutralise) {
        return new ExportRequest(filter, columns.resolve(fields), format, bom, header, neutralise);
    }

    /** The dated file name the download gets, e.g. {@code leads-2026-11-25.csv}. */
    public String fileName(ExportRequest request) {
        return "leads-" + LocalDate.ofInstant(clock.instant(), leads.timeZone()) + "."
                + request.format().extension();
    }

    /**
     * Streams the file and returns the number of rows written. An {@link IOException} from the stream (the client
     * went away) stops the database query and is rethrown; the operation is recorded as cancelled.
     */
    public long write(ExportRequest request, CurrentUser user, OutputStream out) throws IOException {
        Recorded recorded = new Recorded(UUID.randomUUID().toString(), user, clock.instant(), Map.of(), Map.of());
        publish(request, recorded, OperationStatus.RUNNING, null, 0, null);
        long[] rows = {0};
        try {
            rows[0] = writeFile(request, user, out, n -> rows[0] = n);
        } catch (IOException e) {
            publish(
                    request,
                    recorded,
                    OperationStatus.CANCELLED,
                    clock.instant(),
                    rows[0],
                    "The download stopped after " + (rows[0] > 0 ? rows[0] + " rows" : "it began") + ": "
                            + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            publish(
                    request,
                    recorded,
                    OperationStatus.FAILED,
                    clock.instant(),
                    rows[0],
                    "The export failed after " + rows[0] + " rows.");
            throw e;
        }
        publish(request, recorded, OperationStatus.COMPLETED, clock.instant(), rows[0], null);
        return rows[0];
    }

    /**
     * Writes the file like {@link #write} but records no export of its own, for callers that record the operation
     * themselves (a scheduled export is one SCHEDULED_EXPORT, not also an EXPORT).
     */
    public long writeUnrecorded(ExportRequest request, CurrentUser user, OutputStream out) throws IOException {
        return writeFile(request, user, out, n -> {});
    }

    /**
     * Writes like {@link #writeUnrecorded} only the leads created or changed at or after {@code changedSince}
     * (compared with {@code updated_at}, which a create sets too; index {@code lead_updated_idx}), for a delta
     * scheduled export.
     */
    public long writeUnrecordedChangedSince(
            ExportRequest request, CurrentUser user, Instant changedSince, OutputStream out) throws IOException {
        SqlWhere where = LeadFilterSql.where(request.filter(), user, leads.timeZone());
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        params.put("changed_since", java.sql.Timestamp.from(changedSince));
        SqlWhere changed = new SqlWhere(where.sql() + " and l.updated_at >= :changed_since", params);
        return writeFile(request, ExportSql.select(request, changed, ownerNames(), json), out, n -> {});
    }

    /** Writes the file; {@code progress} hears the rows written so far every few thousand rows. */
    long writeFile(ExportRequest request, CurrentUser user, OutputStream out, LongConsumer progress)
            throws IOException {
        return writeFile(request, select(request, user), out, progress);
    }

    private long writeFile(ExportRequest request, SqlWhere select, OutputStream out, LongConsumer progress)
            throws IOException {
        try {
            return request.format() == ExportFormat.CSV
                    ? csv(request, select, out, progress)
                    : xlsx(request, select, out, progress);
        } catch (ExportRepository.ClientGone e) {
            throw e.io();
        }
    }

    /** How many leads the request's filter selects for the user. */
    long count(ExportRequest request, CurrentUser user) {
        return repository.count(LeadFilterSql.where(request.filter(), user, leads.timeZone()));
    }

    /** The total and the first rows, from the same formatted SELECT as the file. */
    public ExportPreview preview(ExportRequest request, CurrentUser user) {
        SqlWhere where = LeadFilterSql.where(request.filter(), user, leads.timeZone());
        int width = request.columns().size();
        boolean[] guarded = guarded(request);
        List<List<String>> rows = repository.first(select(request, user), width, properties.previewRows()).stream()
                .map(cells -> {
                    List<String> row = new ArrayList<>(width);
                    for (int i = 0; i < width; i++) {
                        String cell = guarded[i] ? FormulaGuard.guard(cells[i]) : cells[i];
                        row.add(cell == null ? "" : cell);
                    }
                    return List.copyOf(row);
                })
                .toList();
        List<ExportPreview.Field> fields = request.columns().stream()
                .map(c -> new ExportPreview.Field(c.key(), c.label()))
                .toList();
        return new ExportPreview(repository.count(where), fields, rows);
    }

    private long csv(ExportRequest request, SqlWhere select, OutputStream out, LongConsumer progress)
            throws IOException {
        if (request.bom()) {
            out.write(BOM);
        }
        // The header through FastCSV for RFC 4180 quoting of labels; the rows straight from COPY.
        CsvWriter header = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out, StandardCharsets.UTF_8);
        header.writeRecord(request.headers());
        header.flush();
        // COPY hands over one row per message; batching them spares the servlet stream a call per row.
        CopyCsvRows rows = new CopyCsvRows(new BufferedOutputStream(out, 64 * 1024), guarded(request), progress);
        repository.copyCsv(select, rows);
        rows.close();
        return rows.rows();
    }

    private long xlsx(ExportRequest request, SqlWhere select, OutputStream out, LongConsumer progress)
            throws IOException {
        XlsxRowWriter writer = new XlsxRowWriter(out);
        writer.header(request.headers());
        long[] rows = {0};
        repository.stream(select, request.columns().size(), cells -> {
            try {
                writer.row(cells);
            } catch (IOException e) {
                throw new ExportRepository.ClientGone(e);
            }
            if (++rows[0] % CopyCsvRows.REPORT_EVERY == 0) {
                progress.accept(rows[0]);
            }
        });
        writer.finish();
        return rows[0];
    }

    /** Per column, whether the file guards its values against formulas: free text in a CSV, unless turned off. */
    private static boolean[] guarded(ExportRequest request) {
        boolean[] guarded = new boolean[request.columns().size()];
        if (request.neutralise() && request.format() == ExportFormat.CSV) {
            for (int i = 0; i < guarded.length; i++) {
                guarded[i] = request.columns().get(i).text();
            }
        }
        return guarded;
    }

    private SqlWhere select(ExportRequest request, CurrentUser user) {
        SqlWhere where = LeadFilterSql.where(request.filter(), user, leads.timeZone());
        return ExportSql.select(request, where, ownerNames(), json);
    }

    /** Owner ids to usernames; users are few, leads are many. */
    private Map<Long, String> ownerNames() {
        return users.usernamesById();
    }

    /**
     * Who runs an export and what its events carry besides the request.
     *
     * @param parameters added to the request's own parameters (a background job's file name, for instance)
     * @param links relative URLs for the activity log and mails
     */
    record Recorded(
            String operationId,
            CurrentUser user,
            Instant started,
            Map<String, Object> parameters,
            Map<String, String> links) {}

    /** Publishes the export's {@link OperationEvent}: filters, fields, file options and rows written. */
    void publish(
            ExportRequest request,
            Recorded recorded,
            OperationStatus status,
            Instant finished,
            long rows,
            String error) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("filters", filters(request.filter()));
        parameters.put(
                "fields", request.columns().stream().map(ExportColumn::key).toList());
        parameters.put("format", request.format().extension());
        parameters.put("bom", request.bom());
        parameters.put("header", request.header().name().toLowerCase(java.util.Locale.ROOT));
        parameters.put("neutralise", request.neutralise());
        parameters.putAll(recorded.parameters());
        events.publishEvent(OperationEvent.builder(OperationType.EXPORT, recorded.operationId(), status)
                .actor(recorded.user().id(), recorded.user().username())
                .time(recorded.started(), finished)
                .counts(new OperationEvent.Counts(rows, rows, 0, 0, 0, 0))
                .parameters(parameters)
                .errorSummary(error)
                .links(recorded.links())
                .build());
    }

    static Map<String, Object> filters(LeadFilter f) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", f.statuses().stream().map(Enum::name).toList());
        map.put("ownerId", f.ownerId());
        map.put("source", f.source());
        map.put("createdFrom", f.createdFrom() == null ? null : f.createdFrom().toString());
        map.put("createdTo", f.createdTo() == null ? null : f.createdTo().toString());
        map.put("updatedFrom", f.updatedFrom() == null ? null : f.updatedFrom().toString());
        map.put("updatedTo", f.updatedTo() == null ? null : f.updatedTo().toString());
        map.put("q", f.q());
        map.put("externalId", f.externalId());
        return map;
    }
}
