package dev.leadport.users;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scripts sign in to the API.
 *
 * @param passwordAuth whether the API takes a user's password by HTTP Basic; {@code false} (the {@code prod} profile)
 *     leaves personal API tokens as the only way in for scripts
 * @param tokenMaxLifetime the longest expiry a personal API token may be given
 */
@ConfigurationProperties("leadport.security.api")
record ApiAuthProperties(
        @DefaultValue("true") boolean passwordAuth,
        @DefaultValue("366d") Duration tokenMaxLifetime) {}
