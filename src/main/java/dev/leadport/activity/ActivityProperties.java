package dev.leadport.activity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Activity log settings.
 *
 * @param retention how long entries are kept; older ones are purged by a background job
 * @param purgeInterval how often that job runs
 * @param loginSuccessInterval a user's successful sign-ins are recorded at most once per this interval (API clients
 *     sign in on every call with HTTP Basic); failures are always recorded
 * @param maxPageSize the largest page the activity list returns
 */
@ConfigurationProperties("leadport.activity")
record ActivityProperties(
        @DefaultValue("365d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("15m") Duration loginSuccessInterval,
        @DefaultValue("200") int maxPageSize) {}
