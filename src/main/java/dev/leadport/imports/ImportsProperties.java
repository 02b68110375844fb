package dev.leadport.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Import settings.
 *
 * @param maxUploadSize the largest file accepted (also applied to multipart uploads)
 * @param chunkRows rows written and checkpointed per transaction
 * @param maxFieldLength the longest cell accepted; longer ones are row errors
 * @param maxErrorsInResponse how many row errors a validation answer lists (the total is always given)
 * @param sampleRows how many rows a validation answer shows as they would be stored
 * @param fileRetention how long uploaded files (and so error reports) are kept
 * @param jobRetries how often the job engine retries an import whose database stayed away, before it fails
 * @param jobRetryBackoff the wait between those retries
 * @param chunkWorkMem PostgreSQL's work_mem for a chunk's merge, whose sort by email spills to disk at the default
 * @param progressInterval how often the progress stream sends an import's state
 * @param progressTimeout how long one progress stream stays open at most
 */
@ConfigurationProperties("leadport.imports")
public record ImportsProperties(
        @DefaultValue("200MB") DataSize maxUploadSize,
        @DefaultValue("20000") int chunkRows,
        @DefaultValue("10000") int maxFieldLength,
        @DefaultValue("200") int maxErrorsInResponse,
        @DefaultValue("10") int sampleRows,
        @DefaultValue("30d") Duration fileRetention,
        @DefaultValue("8") int jobRetries,
        @DefaultValue("2s") Duration jobRetryBackoff,
        @DefaultValue("32MB") DataSize chunkWorkMem,
        @DefaultValue("500ms") Duration progressInterval,
        @DefaultValue("2h") Duration progressTimeout) {}
