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
 */
@ConfigurationProperties("leadport.leads")
public record LeadsProperties(
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("US") String defaultPhoneRegion,
        @DefaultValue("500") int maxPageSize) {}
