package dev.leadport.imports.validation;

import dev.leadport.imports.RowProblem;
import java.util.List;

/**
 * One row of an import file after validation: the row number, the user's own fields (to echo in a result file), the
 * lead it describes and the problems that keep it from being imported. A row with problems is a value, not an
 * exception.
 */
public record RowResult(long row, List<String> fields, LeadDraft lead, List<RowProblem> problems) {

    public RowResult {
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
    }

    /** Whether the row can be imported as it is. */
    public boolean isValid() {
        return problems.isEmpty();
    }
}
