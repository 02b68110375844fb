package dev.leadport.imports;

import dev.leadport.imports.pipeline.CheckedRow;
import dev.leadport.imports.pipeline.ImportSettings;
import dev.leadport.imports.pipeline.ImportSettingsFactory;
import dev.leadport.imports.pipeline.RowCheck;
import dev.leadport.imports.pipeline.UploadChanges;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.reading.UploadReadProblem;
import dev.leadport.shared.ConflictException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.users.CurrentUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review grid's changes to a stored upload: edit cells of a row (checked again at once with the import's own row
 * check and the settings of the upload's last check), drop a row, replace a value everywhere in a column. Each change
 * is stored against the upload and moves its changes version, so the next validation checks the file afresh.
 */
@Service
class UploadEdits {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final ImportUploads store;
    private final UploadRepository uploads;
    private final UploadChanges changes;
    private final ProblemRows problems;
    private final ImportSettingsFactory settingsFactory;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ImportsProperties properties;

    UploadEdits(
            ImportUploads store,
            UploadRepository uploads,
            UploadChanges changes,
            ProblemRows problems,
            ImportSettingsFactory settingsFactory,
            TransactionTemplate tx,
            JsonMapper json,
            ImportsProperties properties) {
        this.store = store;
        this.uploads = uploads;
        this.changes = changes;
        this.problems = problems;
        this.settingsFactory = settingsFactory;
        this.tx = tx;
        this.json = json;
        this.properties = properties;
    }

    /** A row of the grid: its values (edits applied), which cells the user edited, its state and its problems. */
    record GridRow(
            long row,
            String state,
            boolean dropped,
            List<String> values,
            List<Integer> edited,
            List<ProblemRows.Problem> problems) {}

    /**
     * One page of the grid, the rows matching the filters, and (unless left out with {@code counts=false}) how many rows
     * have a problem per column and per reason.
     */
    record GridPage(
            List<String> headers,
            int page,
            int size,
            long total,
            List<GridRow> rows,
            Map<String, Long> columns,
            Map<String, Long> reasons) {}

    /** A replace rule and the rows with problems it was applied to (checked again at once). */
    record Replaced(long ruleId, String column, String from, String to, int rowsChecked) {}

    GridPage problems(
            UUID uploadId, String column, String reason, int page, int size, boolean counts, CurrentUser actor) {
        StoredUpload upload = store.require(uploadId, actor);
        if (page < 0) {
            throw new InvalidInputException("page", "the page is a number from 0, not " + page);
        }
        if (size < 1 || size > 200) {
            throw new InvalidInputException("size", "a page holds 1 to 200 rows, not " + size);
        }
        ProblemRows.Page found = problems.page(uploadId, blankToNull(column), blankToNull(reason), page, size, counts);
        List<GridRow> rows = found.rows().stream().map(r -> grid(uploadId, r)).toList();
        return new GridPage(upload.headers(), page, size, found.total(), rows, found.columns(), found.reasons());
    }

    /** Stores the new cell values (by header) and checks the row again with them. */
    GridRow edit(UUID uploadId, long row, Map<String, String> cells, CurrentUser actor) {
        StoredUpload upload = store.require(uploadId, actor);
        if (cells == null || cells.isEmpty()) {
            throw new InvalidInputException("cells", "name at least one column and its new value");
        }
        ProblemRows.Row stored = indexed(uploadId, row);
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        cells.forEach((header, value) -> {
            String text = value == null ? "" : value;
            if (text.length() > properties.maxFieldLength()) {
                throw new InvalidInputException(
                        "cells." + header, "is longer than " + properties.maxFieldLength() + " characters");
            }
            byIndex.put(column(upload, header, "cells." + header), text);
        });
        RowCheck check = rowCheck(uploadId, actor);
        return tx.execute(status -> {
            changes.edit(uploadId, row, byIndex);
            uploads.bumpVersion(uploadId);
            SourceRow edited = UploadChanges.applyTo(source(stored), List.of(), byIndex);
            problems.update(uploadId, recheck(check, edited, stored));
            return grid(uploadId, problems.find(uploadId, row).orElseThrow());
        });
    }

    /** Drops a row: the import leaves it out, and so do later checks. */
    GridRow drop(UUID uploadId, long row, CurrentUser actor) {
        store.require(uploadId, actor);
        if (row < 2) {
            throw new InvalidInputException(
                    "row", "data rows are numbered from 2 (row 1 holds the headers), not " + row);
        }
        return tx.execute(status -> {
            changes.drop(uploadId, row);
            uploads.bumpVersion(uploadId);
            problems.markDropped(uploadId, row);
            return problems.find(uploadId, row)
                    .map(r -> grid(uploadId, r))
                    .orElse(new GridRow(row, "DROPPED", true, List.of(), List.of(), List.of()));
        });
    }

    /** Adds a rule replacing {@code from} with {@code to} in a column across the whole file, and re-checks the rows it touches. */
    Replaced replace(UUID uploadId, String column, String from, String to, CurrentUser actor) {
        StoredUpload upload = store.require(uploadId, actor);
        if (column == null || column.isBlank()) {
            throw new InvalidInputException("column", "name the column (its header) to replace a value in");
        }
        if (from == null) {
            throw new InvalidInputException("from", "give the value to replace (\"\" for empty cells)");
        }
        String target = to == null ? "" : to;
        if (target.length() > properties.maxFieldLength()) {
            throw new InvalidInputException("to", "is longer than " + properties.maxFieldLength() + " characters");
        }
        int index = column(upload, column, "column");
        RowCheck check = uploads.latestCompleted(uploadId).isPresent() ? rowCheck(uploadId, actor) : null;
        return tx.execute(status -> {
            UploadChanges.Rule rule = changes.addRule(uploadId, index, from, target);
            uploads.bumpVersion(uploadId);
            int checked = 0;
            if (check != null) {
                for (ProblemRows.Row stored : problems.withValue(uploadId, index, from)) {
                    if (changes.edits(uploadId, stored.row()).containsKey(index)) {
                        continue; // The user's own edit of that cell wins over a rule.
                    }
                    SourceRow replaced = UploadChanges.applyTo(source(stored), List.of(rule), Map.of());
                    problems.update(uploadId, recheck(check, replaced, stored));
                    checked++;
                }
            }
            return new Replaced(rule.id(), column, from, target, checked);
        });
    }

    private GridRow grid(UUID uploadId, ProblemRows.Row row) {
        List<Integer> edited =
                new ArrayList<>(changes.edits(uploadId, row.row()).keySet());
        return new GridRow(
                row.row(),
                row.dropped() ? "DROPPED" : row.state(),
                row.dropped(),
                row.fields(),
                edited,
                row.problems());
    }

    private ProblemRows.Row indexed(UUID uploadId, long row) {
        return problems.find(uploadId, row)
                .orElseThrow(() -> new NotFoundException("Row " + row
                        + " had no problem in the upload's last check; the grid edits rows with problems."));
    }

    /** The row checked again; whole-row reading problems (a ragged row) stay, since editing cells does not mend them. */
    private static CheckedRow recheck(RowCheck check, SourceRow row, ProblemRows.Row stored) {
        List<RowProblem> reading = stored.problems().stream()
                .filter(p -> p.column() == null && p.severity().equals("ERROR"))
                .map(p -> new RowProblem(stored.row(), null, p.value(), p.reason()))
                .toList();
        return check.check(new SourceRow(row.rowNumber(), row.fields(), reading));
    }

    private static SourceRow source(ProblemRows.Row stored) {
        return new SourceRow(stored.row(), stored.fields(), List.of());
    }

    /** The row check with the mapping and options of the upload's last check. */
    private RowCheck rowCheck(UUID uploadId, CurrentUser actor) {
        UploadRepository.Check last = uploads.latestCompleted(uploadId)
                .filter(c -> c.settings() != null)
                .orElseThrow(() -> new ConflictException(
                        "uploadId", "Check the upload first (validate with its uploadId); then edit its rows."));
        JsonNode settings = last.settings();
        Map<String, String> mapping = json.readValue(settings.get("mapping").toString(), STRING_MAP);
        ImportRequestOptions options = json.readValue(settings.get("options").toString(), ImportRequestOptions.class);
        StoredUpload upload = uploads.find(uploadId).orElseThrow();
        try {
            ImportSettings made = settingsFactory.forJob(upload.headers(), mapping, options, null, actor);
            return new RowCheck(made);
        } catch (IOException | UnreadableFileException e) {
            throw UploadReadProblem.of(e);
        }
    }

    private static int column(StoredUpload upload, String header, String parameter) {
        int index = upload.headers().indexOf(header);
        if (index < 0) {
            throw new InvalidInputException(
                    parameter, "the file has no column '" + header + "'; its columns are " + upload.headers());
        }
        return index;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
