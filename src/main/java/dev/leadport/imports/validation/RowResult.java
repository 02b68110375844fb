package dev.leadport.imports.validation;

import dev.leadport.imports.RowProblem;
import java.util.List;

/**
 * One row of an import file after validation: the row number, the user's own fields (to echo in a result file), the
 * lead it describes and its problems: errors keep it from being imported, warnings name a value left out or kept as
 * typed. A row with problems is a value, not an exception.
 */
public record RowResult(long row, List<String> fields, LeadDraft lead, List<RowProblem> problems) {

    public RowResult {
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
    }

    /** Whether the row can be imported: it has no errors (it may have warnings). */
    public boolean isValid() {
        return problems.stream().noneMatch(RowProblem::isError);
    }

    /** Whether a value of the row was left out or kept as typed. */
    public boolean hasWarnings() {
        return problems.stream().anyMatch(p -> !p.isError());
    }

    public List<RowProblem> errors() {
        return problems.stream().filter(RowProblem::isError).toList();
    }

    public List<RowProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
