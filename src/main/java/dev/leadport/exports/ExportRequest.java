package dev.leadport.exports;

import dev.leadport.leads.LeadFilter;
import java.util.List;

/**
 * What one export writes: which leads, which columns in which order, and how the file looks.
 *
 * @param neutralise whether values a spreadsheet would run as a formula get a leading apostrophe (CSV only)
 */
public record ExportRequest(
        LeadFilter filter,
        List<ExportColumn> columns,
        ExportFormat format,
        boolean bom,
        HeaderStyle header,
        boolean neutralise) {

    public ExportRequest {
        columns = List.copyOf(columns);
    }

    public List<String> headers() {
        return columns.stream().map(c -> c.header(header)).toList();
    }
}
