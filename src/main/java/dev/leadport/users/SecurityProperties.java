package dev.leadport.users;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param bcryptStrength cost of the password hash (tests lower it to stay fast)
 * @param initialAdminPassword creates user admin with this password when the database has no users (prod)
 * @param loginThrottle how many failed sign-ins one username may have from one address before it must wait
 */
@ConfigurationProperties("leadport.security")
record SecurityProperties(
        @DefaultValue("10") int bcryptStrength,
        String initialAdminPassword,
        @DefaultValue LoginThrottleSettings loginThrottle) {

    /**
     * Failed sign-ins allowed per username and client address within a window; the next try, right or wrong, is
     * refused (429) until the window that began with the first failure has passed.
     *
     * @param maxFailures failures allowed per account (or unknown name) and address in one window
     * @param window how long a window lasts
     * @param maxFailuresPerAddress failures allowed from one address in one window, whatever the names tried
     */
    record LoginThrottleSettings(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("50") int maxFailuresPerAddress) {}
}
