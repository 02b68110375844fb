package dev.leadport.leads;

import dev.leadport.shared.InvalidInputException;
import java.util.Locale;

/** How a page of the leads list reports the number of leads that match. */
public enum TotalCount {
    /** No total: the cheapest page, for clients that scroll. */
    NONE,
    /**
     * Exact up to {@code leadport.leads.exact-count-limit} matches; beyond it the planner's estimate, marked as such.
     * A page never counts more than the limit, however many leads match.
     */
    BOUNDED,
    /** Always exact, at the price of reading every match. */
    EXACT;

    /** Reads the API's {@code total} parameter: {@code true} (bounded), {@code false} or {@code exact}. */
    public static TotalCount parse(String value) {
        return switch (value == null ? "true" : value.trim().toLowerCase(Locale.ROOT)) {
            case "", "true", "1", "yes", "on" -> BOUNDED;
            case "false", "0", "no", "off" -> NONE;
            case "exact" -> EXACT;
            default ->
                throw new InvalidInputException(
                        "total",
                        "is '" + value + "'; use true (exact up to a limit, then an estimate), exact or false");
        };
    }
}
