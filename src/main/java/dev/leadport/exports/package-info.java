/**
 * Exports: the leads a filter selects, streamed as CSV ({@code COPY ... TO STDOUT}) or XLSX (a server-side cursor),
 * previews, and background exports stored for download.
 *
 * <p>Path: {@code ExportController} -> {@code ExportService} -> {@code ExportSql} / {@code ExportRepository} ->
 * {@code CopyCsvRows} or {@code XlsxRowWriter}; background: {@code ExportJobController} -> {@code ExportJobService},
 * run by {@code ExportTasks} on the job engine.
 */
package dev.leadport.exports;
