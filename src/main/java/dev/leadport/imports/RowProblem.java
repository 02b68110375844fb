package dev.leadport.imports;

/**
 * Why one row of an import file cannot be used as it is: the row number as the user sees it in a spreadsheet, the
 * column's header as written in the file (null when the problem is about the whole row), the offending value and a
 * reason a user can act on.
 */
public record RowProblem(long row, String column, String value, String reason) {}
