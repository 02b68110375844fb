package dev.leadport.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and client address, in this node's memory: a node that restarts forgets
 * them, and behind a load balancer without sticky sessions a guesser gets the allowance once per node.
 */
@Component
class LoginThrottle {

    /** Past this many tracked keys, expired ones are dropped on the next failure, so memory stays bounded. */
    private static final int PURGE_ABOVE = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final SecurityProperties.LoginThrottleSettings settings;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.settings = properties.loginThrottle();
        this.clock = clock;
    }

    /** How long this username must wait before trying again from this address, if it must. */
    Optional<Duration> waitFor(String username, String address) {
        Failures f = failures.get(key(username, address));
        Instant now = clock.instant();
        if (f == null || f.expired(now, settings.window()) || f.count() < settings.maxFailures()) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, f.windowStart().plus(settings.window())));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > PURGE_ABOVE) {
            failures.values().removeIf(f -> f.expired(now, settings.window()));
        }
        failures.compute(
                key(username, address),
                (k, f) -> f == null || f.expired(now, settings.window())
                        ? new Failures(1, now)
                        : new Failures(f.count() + 1, f.windowStart()));
    }

    void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        address(event.getAuthentication())
                .ifPresent(a -> failed(event.getAuthentication().getName(), a));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        address(event.getAuthentication())
                .ifPresent(a -> succeeded(event.getAuthentication().getName(), a));
    }

    private static Optional<String> address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? Optional.ofNullable(details.getRemoteAddress())
                : Optional.empty();
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "|" + address;
    }

    private record Failures(int count, Instant windowStart) {
        boolean expired(Instant now, Duration window) {
            return !now.isBefore(windowStart.plus(window));
        }
    }
}
