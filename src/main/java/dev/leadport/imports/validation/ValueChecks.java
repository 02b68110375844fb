package dev.leadport.imports.validation;

import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.mapping.ValueFit;
import dev.leadport.leads.CustomFieldType;
import dev.leadport.leads.CustomFieldValues;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a value fits a fixed-value target by the very rules its import applies: a status word the status mapping
 * knows, an owner who resolves to a user, an option of a choice field, a yes or no of a boolean field.
 */
public final class ValueChecks implements ValueFit {

    private static final ColumnTarget STATUS = ColumnTarget.field(LeadField.STATUS);
    private static final ColumnTarget OWNER = ColumnTarget.field(LeadField.OWNER);

    private final StatusMapper statuses;
    private final OwnerResolver owners;
    private final List<CustomFieldSpec> customFields;
    private final DateOrder dateOrder;

    public ValueChecks(
            Map<String, LeadStatus> statusValues,
            OwnerResolver owners,
            List<CustomFieldSpec> customFields,
            DateOrder dateOrder) {
        this.statuses = new StatusMapper(statusValues);
        this.owners = owners;
        this.customFields = List.copyOf(customFields);
        this.dateOrder = dateOrder;
    }

    @Override
    public boolean constrains(ColumnTarget target) {
        return target.equals(STATUS) || target.equals(OWNER) || choice(target).isPresent();
    }

    @Override
    public boolean fits(ColumnTarget target, String value) {
        if (target.equals(STATUS)) {
            return statuses.parse(value).problem().isEmpty();
        }
        if (target.equals(OWNER)) {
            return owners.resolve(value).problem() == null;
        }
        return choice(target)
                .map(field -> CustomFieldValues.read(
                                CustomFieldType.valueOf(field.type().name()),
                                field.options(),
                                value,
                                new CustomFieldValues.Reading(t -> DateText.parse(t, dateOrder)))
                        .problem()
                        .isEmpty())
                .orElse(true);
    }

    private Optional<CustomFieldSpec> choice(ColumnTarget target) {
        if (target.kind() != ColumnTarget.Kind.CUSTOM) {
            return Optional.empty();
        }
        return customFields.stream()
                .filter(f -> f.key().equals(target.key()))
                .filter(f -> f.type() == CustomFieldSpec.Type.CHOICE || f.type() == CustomFieldSpec.Type.BOOLEAN)
                .findFirst();
    }
}
