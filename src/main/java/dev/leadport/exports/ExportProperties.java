package dev.leadport.exports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Export settings.
 *
 * @param fetchSize rows the database cursor hands over per round trip while streaming an export
 * @param previewRows rows the preview shows
 */
@ConfigurationProperties("leadport.exports")
public record ExportProperties(
        @DefaultValue("2000") int fetchSize,
        @DefaultValue("20") int previewRows) {}
