package dev.leadport.imports;

import dev.leadport.imports.pipeline.CheckedRow;
import dev.leadport.imports.pipeline.FileRows;
import dev.leadport.imports.pipeline.ImportPlanner;
import dev.leadport.imports.pipeline.ImportSettings;
import dev.leadport.imports.pipeline.StagingWriter;
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
    private final DataSource dataSource;
    private final ImportsProperties properties;
    private final Clock clock;

    ImportDryRun(
            StagingWriter staging,
            ImportPlanner planner,
            DataSource dataSource,
            ImportsProperties properties,
            Clock clock) {
        this.staging = staging;
        this.planner = planner;
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
        List<Map<String, Object>> sample = new ArrayList<>();
        long total = 0;
        long valid = 0;
        long errorsTotal = 0;
        try (FileRows rows = FileRows.open(upload.path(), settings)) {
            List<CheckedRow> chunk;
            while (!(chunk = rows.next(properties.chunkRows())).isEmpty()) {
                total += chunk.size();
                valid += stage(scratchId, chunk);
                for (CheckedRow row : chunk) {
                    if (!row.isValid()) {
                        errorsTotal += row.result().problems().size();
                        for (RowProblem p : row.result().problems()) {
                            if (errors.size() < properties.maxErrorsInResponse()) {
                                errors.add(p);
                            }
                        }
                    } else if (sample.size() < properties.sampleRows()) {
                        sample.add(LeadDraftView.of(row));
                    }
                }
            }
            ImportPlanner.Plan plan = planner.plan(scratchId, actor);
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
                    clock.instant().toEpochMilli() - started.toEpochMilli());
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
