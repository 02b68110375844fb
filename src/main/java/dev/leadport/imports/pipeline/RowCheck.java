package dev.leadport.imports.pipeline;

import dev.leadport.imports.RowProblem;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.imports.validation.OwnerResolver;
import dev.leadport.imports.validation.RowResult;
import dev.leadport.imports.validation.RowValidator;
import dev.leadport.imports.validation.WarningKind;
import dev.leadport.leads.LeadField;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one row with the import's settings: the row validator, then the owner resolved to a user. A file's rows go
 * through it in {@link FileRows}; a row edited in the review grid goes through it alone, so both agree.
 */
public final class RowCheck {

    private final RowValidator validator;
    private final ImportSettings settings;

    public RowCheck(ImportSettings settings) {
        this.settings = settings;
        this.validator = new RowValidator(settings.mapping(), settings.customFields(), settings.options());
    }

    public CheckedRow check(SourceRow row) {
        RowResult result = validator.validate(row);
        OwnerResolver.Resolved owner = settings.owners().resolve(result.lead().owner());
        if (owner.problem() != null) {
            List<RowProblem> problems = new ArrayList<>(result.problems());
            String column = settings.mapping()
                    .columnFor(ColumnTarget.field(LeadField.OWNER))
                    .map(ColumnMapping.Column::header)
                    .orElse("constant owner");
            // An owner who is no user (or whom a REP may not name) leaves the lead to the importer, unless strict.
            problems.add(
                    settings.options().strict().contains(WarningKind.OWNER)
                            ? new RowProblem(
                                    row.rowNumber(), column, result.lead().owner(), owner.problem())
                            : RowProblem.warning(
                                    row.rowNumber(), column, result.lead().owner(), owner.problem()));
            result = new RowResult(result.row(), result.fields(), result.lead(), problems);
        }
        // An empty, unknown or "leave empty" status is null, so an updated lead keeps its own.
        return new CheckedRow(result, owner.id(), result.lead().status() != null);
    }
}
