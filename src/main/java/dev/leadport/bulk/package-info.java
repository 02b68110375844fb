/**
 * Bulk operations: update, assign, delete and restore many leads at once, with a result per lead, undo and a recycle
 * bin.
 *
 * <p>Path: {@code BulkController} -> {@code BulkService} (checks every id first) -> {@code BulkRepository} /
 * {@code BulkSql}, one transaction per chunk; large operations run as a job defined in {@code BulkTasks}, which also
 * purges the recycle bin.
 */
package dev.leadport.bulk;
