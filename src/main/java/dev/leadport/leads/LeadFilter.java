package dev.leadport.leads;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Which leads a list, export or bulk operation covers. Every part is optional; dates are whole days in the
 * configured time zone, both ends inclusive.
 */
public record LeadFilter(
        List<LeadStatus> statuses,
        Long ownerId,
        String source,
        LocalDate createdFrom,
        LocalDate createdTo,
        LocalDate updatedFrom,
        LocalDate updatedTo,
        String q) {

    public static final LeadFilter ALL = new LeadFilter(List.of(), null, null, null, null, null, null, null);

    public LeadFilter {
        // An empty repeat of a repeatable parameter ("status=NEW&status=") binds as a null element: no status asked.
        statuses = statuses == null
                ? List.of()
                : statuses.stream().filter(Objects::nonNull).distinct().toList();
        source = blankToNull(source);
        q = blankToNull(q);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
