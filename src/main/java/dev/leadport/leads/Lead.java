package dev.leadport.leads;

import java.time.Instant;
import java.util.Map;

/** A lead as the API shows it. {@code phoneE164} is the normalised form of {@code phone}. */
public record Lead(
        long id,
        String externalId,
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
        String owner,
        String notes,
        Map<String, Object> custom,
        Instant createdAt,
        Instant updatedAt) {}
