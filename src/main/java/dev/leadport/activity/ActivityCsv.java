package dev.leadport.activity;

import dev.leadport.shared.files.SafeCsvWriter;
import java.io.OutputStream;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/** Writes activity entries as CSV rows for spreadsheets, through the product's one formula-safe CSV writer. */
final class ActivityCsv implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SafeCsvWriter csv;

    ActivityCsv(OutputStream out) {
        this.csv = SafeCsvWriter.to(out);
    }

    void header() {
        csv.row(
                "id",
                "recordedAt",
                "category",
                "type",
                "operationId",
                "status",
                "user",
                "startedAt",
                "finishedAt",
                "durationMs",
                "rowsPerSecond",
                "total",
                "processed",
                "created",
                "updated",
                "skipped",
                "failed",
                "errorSummary",
                "parameters");
    }

    void write(ActivityEntry e) {
        csv.row(
                Long.toString(e.id()),
                str(e.recordedAt()),
                e.category(),
                e.type(),
                text(e.operationId()),
                e.status(),
                text(e.actorUsername()),
                str(e.startedAt()),
                str(e.finishedAt()),
                str(e.durationMillis()),
                e.rowsPerSecond() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", e.rowsPerSecond()),
                Long.toString(e.counts().total()),
                Long.toString(e.counts().processed()),
                Long.toString(e.counts().created()),
                Long.toString(e.counts().updated()),
                Long.toString(e.counts().skipped()),
                Long.toString(e.counts().failed()),
                text(e.errorSummary()),
                text(JSON.writeValueAsString(e.parameters())));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String str(Object value) {
        return Objects.toString(value, "");
    }

    @Override
    public void close() {
        csv.close();
    }
}
