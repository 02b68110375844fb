package dev.leadport.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk operation settings.
 *
 * @param maxIds the most ids one request may list
 * @param jobThreshold operations on more leads than this run as a background job (202) instead of answering at once
 * @param chunkSize leads changed per transaction
 * @param maxResultsInResponse per-lead results included in a JSON answer; all of them are in the results CSV
 * @param recycleBinRetention how long deleted leads stay restorable before they are purged
 * @param purgeInterval how often the purge of the recycle bin runs
 * @param jobRetries how often the job engine retries an operation whose database stayed away, before it fails
 * @param jobRetryBackoff the wait between those retries
 */
@ConfigurationProperties("leadport.bulk")
record BulkProperties(
        @DefaultValue("100000") int maxIds,
        @DefaultValue("10000") int jobThreshold,
        @DefaultValue("5000") int chunkSize,
        @DefaultValue("10000") int maxResultsInResponse,
        @DefaultValue("30d") Duration recycleBinRetention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("8") int jobRetries,
        @DefaultValue("2s") Duration jobRetryBackoff) {}
