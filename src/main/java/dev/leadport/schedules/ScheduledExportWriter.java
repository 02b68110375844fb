package dev.leadport.schedules;

import dev.leadport.exports.ExportFormat;
import dev.leadport.leads.LeadFilter;
import dev.leadport.users.CurrentUser;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Writes the file of a scheduled export; the export module does it ({@code ExportModuleWriter}), and tests may
 * provide another bean of this type.
 */
interface ScheduledExportWriter {

    /**
     * Streams the leads the filter selects, as the user may see them, with the given fields; returns how many
     * leads it wrote.
     */
    long write(Request request, OutputStream out) throws IOException;

    /**
     * @param fields standard field keys ({@code LeadField}) and custom field keys, in column order
     * @param user whose view of the leads to export (a REP's export holds only their own leads)
     * @param changedSince only leads created or changed at or after this instant (a delta run); null for all
     */
    record Request(
            LeadFilter filter, List<String> fields, ExportFormat format, CurrentUser user, Instant changedSince) {

        public Request {
            fields = List.copyOf(fields);
        }
    }
}
