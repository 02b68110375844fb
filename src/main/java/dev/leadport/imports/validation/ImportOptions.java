package dev.leadport.imports.validation;

import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.leads.LeadStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How an import reads values: the region for phone numbers without a country code, the order of day and month in
 * dates (AUTO: decide from the file with {@link DateOrderDetector}, and call still-ambiguous dates a problem), the
 * user's own status words, which take precedence over the built-in ones, the user's value maps, constant values for
 * every row (filling empty cells, or replacing every cell when {@code overrideConstants}), and the warning kinds that
 * fail a row instead.
 */
public record ImportOptions(
        String defaultRegion,
        DateOrder dateOrder,
        Map<String, LeadStatus> statusValues,
        ValueMaps valueMaps,
        Map<ColumnTarget, String> constants,
        boolean overrideConstants,
        Set<WarningKind> strict) {

    public static final ImportOptions DEFAULTS = new ImportOptions("US", DateOrder.AUTO, Map.of());

    public ImportOptions {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(dateOrder, "dateOrder");
        statusValues = Map.copyOf(statusValues);
        valueMaps = valueMaps == null ? ValueMaps.NONE : valueMaps;
        constants = constants == null ? Map.of() : Map.copyOf(constants);
        strict = strict == null || strict.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(strict));
    }

    public ImportOptions(String defaultRegion, DateOrder dateOrder, Map<String, LeadStatus> statusValues) {
        this(defaultRegion, dateOrder, statusValues, ValueMaps.NONE, Map.of(), false, Set.of());
    }

    public ImportOptions withDateOrder(DateOrder order) {
        return new ImportOptions(defaultRegion, order, statusValues, valueMaps, constants, overrideConstants, strict);
    }
}
