package dev.leadport.imports.reading;

import dev.leadport.imports.RowProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every source applies to a row as read, before any field is interpreted: fields beyond the header that
 * hold data, missing fields (for CSV; spreadsheets simply omit trailing empty cells) and over-long fields.
 */
public final class RowChecks {

    /** How much of a long value a problem repeats back to the user. */
    static final int PREVIEW_LENGTH = 80;

    private final List<String> headers;
    private final int maxFieldLength;
    private final String separator;
    private final boolean shortRowsAreRagged;

    RowChecks(List<String> headers, int maxFieldLength, String separator, boolean shortRowsAreRagged) {
        this.headers = List.copyOf(headers);
        this.maxFieldLength = maxFieldLength;
        this.separator = separator;
        this.shortRowsAreRagged = shortRowsAreRagged;
    }

    static boolean isBlank(List<String> fields) {
        return fields.stream().allMatch(String::isBlank);
    }

    SourceRow check(long row, List<String> fields) {
        List<RowProblem> problems = new ArrayList<>();
        checkFieldCount(row, fields, problems);
        for (int i = 0; i < fields.size(); i++) {
            String value = fields.get(i);
            if (value.length() > maxFieldLength) {
                problems.add(new RowProblem(
                        row,
                        columnName(i),
                        preview(value),
                        "value is longer than " + maxFieldLength + " characters (" + value.length() + ")"));
            }
        }
        return new SourceRow(row, fields, problems);
    }

    private void checkFieldCount(long row, List<String> fields, List<RowProblem> problems) {
        int expected = headers.size();
        if (fields.size() < expected && shortRowsAreRagged) {
            problems.add(new RowProblem(
                    row,
                    null,
                    null,
                    "row has " + fields.size() + " fields but the header has " + expected
                            + "; a separator or closing quote may be missing"));
        } else if (fields.size() > expected) {
            List<String> extra = fields.subList(expected, fields.size());
            // Trailing empty fields ("a,b,c,,") are common in spreadsheet exports and carry nothing.
            if (!isBlank(extra)) {
                problems.add(new RowProblem(
                        row,
                        null,
                        preview(String.join(separator, extra)),
                        "row has " + fields.size() + " fields but the header has " + expected
                                + "; a value may contain an unquoted separator"));
            }
        }
    }

    private String columnName(int index) {
        return index < headers.size() ? headers.get(index) : "column " + (index + 1);
    }

    public static String preview(String value) {
        return value.length() <= PREVIEW_LENGTH ? value : value.substring(0, PREVIEW_LENGTH) + "…";
    }
}
