package dev.leadport.bulk;

import java.util.Map;

/**
 * The checked parameters of an operation as stored with it, so a job on any node applies exactly what was asked.
 *
 * @param status the new status, or null to keep it
 * @param setSource whether to change the source (to {@code source}, which may be null to clear it)
 * @param custom custom values to set, in stored form
 * @param ownerId the new owner of an assign
 * @param filter the filter that chose the leads, for the record; null when ids were given
 * @param undoOf the operation an undo reverts
 */
record BulkParameters(
        String status,
        boolean setSource,
        String source,
        Map<String, Object> custom,
        Long ownerId,
        Map<String, Object> filter,
        Long undoOf) {

    BulkParameters {
        custom = custom == null ? Map.of() : custom;
    }

    static BulkParameters none() {
        return new BulkParameters(null, false, null, Map.of(), null, null, null);
    }
}
