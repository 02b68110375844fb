package dev.leadport.web;

import dev.leadport.leads.CustomFieldDefinition;
import dev.leadport.leads.Lead;
import dev.leadport.leads.LeadRequest;
import dev.leadport.leads.LeadStatus;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The lead page's form as typed: every value kept as text so a rejected form comes back exactly as the user left
 * it, and turned into the API's {@link LeadRequest} so the page obeys the API's rules and messages.
 */
record LeadForm(Map<String, String> values, Map<String, String> custom) {

    static final List<String> FIELDS = List.of(
            "firstName",
            "lastName",
            "email",
            "phone",
            "company",
            "jobTitle",
            "status",
            "source",
            "ownerId",
            "notes",
            "externalId");

    static LeadForm empty(long ownerId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("status", LeadStatus.NEW.name());
        values.put("ownerId", String.valueOf(ownerId));
        return new LeadForm(values, new LinkedHashMap<>());
    }

    static LeadForm of(Lead lead) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("firstName", lead.firstName());
        values.put("lastName", lead.lastName());
        values.put("email", lead.email());
        values.put("phone", lead.phone());
        values.put("company", lead.company());
        values.put("jobTitle", lead.jobTitle());
        values.put("status", lead.status().name());
        values.put("source", lead.source());
        values.put("ownerId", lead.ownerId() == null ? null : String.valueOf(lead.ownerId()));
        values.put("notes", lead.notes());
        values.put("externalId", lead.externalId());
        Map<String, String> custom = new LinkedHashMap<>();
        lead.custom().forEach((k, v) -> custom.put(k, v == null ? null : String.valueOf(v)));
        return new LeadForm(values, custom);
    }

    static LeadForm read(MultiValueMap<String, String> form, List<CustomFieldDefinition> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : FIELDS) {
            values.put(name, form.getFirst(name));
        }
        Map<String, String> custom = new LinkedHashMap<>();
        for (CustomFieldDefinition f : fields) {
            custom.put(f.key(), form.getFirst("custom." + f.key()));
        }
        return new LeadForm(values, custom);
    }

    public String value(String name) {
        return values.get(name);
    }

    public String customValue(String key) {
        return custom.get(key);
    }

    /** The request the API would get, or the problems that keep the typed values from being one. */
    LeadRequest toRequest(List<FieldProblem> problems) {
        LeadStatus status = null;
        String statusText = blank(values.get("status"));
        if (statusText != null) {
            try {
                status = LeadStatus.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(
                        "status", "'" + statusText + "' is not one of " + List.of(LeadStatus.values())));
            }
        }
        Long owner = null;
        String ownerText = blank(values.get("ownerId"));
        if (ownerText != null) {
            try {
                owner = Long.parseLong(ownerText);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("ownerId", "'" + ownerText + "' is not a whole number"));
            }
        }
        Map<String, Object> customValues = new LinkedHashMap<>();
        custom.forEach((k, v) -> {
            if (blank(v) != null) {
                customValues.put(k, v);
            }
        });
        return new LeadRequest(
                values.get("firstName"),
                values.get("lastName"),
                values.get("email"),
                values.get("phone"),
                values.get("company"),
                values.get("jobTitle"),
                status,
                values.get("source"),
                owner,
                values.get("notes"),
                customValues,
                values.get("externalId"));
    }

    /** Problems by the name of the form field they belong to ({@code custom.<key>} for custom fields). */
    static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> result = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            result.merge(p.field(), p.message(), (a, b) -> a + "; " + b);
        }
        return result;
    }

    static List<FieldProblem> copy(List<FieldProblem> problems) {
        return new ArrayList<>(problems);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
