package dev.leadport.imports.validation;

import dev.leadport.leads.LeadStatus;
import java.time.LocalDate;
import java.util.Map;

/**
 * The normalised values of one imported row, before the database layer resolves the owner and merges it. Blank cells
 * are null. {@code emailKey} is the lower-case form used to find duplicates; {@code owner} is the text from the file
 * (a username or an email). Custom field values are typed by their definition: String, BigDecimal, LocalDate or
 * Boolean. {@code leadId} is Leadport's own id (the key of an import by id), {@code createdOn} and {@code updatedOn} the
 * original dates a migration keeps.
 */
public record LeadDraft(
        String firstName,
        String lastName,
        String email,
        String emailKey,
        String phoneRaw,
        String phoneE164,
        String company,
        String jobTitle,
        LeadStatus status,
        String source,
        String owner,
        String notes,
        Map<String, Object> customFields,
        Long leadId,
        String externalId,
        LocalDate createdOn,
        LocalDate updatedOn) {

    public LeadDraft {
        customFields = Map.copyOf(customFields);
    }
}
