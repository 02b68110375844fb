package dev.leadport.imports;

/**
 * Something about one row of an import file: the row number as the user sees it in a spreadsheet, the column's header
 * as written in the file (null when the problem is about the whole row), the offending value and a reason a user can
 * act on. An ERROR keeps the row from being imported; a WARNING imports the row with that one value left out or kept
 * as typed.
 */
public record RowProblem(long row, String column, String value, String reason, Severity severity) {

    /** Whether the problem fails its row or only one value of it. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /** An error: the row is not imported. */
    public RowProblem(long row, String column, String value, String reason) {
        this(row, column, value, reason, Severity.ERROR);
    }

    public static RowProblem warning(long row, String column, String value, String reason) {
        return new RowProblem(row, column, value, reason, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
