package dev.leadport.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings.
 *
 * @param timeout how long one attempt may take (connect and answer) before it counts as failed
 * @param maxAttempts attempts per delivery before it is marked FAILED
 * @param retryBackoff the wait before the first retry; it doubles with each further one
 * @param allowPrivateAddresses whether endpoints may resolve to loopback, private or link-local addresses
 */
@ConfigurationProperties("leadport.webhooks")
record WebhookProperties(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("false") boolean allowPrivateAddresses) {}
