package dev.leadport.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and client address in PostgreSQL ({@code login_failure}), so every node sees
 * the same count: behind a load balancer a guesser gets the allowance once, whichever node answers, and a restart
 * forgets nothing. Rows of ended windows are deleted whenever a failure is counted.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final SecurityProperties.LoginThrottleSettings settings;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.loginThrottle();
        this.clock = clock;
    }

    /** How long this username must wait before trying again from this address, if it must. */
    Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("select failures, window_start from login_failure where key = :key")
                .param("key", key(username, address))
                .query((rs, row) -> new Failures(
                        rs.getInt("failures"),
                        rs.getObject("window_start", OffsetDateTime.class).toInstant()))
                .optional()
                .filter(f -> !f.expired(now, settings.window()) && f.count() >= settings.maxFailures())
                .map(f -> Duration.between(now, f.windowStart().plus(settings.window())));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime ended = at.minus(settings.window());
        jdbc.sql("""
                        insert into login_failure as f (key, failures, window_start) values (:key, 1, :now)
                        on conflict (key) do update
                        set failures = case when f.window_start <= :ended then 1 else f.failures + 1 end,
                            window_start = case when f.window_start <= :ended then :now else f.window_start end
                        """)
                .param("key", key(username, address))
                .param("now", at)
                .param("ended", ended)
                .update();
        jdbc.sql("delete from login_failure where window_start <= :ended")
                .param("ended", ended)
                .update();
    }

    void succeeded(String username, String address) {
        jdbc.sql("delete from login_failure where key = :key")
                .param("key", key(username, address))
                .update();
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        address(event.getAuthentication())
                .ifPresent(a -> quietly(() -> failed(event.getAuthentication().getName(), a)));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        address(event.getAuthentication())
                .ifPresent(
                        a -> quietly(() -> succeeded(event.getAuthentication().getName(), a)));
    }

    /** Counting must not turn a sign-in's answer into an error: without the database the count waits. */
    private static void quietly(Runnable count) {
        try {
            count.run();
        } catch (DataAccessException e) {
            log.warn("Could not count a sign-in for the throttle: {}", e.getMessage());
        }
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
