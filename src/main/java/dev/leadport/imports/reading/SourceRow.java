package dev.leadport.imports.reading;

import dev.leadport.imports.RowProblem;
import java.util.List;

/**
 * One non-blank row read from an import file: its number as the user sees it in a spreadsheet (the header is row 1,
 * the first data row is row 2), its fields exactly as read, and the problems found while reading it (ragged row,
 * over-long field, unterminated quote).
 */
public record SourceRow(long rowNumber, List<String> fields, List<RowProblem> problems) {

    public SourceRow {
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
    }

    /** The field at {@code index}, or an empty string when the row is shorter. */
    public String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }
}
