package dev.leadport.imports.pipeline;

import dev.leadport.imports.RowProblem;
import dev.leadport.imports.validation.LeadDraft;
import dev.leadport.leads.LeadsProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one chunk of checked rows with COPY: valid rows into import_staging, rows with errors into import_row_error
 * (kind ERROR), and the warnings of valid rows next to them (kind WARNING). Runs on the caller's transaction-bound
 * connection.
 */
@Component
public class StagingWriter {

    private static final String STAGING_COPY = "copy import_staging (import_id, row_number, email_key, first_name,"
            + " last_name, email, phone, phone_e164, company, job_title, status, source, owner_id, notes, custom,"
            + " match_id, external_id, created_at, updated_at) from stdin";
    private static final String ERROR_COPY =
            "copy import_row_error (import_id, row_number, kind, columns, message) from stdin";

    private final JsonMapper json;
    /** Original dates are days; each lands at the start of its day in the leads' time zone, as the date filters read. */
    private final String dayStart;

    StagingWriter(JsonMapper json, LeadsProperties leads) {
        this.json = json;
        this.dayStart = " 00:00:00 " + leads.timeZone().getId();
    }

    /** Stages the chunk's valid rows; returns how many there were. */
    public int write(Connection connection, long importId, List<CheckedRow> rows) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyText text = new CopyText();
        int valid = 0;
        CopyIn staging = copy.copyIn(STAGING_COPY);
        try {
            for (CheckedRow row : rows) {
                if (row.isValid()) {
                    write(staging, stagingLine(text, importId, row));
                    valid++;
                }
            }
            staging.endCopy();
        } finally {
            if (staging.isActive()) {
                staging.cancelCopy();
            }
        }
        return valid;
    }

    /** Records the chunk's invalid rows with their errors and its valid rows' warnings; returns the valid rows. */
    public int writeErrors(Connection connection, long importId, List<CheckedRow> rows) throws SQLException {
        int valid = (int) rows.stream().filter(CheckedRow::isValid).count();
        if (valid == rows.size() && rows.stream().noneMatch(r -> r.result().hasWarnings())) {
            return valid;
        }
        CopyText text = new CopyText();
        CopyIn errors = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(ERROR_COPY);
        try {
            for (CheckedRow row : rows) {
                if (!row.isValid()) {
                    write(
                            errors,
                            errorLine(
                                    text,
                                    importId,
                                    row.result().row(),
                                    "ERROR",
                                    row.result().errors()));
                } else if (row.result().hasWarnings()) {
                    write(
                            errors,
                            errorLine(
                                    text,
                                    importId,
                                    row.result().row(),
                                    "WARNING",
                                    row.result().warnings()));
                }
            }
            errors.endCopy();
        } finally {
            if (errors.isActive()) {
                errors.cancelCopy();
            }
        }
        return valid;
    }

    private String stagingLine(CopyText text, long importId, CheckedRow row) {
        LeadDraft d = row.result().lead();
        return text.add(importId)
                .add(row.result().row())
                .add(d.emailKey())
                .add(d.firstName())
                .add(d.lastName())
                .add(d.email())
                .add(d.phoneRaw())
                .add(d.phoneE164())
                .add(d.company())
                .add(d.jobTitle())
                .add(row.statusGiven() && d.status() != null ? d.status().name() : null)
                .add(d.source())
                .add(row.ownerId())
                .add(d.notes())
                .add(d.customFields().isEmpty() ? null : json.writeValueAsString(storedForm(d.customFields())))
                .add(d.leadId())
                .add(d.externalId())
                .add(d.createdOn() == null ? null : d.createdOn() + dayStart)
                .add(d.updatedOn() == null ? null : d.updatedOn() + dayStart)
                .endLine();
    }

    static String errorLine(CopyText text, long importId, long rowNumber, String kind, List<RowProblem> problems) {
        Set<String> columns = problems.stream()
                .map(RowProblem::column)
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String message = problems.stream().map(RowProblem::reason).collect(Collectors.joining("; "));
        return text.add(importId)
                .add(rowNumber)
                .add(kind)
                .add(columns.isEmpty() ? null : String.join("; ", columns))
                .add(message)
                .endLine();
    }

    /** Custom values as JSON: numbers stay numbers, dates become ISO strings. */
    public static Map<String, Object> storedForm(Map<String, Object> values) {
        Map<String, Object> stored = new LinkedHashMap<>();
        values.forEach((key, value) -> stored.put(key, value instanceof LocalDate date ? date.toString() : value));
        return stored;
    }

    private static void write(CopyIn copy, String line) throws SQLException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
