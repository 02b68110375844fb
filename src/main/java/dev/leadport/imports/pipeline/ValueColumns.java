package dev.leadport.imports.pipeline;

import dev.leadport.imports.ValidationReport.Choice;
import dev.leadport.imports.ValidationReport.ValueColumn;
import dev.leadport.imports.ValidationReport.ValueCount;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.validation.ValueReview;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import java.util.Arrays;
import java.util.List;

/** The dry run's value review: each fixed-value column's counted values and what each of them becomes. */
public final class ValueColumns {

    /** Values listed per column, most frequent first; the rest are counted. */
    static final int LISTED = 300;

    private ValueColumns() {}

    public static List<ValueColumn> of(ValueCounts counts, ImportSettings settings) {
        if (counts == null) {
            return List.of();
        }
        ValueReview review =
                new ValueReview(settings.options().valueMaps(), settings.owners(), settings.customFields());
        return counts.top(LISTED).stream()
                .map(top -> {
                    ColumnTarget target = top.column().target();
                    List<ValueCount> values = top.values().stream()
                            .map(v -> {
                                ValueReview.Becomes becomes = review.of(target, v.value());
                                return new ValueCount(
                                        v.value(), v.rows(), becomes.value(), becomes.how(), becomes.confidence());
                            })
                            .toList();
                    return new ValueColumn(
                            top.column().header(),
                            target.toString(),
                            label(target, settings),
                            values,
                            top.distinct(),
                            top.moreValues(),
                            top.moreRows(),
                            choices(target, settings),
                            target.equals(ColumnTarget.field(LeadField.OWNER))
                                    ? "The importer (" + settings.owners().importerName() + ")"
                                    : "Leave empty",
                            target.kind() == ColumnTarget.Kind.CUSTOM
                                    && spec(target, settings).type() == CustomFieldSpec.Type.CHOICE);
                })
                .toList();
    }

    private static List<Choice> choices(ColumnTarget target, ImportSettings settings) {
        if (target.equals(ColumnTarget.field(LeadField.STATUS))) {
            return Arrays.stream(LeadStatus.values())
                    .map(s -> new Choice(s.name(), s.name()))
                    .toList();
        }
        if (target.equals(ColumnTarget.field(LeadField.OWNER))) {
            return settings.owners().assignable().stream()
                    .map(u -> new Choice(
                            u.username(),
                            u.displayName() == null || u.displayName().isBlank()
                                    ? u.username()
                                    : u.displayName() + " (" + u.username() + ")"))
                    .toList();
        }
        CustomFieldSpec field = spec(target, settings);
        if (field.type() == CustomFieldSpec.Type.BOOLEAN) {
            return List.of(new Choice("true", "Yes"), new Choice("false", "No"));
        }
        return field.options().stream().map(o -> new Choice(o, o)).toList();
    }

    private static String label(ColumnTarget target, ImportSettings settings) {
        if (target.kind() == ColumnTarget.Kind.FIELD) {
            return LeadField.byKey(target.key()).orElseThrow().label();
        }
        return spec(target, settings).label();
    }

    private static CustomFieldSpec spec(ColumnTarget target, ImportSettings settings) {
        return settings.customFields().stream()
                .filter(s -> s.key().equals(target.key()))
                .findFirst()
                .orElseThrow();
    }
}
