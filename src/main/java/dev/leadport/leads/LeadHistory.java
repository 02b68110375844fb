package dev.leadport.leads;

import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * A lead's history: every change an import, a bulk operation, an undo or an edit made to it, oldest first, with who
 * made it, when, and the values before and after. Each module reads its own change records ({@link
 * LeadHistorySource}); a side a module did not record is completed from the neighbouring changes, since the values
 * after one change are the values before the next (and the last change's are the lead's values now).
 */
@Service
public class LeadHistory {

    private final List<LeadHistorySource> sources;
    private final LeadService leads;
    private final Users users;
    private final CustomFields customFields;

    LeadHistory(List<LeadHistorySource> sources, LeadService leads, Users users, CustomFields customFields) {
        this.sources = sources;
        this.leads = leads;
        this.users = users;
        this.customFields = customFields;
    }

    /** One entry of the history. {@code link} leads to the operation that made the change, when there is one. */
    public record Entry(
            Instant at, String what, String actor, String link, String linkText, List<FieldChange> changes) {}

    /** One field's value before and after a change; null where the field was empty. */
    public record FieldChange(String field, String label, String before, String after) {}

    /** The lead's history, oldest first; the same role rules as reading the lead. */
    public List<Entry> of(long leadId, CurrentUser user) {
        Lead lead = leads.get(leadId, user);
        List<LeadChange> changes = sources.stream()
                .flatMap(s -> s.changesOf(leadId).stream())
                .sorted(Comparator.comparing(LeadChange::at))
                .toList();
        int n = changes.size();
        List<Map<String, String>> before = new ArrayList<>(n);
        List<Map<String, String>> after = new ArrayList<>(n);
        for (LeadChange c : changes) {
            before.add(c.before() == null ? null : flatten(c.before()));
            after.add(c.after() == null ? null : flatten(c.after()));
        }
        // Forward: a change that recorded only its result started from the previous change's result.
        Map<String, String> state = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (changes.get(i).creates()) {
                state.clear();
                before.set(i, Map.of());
            } else if (before.get(i) == null && after.get(i) != null) {
                before.set(i, restrict(state, after.get(i).keySet()));
            }
            if (after.get(i) != null) {
                state.putAll(after.get(i));
            } else if (before.get(i) != null) {
                before.get(i).keySet().forEach(state::remove);
            }
        }
        // Backward: a change that recorded only what it replaced ended where the next change started.
        state = new HashMap<>(flatten(values(lead)));
        for (int i = n - 1; i >= 0; i--) {
            if (after.get(i) == null) {
                after.set(
                        i,
                        changes.get(i).creates()
                                ? new HashMap<>(state)
                                : restrict(
                                        state,
                                        before.get(i) == null
                                                ? List.of()
                                                : before.get(i).keySet()));
            }
            if (changes.get(i).creates()) {
                state.clear();
            } else if (before.get(i) != null) {
                state.putAll(before.get(i));
            }
        }
        Map<Long, String> names = new HashMap<>();
        for (UserAccount u : users.all()) {
            names.put(u.id(), u.username());
        }
        Map<String, String> labels = labels();
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LeadChange c = changes.get(i);
            entries.add(new Entry(
                    c.at(),
                    c.what(),
                    c.actorId() == null ? null : names.getOrDefault(c.actorId(), "user " + c.actorId()),
                    c.link(),
                    c.linkText(),
                    diff(before.get(i), after.get(i), c.creates(), labels, names)));
        }
        return entries;
    }

    /** The state's values of the given fields, leaving out those the state does not know. */
    private static Map<String, String> restrict(Map<String, String> state, Iterable<String> keys) {
        Map<String, String> result = new HashMap<>();
        for (String key : keys) {
            if (state.containsKey(key)) {
                result.put(key, state.get(key));
            }
        }
        return result;
    }

    private static List<FieldChange> diff(
            Map<String, String> before,
            Map<String, String> after,
            boolean creates,
            Map<String, String> labels,
            Map<Long, String> names) {
        Map<String, String> b = before == null ? Map.of() : before;
        Map<String, String> a = after == null ? Map.of() : after;
        List<FieldChange> result = new ArrayList<>();
        List<String> keys = new ArrayList<>(labels.keySet());
        for (String key : a.keySet()) {
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        for (String key : b.keySet()) {
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            // A field is shown when both of its values are known (a new lead had none before).
            boolean known = a.containsKey(key) && (creates || b.containsKey(key));
            String was = b.get(key);
            String is = a.get(key);
            if (known && !Objects.equals(was, is)) {
                boolean owner = key.equals("ownerId");
                result.add(new FieldChange(
                        owner ? "owner" : key,
                        labels.getOrDefault(key, key),
                        owner ? ownerName(was, names) : was,
                        owner ? ownerName(is, names) : is));
            }
        }
        return result;
    }

    private static String ownerName(String id, Map<Long, String> names) {
        if (id == null) {
            return null;
        }
        try {
            return names.getOrDefault(Long.parseLong(id), "user " + id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    /** The fields a history shows, in the order of the lead page, with their labels. */
    private Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("firstName", "First name");
        labels.put("lastName", "Last name");
        labels.put("email", "Email");
        labels.put("phone", "Phone");
        labels.put("company", "Company");
        labels.put("jobTitle", "Job title");
        labels.put("status", "Status");
        labels.put("source", "Source");
        labels.put("ownerId", "Owner");
        labels.put("notes", "Notes");
        for (CustomFieldDefinition d : customFields.all()) {
            labels.put("custom." + d.key(), d.label());
        }
        return labels;
    }

    /** Values with the custom fields as {@code custom.<key>}, every value as text, empty values left out. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> flatten(Map<String, Object> values) {
        Map<String, String> flat = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.equals("custom") && value instanceof Map<?, ?> custom) {
                ((Map<String, Object>) custom).forEach((k, v) -> put(flat, "custom." + k, v));
            } else {
                put(flat, key, value);
            }
        });
        return flat;
    }

    private static void put(Map<String, String> flat, String key, Object value) {
        String text = value == null ? null : String.valueOf(value);
        flat.put(key, text == null || text.isEmpty() ? null : text);
    }

    static Map<String, Object> values(Lead lead) {
        Map<String, Object> values = new HashMap<>();
        values.put("firstName", lead.firstName());
        values.put("lastName", lead.lastName());
        values.put("email", lead.email());
        values.put("phone", lead.phone());
        values.put("company", lead.company());
        values.put("jobTitle", lead.jobTitle());
        values.put("status", lead.status() == null ? null : lead.status().name());
        values.put("source", lead.source());
        values.put("ownerId", lead.ownerId());
        values.put("notes", lead.notes());
        values.put("custom", lead.custom());
        return values;
    }
}
