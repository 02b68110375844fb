package dev.leadport.exports;

import java.util.List;

/** The first rows of an export exactly as the file shows them, and how many rows the whole file has. */
record ExportPreview(long total, List<Field> fields, List<List<String>> rows) {

    /** A column of the preview. */
    public record Field(String key, String label) {}
}
