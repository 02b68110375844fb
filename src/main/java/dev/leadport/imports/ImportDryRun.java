package dev.leadport.imports;

import dev.leadport.imports.mapping.SavedMappings;
import dev.leadport.imports.pipeline.CheckedRow;
import dev.leadport.imports.pipeline.FileRows;
import dev.leadport.imports.pipeline.ImportPlanner;
import dev.leadport.imports.pipeline.ImportSettings;
import dev.leadport.imports.pipeline.StagingWriter;
import dev.leadport.imports.pipeline.ValueColumns;
import dev.leadport.imports.reading.FileFacts;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.reading.UploadReadProblem;
import dev.leadport.users.CurrentUser;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * The validation of a file: every row read, checked and staged under a scratch id exactly as an import would, then
 * planned against the existing leads. The caller runs it in a transaction that it rolls back, so nothing stays.
 */
@Component
class ImportDryRun {

    private final StagingWriter staging;
    private final ImportPlanner planner;
    private final SavedMappings savedMappings;
    private final DataSource dataSource;
    private final ImportsProperties properties;
    private final Clock clock;

    ImportDryRun(
            StagingWriter staging,
            ImportPlanner planner,
            SavedMappings savedMappings,
            DataSource dataSource,
            ImportsProperties properties,
            Clock clock) {
        this.staging = staging;
        this.planner = planner;
        this.savedMappings = savedMappings;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    ValidationReport run(
            ImportService.Upload upload,
            DuplicateMode mode,
            ImportSettings settings,
            long scratchId,
            CurrentUser actor,
            Instant started) {
        List<RowProblem> errors = new ArrayList<>();
        List<RowProblem> warnings = new ArrayList<>();
        List<Map<String, Object>> sample = new ArrayList<>();
        long total = 0;
        long valid = 0;
        long errorsTotal = 0;
        long warningsTotal = 0;
        long rowsWithWarnings = 0;
        try (FileRows rows = FileRows.open(upload.path(), settings)) {
            // Counted in the same pass as the check, for the value review.
            rows.countValues();
            List<CheckedRow> chunk;
            while (!(chunk = rows.next(properties.chunkRows())).isEmpty()) {
                total += chunk.size();
                valid += stage(scratchId, chunk);
                for (CheckedRow row : chunk) {
                    for (RowProblem p : row.result().problems()) {
                        List<RowProblem> list = p.isError() ? errors : warnings;
                        if (list.size() < properties.maxErrorsInResponse()) {
                            list.add(p);
                        }
                        if (p.isError()) {
                            errorsTotal++;
                        } else {
                            warningsTotal++;
                        }
                    }
                    if (row.isValid()) {
                        rowsWithWarnings += row.result().hasWarnings() ? 1 : 0;
                        if (sample.size() < properties.sampleRows()) {
                            sample.add(LeadDraftView.of(row));
                        }
                    }
                }
            }
            ImportPlanner.Plan plan =
                    planner.plan(scratchId, settings.requested().matchBy(), actor);
            FileFacts facts = rows.facts();
            return new ValidationReport(
                    upload.fileName(),
                    facts.format(),
                    facts.encoding(),
                    facts.delimiter(),
                    facts.headers(),
                    rows.mappedColumns(),
                    settings.savedMappingApplied(),
                    mode,
                    total,
                    valid,
                    total - valid,
                    plan.duplicatesInFile(),
                    plan.matchesExisting(),
                    plan.wouldCreate(),
                    plan.wouldUpdate(mode),
                    plan.wouldSkip(mode),
                    plan.wouldFail(mode),
                    errors,
                    errorsTotal,
                    sample,
                    clock.instant().toEpochMilli() - started.toEpochMilli(),
                    settings.savedMappingPublished(),
                    rowsWithWarnings,
                    warnings,
                    warningsTotal,
                    ValueColumns.of(rows.valueCounts(), settings),
                    savedMappings.reviewToken(
                            actor,
                            facts.headers(),
                            settings.mapping().toSaved(),
                            settings.requested().valueMaps()),
                    new ValidationReport.Reading(
                            facts.headerRow(),
                            facts.encodingCertain(),
                            facts.encodingConfidence(),
                            facts.encodingAlternatives()),
                    settings.mapping().feeds());
        } catch (IOException | UnreadableFileException e) {
            throw UploadReadProblem.of(e);
        }
    }

    private int stage(long scratchId, List<CheckedRow> chunk) {
        try {
            return staging.write(DataSourceUtils.getConnection(dataSource), scratchId, chunk);
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("COPY into staging", null, e);
        }
    }
}
