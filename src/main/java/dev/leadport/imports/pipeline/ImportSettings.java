package dev.leadport.imports.pipeline;

import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.reading.ReadOptions;
import dev.leadport.imports.validation.ImportOptions;
import dev.leadport.imports.validation.OwnerResolver;
import java.util.List;

/** Everything needed to read and check a file's rows the same way in a validation and in the import itself. */
public record ImportSettings(
        ColumnMapping mapping,
        ImportOptions options,
        List<CustomFieldSpec> customFields,
        OwnerResolver owners,
        ReadOptions readOptions,
        boolean savedMappingApplied) {}
