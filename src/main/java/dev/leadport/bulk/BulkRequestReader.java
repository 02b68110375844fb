package dev.leadport.bulk;

import dev.leadport.leads.CustomFields;
import dev.leadport.leads.LeadFilter;
import dev.leadport.leads.LeadStatus;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Checks the filter and changes of a bulk request, naming every offending field, before anything is stored. */
@Component
class BulkRequestReader {

    private static final Set<String> FILTER_KEYS =
            Set.of("status", "owner", "source", "createdFrom", "createdTo", "updatedFrom", "updatedTo", "q");

    private final Users users;
    private final CustomFields customFields;

    BulkRequestReader(Users users, CustomFields customFields) {
        this.users = users;
        this.customFields = customFields;
    }

    LeadFilter filter(Map<String, Object> filter) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : filter.keySet()) {
            if (!FILTER_KEYS.contains(key)) {
                problems.add(new FieldProblem("filter." + key, "is not a filter; use one of " + FILTER_KEYS));
            }
        }
        List<LeadStatus> statuses = new ArrayList<>();
        // A list, one status, or several in one string separated by commas (as the export's query parameter takes
        // them).
        for (String s : asList(filter.get("status")).stream()
                .flatMap(v -> Arrays.stream(String.valueOf(v).split(",")))
                .filter(v -> !v.isBlank())
                .toList()) {
            LeadStatus.parse(s)
                    .ifPresentOrElse(
                            statuses::add,
                            () -> problems.add(new FieldProblem(
                                    "filter.status",
                                    "'" + s + "' is not one of " + Arrays.toString(LeadStatus.values()))));
        }
        Long ownerId = null;
        Object owner = filter.get("owner");
        if (owner != null && !String.valueOf(owner).isBlank()) {
            ownerId = users.findByReference(String.valueOf(owner))
                    .map(UserAccount::id)
                    .orElse(null);
            if (ownerId == null) {
                problems.add(new FieldProblem("filter.owner", "there is no user '" + owner + "'"));
            }
        }
        LeadFilter result = new LeadFilter(
                statuses,
                ownerId,
                text(filter.get("source")),
                date(filter, "createdFrom", problems),
                date(filter, "createdTo", problems),
                date(filter, "updatedFrom", problems),
                date(filter, "updatedTo", problems),
                text(filter.get("q")));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return result;
    }

    /** The changes of a bulk update: status, source, and custom values (under "custom" or by their own key). */
    BulkParameters changes(Map<String, Object> changes, Map<String, Object> filterEcho) {
        if (changes == null || changes.isEmpty()) {
            throw new InvalidInputException("changes", "name at least one change: status, source or custom fields");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String status = null;
        boolean setSource = false;
        String source = null;
        Map<String, Object> custom = new LinkedHashMap<>();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String key = change.getKey();
            Object value = change.getValue();
            switch (key) {
                case "status" -> {
                    status = LeadStatus.parse(value == null ? null : String.valueOf(value))
                            .map(Enum::name)
                            .orElse(null);
                    if (status == null) {
                        problems.add(new FieldProblem(
                                "changes.status",
                                "'" + value + "' is not one of " + Arrays.toString(LeadStatus.values())));
                    }
                }
                case "source" -> {
                    setSource = true;
                    source = text(value);
                    if (source != null && source.length() > 200) {
                        problems.add(new FieldProblem("changes.source", "is longer than 200 characters"));
                    }
                }
                case "custom" -> {
                    if (value instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> custom.put(String.valueOf(k), v));
                    } else {
                        problems.add(new FieldProblem("changes.custom", "must be an object of custom field values"));
                    }
                }
                default -> {
                    if (customFields.byKey(key).isPresent()) {
                        custom.put(key, value);
                    } else {
                        problems.add(new FieldProblem(
                                "changes." + key,
                                "cannot be changed in bulk; change status, source or custom fields (assign changes"
                                        + " the owner)"));
                    }
                }
            }
        }
        Map<String, Object> checked = Map.of();
        try {
            checked = customFields.check(custom, false);
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem("changes." + p.field(), p.message())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new BulkParameters(status, setSource, source, checked, null, filterEcho, null);
    }

    private static List<?> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list : List.of(value);
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank()
                ? null
                : String.valueOf(value).strip();
    }

    private static LocalDate date(Map<String, Object> filter, String key, List<FieldProblem> problems) {
        String text = text(filter.get(key));
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("filter." + key, "'" + text + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }
}
