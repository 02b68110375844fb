package dev.leadport.schedules;

import dev.leadport.leads.DeletedLeads;
import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.SafeCsvWriter;
import dev.leadport.users.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Writes and stores a delta run's second file, {@code <name>-deleted.csv}: the leads deleted since the watermark
 * that the owner may see, whatever the filter (a lead may have left the filter before it was deleted), as CSV with
 * id, email and deleted_at (UTC). The first delta run lists none: its first file holds every lead.
 */
@Component
class DeletedLeadsFile {

    private final DeletedLeads deletedLeads;
    private final FileStore files;
    private final SchedulesProperties properties;

    DeletedLeadsFile(DeletedLeads deletedLeads, FileStore files, SchedulesProperties properties) {
        this.deletedLeads = deletedLeads;
        this.files = files;
        this.properties = properties;
    }

    FileStore.Written write(CurrentUser owner, String baseName, Instant since) {
        try {
            return files.write(baseName + "-deleted.csv", "text/csv", owner.id(), properties.fileRetention(), out -> {
                SafeCsvWriter csv = SafeCsvWriter.to(out);
                csv.row("id", "email", "deleted_at");
                long rows = since == null
                        ? 0
                        : deletedLeads.since(
                                since,
                                owner,
                                lead -> csv.row(
                                        Long.toString(lead.id()),
                                        lead.email(),
                                        lead.deletedAt().toString()));
                csv.flush();
                return rows;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the list of deleted leads: " + e.getMessage(), e);
        }
    }
}
