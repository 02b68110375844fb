/**
 * Which file column goes to which lead field: suggestions from the headers ({@code ColumnMapper} with {@code
 * HeaderSynonyms} and {@code HeaderNames}), the chosen {@code ColumnMapping}, and mappings saved for next time.
 */
package dev.leadport.imports.mapping;
