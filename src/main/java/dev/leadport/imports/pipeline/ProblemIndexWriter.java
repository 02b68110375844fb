package dev.leadport.imports.pipeline;

import dev.leadport.imports.RowProblem;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a checked chunk's rows with problems into an upload's problem index with COPY: each row with its values and
 * problems (import_upload_problem_row), and one narrow line per problem (import_upload_problem) for the grid's filters.
 */
@Component
public class ProblemIndexWriter {

    private static final String ROW_COPY =
            "copy import_upload_problem_row (upload_id, row_number, fields, state, problems) from stdin";
    private static final String PROBLEM_COPY =
            "copy import_upload_problem (upload_id, row_number, column_name, reason) from stdin";

    private final JsonMapper json;

    ProblemIndexWriter(JsonMapper json) {
        this.json = json;
    }

    /** ERROR (not imported), WARNING (imported with a value left out) or OK. */
    public static String state(CheckedRow row) {
        return !row.isValid() ? "ERROR" : row.result().hasWarnings() ? "WARNING" : "OK";
    }

    /** A problem as the index keeps it: column header (null: the whole row), value, reason, severity. */
    public static Map<String, String> asStored(RowProblem p) {
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("column", p.column());
        stored.put("value", p.value());
        stored.put("reason", p.reason());
        stored.put("severity", p.severity().name());
        return stored;
    }

    public void write(Connection connection, UUID uploadId, List<CheckedRow> chunk) throws SQLException {
        List<CheckedRow> rows =
                chunk.stream().filter(r -> !r.result().problems().isEmpty()).toList();
        if (rows.isEmpty()) {
            return;
        }
        CopyText text = new CopyText();
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn index = copy.copyIn(ROW_COPY);
        try {
            for (CheckedRow row : rows) {
                List<Map<String, String>> problems = row.result().problems().stream()
                        .map(ProblemIndexWriter::asStored)
                        .toList();
                send(
                        index,
                        text.add(uploadId)
                                .add(row.result().row())
                                .add(json.writeValueAsString(row.result().fields()))
                                .add(state(row))
                                .add(json.writeValueAsString(problems))
                                .endLine());
            }
            index.endCopy();
        } finally {
            if (index.isActive()) {
                index.cancelCopy();
            }
        }
        CopyIn narrow = copy.copyIn(PROBLEM_COPY);
        try {
            for (CheckedRow row : rows) {
                for (RowProblem p : row.result().problems()) {
                    send(
                            narrow,
                            text.add(uploadId)
                                    .add(row.result().row())
                                    .add(p.column() == null ? "" : p.column())
                                    .add(p.reason())
                                    .endLine());
                }
            }
            narrow.endCopy();
        } finally {
            if (narrow.isActive()) {
                narrow.cancelCopy();
            }
        }
    }

    private static void send(CopyIn copy, String line) throws SQLException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
