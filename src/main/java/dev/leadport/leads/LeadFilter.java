package dev.leadport.leads;

import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
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
        String q,
        String externalId) {

    public static final LeadFilter ALL = new LeadFilter(List.of(), null, null, null, null, null, null, null);

    /** A filter without an external id. */
    public LeadFilter(
            List<LeadStatus> statuses,
            Long ownerId,
            String source,
            LocalDate createdFrom,
            LocalDate createdTo,
            LocalDate updatedFrom,
            LocalDate updatedTo,
            String q) {
        this(statuses, ownerId, source, createdFrom, createdTo, updatedFrom, updatedTo, q, null);
    }

    public LeadFilter {
        // An empty repeat of a repeatable parameter ("status=NEW&status=") binds as a null element: no status asked.
        statuses = statuses == null
                ? List.of()
                : statuses.stream().filter(Objects::nonNull).distinct().toList();
        source = blankToNull(source);
        q = blankToNull(q);
        externalId = blankToNull(externalId);
        List<FieldProblem> problems = new ArrayList<>();
        text("source", source, problems);
        text("q", q, problems);
        text("externalId", externalId, problems);
        date("createdFrom", createdFrom, problems);
        date("createdTo", createdTo, problems);
        date("updatedFrom", updatedFrom, problems);
        date("updatedTo", updatedTo, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** PostgreSQL text cannot hold NUL; a search for one would fail in the database instead of here. */
    private static void text(String name, String value, List<FieldProblem> problems) {
        if (value != null && value.indexOf(0) >= 0) {
            problems.add(new FieldProblem(name, "contains a NUL character (\\u0000)"));
        }
    }

    /** Dates the database can compare with a timestamp: years 1 to 9999. */
    private static void date(String name, LocalDate value, List<FieldProblem> problems) {
        if (value != null && (value.getYear() < 1 || value.getYear() > 9999)) {
            problems.add(new FieldProblem(name, "'" + value + "' is outside the years 1 to 9999"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
