package dev.leadport.leads;

import jakarta.validation.constraints.Size;
import java.util.Map;

/** A lead as a client sends it to create or replace one. A lead needs an email or a phone. */
public record LeadRequest(
        @Size(max = LeadLimits.NAME) String firstName,
        @Size(max = LeadLimits.NAME) String lastName,
        @Size(max = LeadLimits.EMAIL) String email,
        @Size(max = LeadLimits.PHONE) String phone,
        @Size(max = LeadLimits.COMPANY) String company,
        @Size(max = LeadLimits.JOB_TITLE) String jobTitle,
        LeadStatus status,
        @Size(max = LeadLimits.SOURCE) String source,
        Long ownerId,
        @Size(max = LeadLimits.NOTES) String notes,
        @Size(max = 200) Map<String, Object> custom,
        @Size(max = LeadLimits.EXTERNAL_ID) String externalId) {

    /** A request without an external id. */
    public LeadRequest(
            String firstName,
            String lastName,
            String email,
            String phone,
            String company,
            String jobTitle,
            LeadStatus status,
            String source,
            Long ownerId,
            String notes,
            Map<String, Object> custom) {
        this(firstName, lastName, email, phone, company, jobTitle, status, source, ownerId, notes, custom, null);
    }
}
