package dev.leadport.exports;

import dev.leadport.shared.InvalidInputException;
import java.util.Locale;

/** The file types an export writes. */
public enum ExportFormat {
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    static ExportFormat parse(String text) {
        if (text == null || text.isBlank()) {
            return CSV;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "xlsx" -> XLSX;
            default -> throw new InvalidInputException("format", "'" + text + "' is not csv or xlsx");
        };
    }
}
