package dev.leadport.activity;

import dev.leadport.activity.ActivityEntry.SecurityType;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The activity list's filters, checked; {@code to} is exclusive. */
record ActivityQuery(List<String> types, List<String> statuses, String username, Instant from, Instant to, String q) {

    static final Set<String> TYPES = Stream.concat(
                    Stream.of(OperationType.values()).map(Enum::name),
                    Stream.of(SecurityType.values()).map(Enum::name))
            .collect(Collectors.toUnmodifiableSet());

    static final Set<String> STATUSES = Stream.concat(
                    Stream.of(OperationStatus.values()).map(Enum::name), Stream.of("SUCCEEDED", "FAILED", "DENIED"))
            .collect(Collectors.toUnmodifiableSet());

    ActivityQuery {
        types = types == null ? List.of() : List.copyOf(types);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        username = blankToNull(username);
        q = blankToNull(q);
    }

    /** Reads the request parameters; every bad value is reported by its parameter name. */
    static ActivityQuery parse(
            List<String> types, List<String> statuses, String user, String from, String to, String q, ZoneId zone) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        List<String> checkedTypes = check("type", types, TYPES, problems);
        List<String> checkedStatuses = check("status", statuses, STATUSES, problems);
        Instant fromInstant = null;
        Instant toInstant = null;
        try {
            fromInstant = instant(from, zone, false);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.FieldProblem("from", dateMessage(from)));
        }
        try {
            toInstant = instant(to, zone, true);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.FieldProblem("to", dateMessage(to)));
        }
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            problems.add(new InvalidInputException.FieldProblem("to", "must be after 'from'"));
        }
        if (q != null && q.length() > 200) {
            problems.add(new InvalidInputException.FieldProblem("q", "must be at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ActivityQuery(checkedTypes, checkedStatuses, user, fromInstant, toInstant, q);
    }

    /** A date (a whole day in the zone; as an upper bound the day is included) or an ISO instant. */
    static Instant instant(String value, ZoneId zone, boolean upperBound) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() == 10) {
            LocalDate day = LocalDate.parse(v);
            return (upperBound ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        }
        return OffsetDateTime.parse(v).toInstant();
    }

    private static String dateMessage(String value) {
        return "'" + value + "' is not a date (yyyy-MM-dd) or a date-time (ISO 8601, e.g. 2026-03-01T08:00:00Z)";
    }

    private static List<String> check(
            String field, List<String> values, Set<String> allowed, List<InvalidInputException.FieldProblem> problems) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String raw : values) {
            for (String part : raw.split(",")) {
                String v = part.strip().toUpperCase(Locale.ROOT);
                if (v.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(v)) {
                    problems.add(new InvalidInputException.FieldProblem(
                            field,
                            "'" + part.strip() + "' is not one of "
                                    + allowed.stream().sorted().toList()));
                } else {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
