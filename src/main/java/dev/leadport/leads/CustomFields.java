package dev.leadport.leads;

import dev.leadport.shared.ConflictException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import dev.leadport.shared.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The custom field definitions, and checking a lead's custom values against them. */
@Service
public class CustomFields {

    private final CustomFieldRepository repository;

    CustomFields(CustomFieldRepository repository) {
        this.repository = repository;
    }

    public List<CustomFieldDefinition> all() {
        return repository.findAll();
    }

    public Optional<CustomFieldDefinition> byKey(String key) {
        return all().stream().filter(f -> f.key().equalsIgnoreCase(key)).findFirst();
    }

    public CustomFieldDefinition get(long id) {
        return repository
                .findById(id)
                .orElseThrow(() -> new NotFoundException("There is no custom field with id " + id + "."));
    }

    CustomFieldDefinition create(CustomFieldDefinition definition) {
        if (LeadField.byKey(definition.key()).isPresent()) {
            throw new InvalidInputException("key", "'" + definition.key() + "' is a standard lead field");
        }
        checkOptions(definition);
        try {
            return get(repository.insert(definition));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("key", "A custom field with key '" + definition.key() + "' already exists.");
        }
    }

    CustomFieldDefinition update(long id, CustomFieldDefinition change) {
        CustomFieldDefinition existing = get(id);
        if (change.type() != existing.type() || !change.key().equalsIgnoreCase(existing.key())) {
            throw new InvalidInputException(
                    "type", "The key and type of a field cannot change once it exists; create a new field instead.");
        }
        CustomFieldDefinition updated = new CustomFieldDefinition(
                id,
                existing.key(),
                change.label(),
                existing.type(),
                change.options(),
                change.required(),
                change.position());
        checkOptions(updated);
        repository.update(updated);
        return get(id);
    }

    /**
     * Adds options to a choice field (an admin mapping an import's values onto new options); options it has already,
     * in any case, are left as they are.
     */
    public CustomFieldDefinition addOptions(String key, List<String> options) {
        CustomFieldDefinition existing = byKey(key)
                .orElseThrow(() -> new InvalidInputException("newOptions", "There is no custom field '" + key + "'."));
        if (existing.type() != CustomFieldType.CHOICE) {
            throw new InvalidInputException("newOptions", existing.label() + " is not a choice field");
        }
        List<String> merged = new ArrayList<>(existing.options());
        for (String option : options) {
            String text = option == null ? "" : option.strip();
            if (!text.isEmpty() && merged.stream().noneMatch(o -> o.equalsIgnoreCase(text))) {
                merged.add(text);
            }
        }
        if (merged.size() == existing.options().size()) {
            return existing;
        }
        CustomFieldDefinition updated = new CustomFieldDefinition(
                existing.id(),
                existing.key(),
                existing.label(),
                existing.type(),
                merged,
                existing.required(),
                existing.position());
        checkOptions(updated);
        repository.update(updated);
        return get(existing.id());
    }

    @Transactional
    void delete(long id) {
        repository.delete(get(id));
    }

    /**
     * Checks custom values against the definitions and returns them in stored form, keyed by each definition's
     * own key; unknown keys and bad values are reported as field problems named {@code custom.<key>}.
     */
    public Map<String, Object> check(Map<String, ?> values, boolean enforceRequired) {
        Map<String, Object> result = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        List<CustomFieldDefinition> definitions = all();
        Map<String, ?> input = values == null ? Map.of() : values;
        for (String key : input.keySet()) {
            if (definitions.stream().noneMatch(d -> d.key().equalsIgnoreCase(key))) {
                problems.add(new FieldProblem("custom." + key, "is not a defined custom field"));
            }
        }
        for (CustomFieldDefinition d : definitions) {
            Object raw = input.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(d.key()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if (raw == null && !enforceRequired) {
                continue;
            }
            CustomFieldValues.Checked checked = CustomFieldValues.check(d, raw);
            if (!checked.ok()) {
                problems.add(new FieldProblem("custom." + d.key(), checked.problem()));
            } else if (checked.value() != null) {
                result.put(d.key(), checked.value());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return result;
    }

    private static void checkOptions(CustomFieldDefinition d) {
        if (d.type() == CustomFieldType.CHOICE && d.options().isEmpty()) {
            throw new InvalidInputException("options", "A CHOICE field needs at least one option");
        }
    }
}
