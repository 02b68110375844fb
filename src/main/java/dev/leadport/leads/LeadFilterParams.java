package dev.leadport.leads;

import dev.leadport.shared.InvalidInputException;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The lead filter as query parameters, shared by every endpoint that takes one (leads list, export, preview):
 * {@code status} (repeatable), {@code owner} (id, username or email), {@code source}, {@code createdFrom},
 * {@code createdTo}, {@code updatedFrom}, {@code updatedTo} (dates, inclusive), {@code q} and {@code externalId} (exact).
 */
public record LeadFilterParams(
        List<LeadStatus> status,
        String owner,
        String source,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedTo,
        String q,
        String externalId) {

    /** The filter, with the owner looked up; an unknown owner is a 400 naming the parameter. */
    public LeadFilter toFilter(Users users) {
        Long ownerId = null;
        if (owner != null && !owner.isBlank()) {
            ownerId = users.findByReference(owner)
                    .map(UserAccount::id)
                    .orElseThrow(() -> new InvalidInputException("owner", "there is no user '" + owner + "'"));
        }
        return new LeadFilter(status, ownerId, source, createdFrom, createdTo, updatedFrom, updatedTo, q, externalId);
    }
}
