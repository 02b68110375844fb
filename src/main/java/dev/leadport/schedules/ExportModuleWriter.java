package dev.leadport.schedules;

import dev.leadport.exports.ExportRequest;
import dev.leadport.exports.ExportService;
import dev.leadport.exports.HeaderStyle;
import dev.leadport.shared.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Writes a scheduled export's file with the export module, so a scheduled file is exactly what the same export
 * downloaded by hand gives: labelled headers, a BOM for spreadsheets, formulas neutralised.
 */
@Component
class ExportModuleWriter implements ScheduledExportWriter {

    private final ExportService exports;

    ExportModuleWriter(ExportService exports) {
        this.exports = exports;
    }

    @Override
    public long write(Request request, OutputStream out) throws IOException {
        String fields = request.fields().stream()
                .map(key -> key.startsWith("custom.") ? key.substring("custom.".length()) : key)
                .collect(Collectors.joining(","));
        ExportRequest export;
        try {
            export = exports.request(request.filter(), fields, request.format(), true, HeaderStyle.LABELS, true);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(
                    "A field of this schedule no longer exists (" + e.getMessage() + "); edit the schedule's fields.",
                    e);
        }
        return request.changedSince() == null
                ? exports.writeUnrecorded(export, request.user(), out)
                : exports.writeUnrecordedChangedSince(export, request.user(), request.changedSince(), out);
    }
}
