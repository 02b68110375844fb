package dev.leadport.schedules;

import dev.leadport.exports.ExportFormat;
import dev.leadport.leads.LeadFilter;
import java.time.Instant;
import java.util.List;

/**
 * An export schedule as stored and as the API shows it.
 *
 * @param destination where the files go besides mail (null: mail only); without its secrets
 * @param delta whether each run exports only the leads created or changed since the last delivered run, and lists the
 *     leads deleted since in a second file
 * @param deltaSince the watermark the next delta run exports from (null: it exports every lead)
 */
record ExportSchedule(
        long id,
        long ownerId,
        String ownerUsername,
        String name,
        LeadFilter filter,
        List<String> fields,
        ExportFormat format,
        RecurrenceView recurrence,
        String timeZone,
        List<String> recipients,
        Destination destination,
        boolean delta,
        Instant deltaSince,
        boolean paused,
        Instant nextRunAt,
        Instant createdAt,
        Instant updatedAt) {

    /** The recurrence as the API reads and writes it; {@code time} is HH:mm. */
    public record RecurrenceView(String type, String time, List<String> days, Integer dayOfMonth, String cron) {}
}
