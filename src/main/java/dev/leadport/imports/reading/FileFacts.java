package dev.leadport.imports.reading;

import java.util.List;

/**
 * What was found out about an uploaded file before reading its rows: its format, its encoding (text files; with the
 * detector's confidence from 0 to 100 and other encodings that would read it too), its separator, the row its headers
 * are on (counted from 1) and the headers.
 */
public record FileFacts(
        String format,
        String encoding,
        String delimiter,
        List<String> headers,
        int headerRow,
        int encodingConfidence,
        List<String> encodingAlternatives) {

    public FileFacts {
        headers = List.copyOf(headers);
        encodingAlternatives = encodingAlternatives == null ? List.of() : List.copyOf(encodingAlternatives);
    }

    public FileFacts(String format, String encoding, String delimiter, List<String> headers) {
        this(format, encoding, delimiter, headers, 1, 100, List.of());
    }

    /** The encoding's charset name without the note on a byte order mark ("UTF-8" for "UTF-8 (BOM)"); null for XLSX. */
    public String charsetName() {
        return encoding == null ? null : encoding.replace(" (BOM)", "");
    }

    /** Whether the encoding was decided for sure (a byte order mark, strict UTF-8, a clear detector result, a choice). */
    public boolean encodingCertain() {
        return encodingConfidence >= EncodingDetector.SURE;
    }
}
