package dev.leadport.exports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Export settings.
 *
 * @param fetchSize rows the database cursor hands over per round trip while streaming an export
 * @param previewRows rows the preview shows
 * @param fileRetention how long the file of a background export stays downloadable
 */
@ConfigurationProperties("leadport.exports")
record ExportProperties(
        @DefaultValue("2000") int fetchSize,
        @DefaultValue("20") int previewRows,
        @DefaultValue("7d") Duration fileRetention) {}
