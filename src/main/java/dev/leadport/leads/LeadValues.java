package dev.leadport.leads;

import java.util.Map;

/** The stored, already checked values of a lead, as written to and read from the lead table. */
record LeadValues(
        String firstName,
        String lastName,
        String email,
        String phone,
        String phoneE164,
        String company,
        String jobTitle,
        LeadStatus status,
        String source,
        Long ownerId,
        String notes,
        Map<String, Object> custom,
        String externalId) {}
