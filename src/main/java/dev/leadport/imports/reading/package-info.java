/**
 * Reading an upload as rows of text: the format ({@code SourceFormat}), the encoding and separator of a CSV
 * ({@code EncodingDetector}, {@code DelimiterDetector}), binary content and zip bombs refused ({@code
 * BinaryContentCheck}, {@code ZipBombGuard}), and the rows themselves ({@code CsvSource}, {@code XlsxSource}).
 */
package dev.leadport.imports.reading;
