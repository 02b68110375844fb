package dev.leadport.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail notification settings; the SMTP server itself is configured with {@code spring.mail.*}.
 *
 * @param baseUrl the address users reach Leadport at, for the absolute links in mails
 * @param from the sender address
 * @param maxAttempts how often a mail is tried before it is marked FAILED
 * @param retryBackoff the wait after the first failed attempt; doubled after each further one
 * @param quickJobThreshold exports and validations that finish faster than this (and do not fail) get no mail,
 *     since the user is still watching; imports and bulk operations always do
 */
@ConfigurationProperties("leadport.notifications")
record NotificationProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Leadport <noreply@leadport.local>") String from,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("30s") Duration quickJobThreshold) {

    /** The absolute form of a link such as {@code /api/imports/7/errors}. */
    public String absolute(String link) {
        if (link == null || link.startsWith("http://") || link.startsWith("https://")) {
            return link;
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (link.startsWith("/") ? link : "/" + link);
    }
}
