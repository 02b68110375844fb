/**
 * Imports: a CSV or XLSX file becomes leads, with a dry run first, live progress, an error report of the user's own
 * rows and undo. This package is what other modules and clients use; the steps a row travels through are its
 * sub-packages, which nothing outside the module touches.
 *
 * <p>Path: {@code ImportController} -> {@code ImportService} (the facade; {@code ImportDryRun} for a validation)
 * -> {@code reading} ({@code TabularSource}: {@code CsvSource} / {@code XlsxSource}) -> {@code mapping}
 * ({@code ColumnMapper}) -> {@code validation} ({@code RowValidator}) -> {@code pipeline} ({@code FileRows},
 * {@code ChunkPrefetch}, {@code StagingWriter}, {@code LeadMerger}) -> {@code jobs} ({@code ImportTasks} runs
 * {@code ImportRunner} on the job engine; {@code ImportUndo}, {@code ErrorReport}).
 */
package dev.leadport.imports;
