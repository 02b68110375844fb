package dev.leadport.imports.pipeline;

import dev.leadport.imports.reading.SourceRow;

/**
 * The user's changes to an upload (edited cells, dropped rows, replace-all rules), applied to each row as it is read,
 * in file order, so nothing but the changes near the current row is held in memory.
 */
public interface RowChanges extends AutoCloseable {

    /** No changes: every row as the file has it. */
    RowChanges NONE = row -> row;

    /** The row with the changes applied, or null when the user dropped it. Rows come in ascending row order. */
    SourceRow apply(SourceRow row);

    @Override
    default void close() {}
}
