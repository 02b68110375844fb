package dev.leadport.imports;

import java.util.List;

/** Everything needed to read and check a file's rows the same way in a validation and in the import itself. */
record ImportSettings(
        ColumnMapping mapping,
        ImportOptions options,
        List<CustomFieldSpec> customFields,
        OwnerResolver owners,
        ReadOptions readOptions,
        boolean savedMappingApplied) {}
