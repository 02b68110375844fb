package dev.leadport.leads;

import java.time.Instant;
import java.util.Map;

/**
 * One change to a lead as the module that made it recorded it, for the lead's history. Values are keyed by the
 * lead's API field names (firstName, ownerId, custom as a map); a module that knows only one side leaves the other
 * null, and the history completes it from the neighbouring changes and the lead as it is now.
 *
 * @param what what happened, as a sentence's start ("Imported from contacts.csv", "Bulk change 12")
 * @param creates whether this change created the lead (it has no values before)
 * @param link where the operation that made the change can be seen, or null
 */
public record LeadChange(
        Instant at,
        String what,
        boolean creates,
        Long actorId,
        String link,
        String linkText,
        Map<String, Object> before,
        Map<String, Object> after) {}
