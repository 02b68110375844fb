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
 * @param exactCountLimit the most matches a page of the leads list counts exactly; when more match, it reports the
 *     planner's estimate instead (the bulk dry run and {@code total=exact} still count them all)
 */
@ConfigurationProperties("leadport.leads")
public record LeadsProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("US") String defaultPhoneRegion,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("10000") int analyzeAfterChanges,
        @DefaultValue("10000") int exactCountLimit) {}
