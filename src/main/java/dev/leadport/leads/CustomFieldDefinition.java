package dev.leadport.leads;

import java.util.List;

/**
 * An admin-defined field on every lead.
 *
 * @param key the name used in mappings, exports and the API (letters, digits, underscore)
 * @param options the allowed values of a CHOICE field
 */
public record CustomFieldDefinition(
        long id,
        String key,
        String label,
        CustomFieldType type,
        List<String> options,
        boolean required,
        int position) {}
