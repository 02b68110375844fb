package dev.leadport.leads;

import java.util.Locale;
import java.util.Optional;

/** Where a lead stands in the sales funnel. Stored as its name. */
public enum LeadStatus {
    NEW,
    CONTACTED,
    QUALIFIED,
    UNQUALIFIED,
    CONVERTED,
    LOST;

    /** Reads a status name case-insensitively, ignoring surrounding blanks; empty when it is not one. */
    public static Optional<LeadStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (LeadStatus status : values()) {
            if (status.name().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
