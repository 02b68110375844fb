package dev.leadport.leads;

import jakarta.validation.constraints.Size;
import java.util.Map;

/** A lead as a client sends it to create or replace one. A lead needs an email or a phone. */
public record LeadRequest(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 254) String email,
        @Size(max = 40) String phone,
        @Size(max = 200) String company,
        @Size(max = 200) String jobTitle,
        LeadStatus status,
        @Size(max = 100) String source,
        Long ownerId,
        @Size(max = 10_000) String notes,
        @Size(max = 200) Map<String, Object> custom) {}
