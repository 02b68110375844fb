package dev.leadport.imports.validation;

import dev.leadport.leads.LeadStatus;
import java.util.Map;
import java.util.Objects;

/**
 * How an import reads values: the region for phone numbers without a country code, the order of day and month in
 * dates (AUTO: decide from the file with {@link DateOrderDetector}, and call still-ambiguous dates a problem), and
 * the user's own status words, which take precedence over the built-in ones.
 */
public record ImportOptions(String defaultRegion, DateOrder dateOrder, Map<String, LeadStatus> statusValues) {

    public static final ImportOptions DEFAULTS = new ImportOptions("US", DateOrder.AUTO, Map.of());

    public ImportOptions {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(dateOrder, "dateOrder");
        statusValues = Map.copyOf(statusValues);
    }

    public ImportOptions withDateOrder(DateOrder order) {
        return new ImportOptions(defaultRegion, order, statusValues);
    }
}
