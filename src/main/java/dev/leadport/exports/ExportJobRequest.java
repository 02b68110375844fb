package dev.leadport.exports;

import dev.leadport.leads.LeadFilter;
import java.util.List;

/**
 * A background export's parameters as stored with the job (JSON), from which the job rebuilds its
 * {@link ExportRequest} when it runs.
 *
 * @param fields field keys in file order
 */
record ExportJobRequest(
        LeadFilter filter,
        List<String> fields,
        ExportFormat format,
        boolean bom,
        HeaderStyle header,
        boolean neutralise) {

    static ExportJobRequest of(ExportRequest request) {
        return new ExportJobRequest(
                request.filter(),
                request.columns().stream().map(ExportColumn::key).toList(),
                request.format(),
                request.bom(),
                request.header(),
                request.neutralise());
    }
}
