package dev.leadport.imports.validation;

import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.mapping.HeaderNames;
import dev.leadport.leads.CustomFieldType;
import dev.leadport.leads.CustomFieldValues;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import dev.leadport.leads.Parsed;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.users.UserAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the value maps and constants a user sent with an import once, before any row is read, and brings each
 * target value to its stored form (a status name, an owner's username, a choice option as defined): a value that
 * cannot be right is a clear 400 naming it, not a problem on every row.
 */
public final class ImportValueChecks {

    /** Fields a constant may set: not the ones that identify a lead, and not the reading helpers. */
    private static final Set<LeadField> NO_CONSTANT = Set.of(LeadField.EMAIL, LeadField.PHONE);

    private final List<CustomFieldSpec> specs;
    private final OwnerResolver owners;
    private final Function<String, ColumnTarget> targets;

    /** {@code targets} reads a target as users write it, as the mapping does. */
    public ImportValueChecks(
            List<CustomFieldSpec> specs, OwnerResolver owners, Function<String, ColumnTarget> targets) {
        this.specs = List.copyOf(specs);
        this.owners = owners;
        this.targets = targets;
    }

    public ValueMaps valueMaps(Map<String, Map<String, String>> given) {
        Map<ColumnTarget, Map<String, String>> maps = new LinkedHashMap<>();
        given.forEach((targetText, values) -> {
            ColumnTarget target = target("valueMaps", targetText);
            if (!ValueReview.reviewed(target, specs)) {
                throw new InvalidInputException(
                        "valueMaps",
                        "'" + targetText + "' has no fixed set of values; value maps are for status, owner and"
                                + " choice or yes/no custom fields");
            }
            Map<String, String> checked = new LinkedHashMap<>();
            (values == null ? Map.<String, String>of() : values).forEach((from, to) -> {
                String value = to == null ? "" : to.strip();
                checked.put(from, value.isEmpty() ? "" : stored("valueMaps", target, value, "'" + from + "'"));
            });
            maps.put(target, checked);
        });
        return new ValueMaps(maps);
    }

    public Map<ColumnTarget, String> constants(Map<String, String> given, DateOrder order) {
        Map<ColumnTarget, String> constants = new LinkedHashMap<>();
        given.forEach((targetText, value) -> {
            ColumnTarget target = target("constants", targetText);
            String text = value == null ? "" : value.strip();
            if (text.isEmpty()) {
                return;
            }
            if (target.kind() == ColumnTarget.Kind.FIELD) {
                LeadField field = LeadField.byKey(target.key()).orElseThrow();
                if (NO_CONSTANT.contains(field)) {
                    throw new InvalidInputException(
                            "constants", "'" + targetText + "' identifies a lead and cannot be the same for every row");
                }
                int max = RowValidator.MAX_LENGTHS.get(field);
                if (text.length() > max) {
                    throw new InvalidInputException(
                            "constants", "the value for '" + targetText + "' is longer than " + max + " characters");
                }
            } else if (target.kind() != ColumnTarget.Kind.CUSTOM) {
                throw new InvalidInputException("constants", "'" + targetText + "' is not a field a constant can set");
            }
            if (ValueReview.reviewed(target, specs)) {
                constants.put(target, stored("constants", target, text, "the constant"));
            } else if (target.kind() == ColumnTarget.Kind.CUSTOM) {
                Parsed<Object> parsed = CustomFieldValues.read(
                        CustomFieldType.valueOf(spec(target).type().name()),
                        spec(target).options(),
                        text,
                        new CustomFieldValues.Reading(t -> DateText.parse(t, order)));
                parsed.problem().ifPresent(reason -> {
                    throw new InvalidInputException(
                            "constants", "'" + text + "' for '" + targetText + "' is " + reason);
                });
                constants.put(target, text);
            } else {
                constants.put(target, text);
            }
        });
        return constants;
    }

    /** A fixed-value target's value in its stored form, or a 400 saying why it is none. */
    private String stored(String parameter, ColumnTarget target, String value, String what) {
        if (target.equals(ColumnTarget.field(LeadField.STATUS))) {
            return LeadStatus.parse(value)
                    .or(() -> Optional.ofNullable(StatusMapper.builtInWords().get(HeaderNames.words(value))))
                    .map(Enum::name)
                    .orElseThrow(() -> new InvalidInputException(
                            parameter, what + " maps to '" + value + "', which is not a lead status"));
        }
        if (target.equals(ColumnTarget.field(LeadField.OWNER))) {
            UserAccount user = owners.find(value)
                    .orElseThrow(() -> new InvalidInputException(
                            parameter, what + " maps to '" + value + "', who is not a Leadport user"));
            if (!owners.mayAssign(user)) {
                throw new InvalidInputException(
                        parameter, "a REP imports leads only for themselves, not for '" + value + "'");
            }
            return user.username();
        }
        CustomFieldSpec field = spec(target);
        if (field.type() == CustomFieldSpec.Type.BOOLEAN) {
            return CustomFieldValues.read(CustomFieldType.BOOLEAN, List.of(), value, CustomFieldValues.Reading.STRICT)
                    .toOptional()
                    .map(Object::toString)
                    .orElseThrow(() -> new InvalidInputException(
                            parameter, what + " maps to '" + value + "', which is not yes or no"));
        }
        return field.options().stream()
                .filter(o -> o.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        parameter,
                        what + " maps to '" + value + "', which is not an option of " + field.label() + " ("
                                + String.join(", ", field.options()) + ")"));
    }

    private ColumnTarget target(String parameter, String text) {
        try {
            return targets.apply(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(parameter, "'" + text + "' is not a lead field or custom field key");
        }
    }

    private CustomFieldSpec spec(ColumnTarget target) {
        return specs.stream()
                .filter(s -> s.key().equals(target.key()))
                .findFirst()
                .orElseThrow();
    }
}
