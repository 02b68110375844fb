/**
 * Rows on their way into the lead table: {@code FileRows} reads and checks a file chunk by chunk, {@code
 * ChunkPrefetch} stages the next chunk with {@code StagingWriter} while {@code LeadMerger} merges the current one in
 * set-based SQL; {@code ImportPlanner} works out what a dry run would do, {@code RowCounter} counts for progress.
 */
package dev.leadport.imports.pipeline;
