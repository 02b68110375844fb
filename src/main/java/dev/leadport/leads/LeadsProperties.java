package dev.leadport.leads;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lead settings.
 *
 * @param timeZone the zone in which date filters (whole days) are read
 * @param defaultPhoneRegion the region assumed for phone numbers written without a country code
 * @param maxPageSize the largest page the leads list returns
 * @param analyzeAfterChanges leads an import, undo or bulk operation must change before the lead table's planner
 *     statistics are refreshed at its end
 */
@ConfigurationProperties("leadport.leads")
public record LeadsProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("US") String defaultPhoneRegion,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("10000") int analyzeAfterChanges) {}
