package dev.leadport.schedules;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Scheduled export settings.
 *
 * @param fileRetention how long each run's file stays downloadable
 * @param maxAttachmentBytes files up to this size are attached to the mail; larger ones are sent as a link
 * @param maxAttempts how often a failing run is tried before it is recorded as FAILED
 * @param retryBackoff the wait after the first failed attempt; doubled after each further one
 * @param minInterval the shortest time a recurrence may leave between two runs (each run stores a file)
 * @param maxPerUser schedules one user may own
 * @param repRecipientDomains the mail domains (and their subdomains) a REP may send scheduled exports to besides
 *     their own address; empty means their own address only (MANAGERs and ADMINs may send anywhere)
 * @param repDestinationHosts the host names (and their subdomains) a REP may deliver to by SFTP or HTTPS; empty
 *     means REPs may only mail (MANAGERs and ADMINs may deliver anywhere the address rules allow)
 * @param allowPrivateAddresses let SFTP and HTTPS destinations be loopback, private or link-local addresses
 * @param allowHttp let HTTPS destinations be plain http:// URLs (for tests and trusted networks)
 * @param connectTimeout how long connecting to (and signing in at) a destination may take
 * @param uploadTimeout how long one file's upload may take
 */
@ConfigurationProperties("leadport.schedules")
record SchedulesProperties(
        @DefaultValue("30d") Duration fileRetention,
        @DefaultValue("5MB") DataSize maxAttachmentBytes,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("1h") Duration minInterval,
        @DefaultValue("20") int maxPerUser,
        @DefaultValue List<String> repRecipientDomains,
        @DefaultValue List<String> repDestinationHosts,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("20s") Duration connectTimeout,
        @DefaultValue("10m") Duration uploadTimeout) {}
