package dev.leadport.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
 * Counts failed sign-ins per account and client address, and per address alone, in PostgreSQL
 * ({@code login_failure}), so every node sees the same count: behind a load balancer a guesser gets the allowance
 * once, whichever node answers, and a restart forgets nothing. A typed name is resolved to its account first, so
 * {@code victim} and {@code victim@example.com} share one allowance. Rows of ended windows are deleted whenever a
 * failure is counted.
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
        Optional<Duration> account = waitFor(key(username, address), settings.maxFailures(), now);
        Optional<Duration> fromAddress = waitFor(addressKey(address), settings.maxFailuresPerAddress(), now);
        return account.isPresent() && fromAddress.isPresent()
                ? Optional.of(account.get().compareTo(fromAddress.get()) >= 0 ? account.get() : fromAddress.get())
                : account.or(() -> fromAddress);
    }

    private Optional<Duration> waitFor(String key, int maxFailures, Instant now) {
        return jdbc.sql("select failures, window_start from login_failure where key = :key")
                .param("key", key)
                .query((rs, row) -> new Failures(
                        rs.getInt("failures"),
                        rs.getObject("window_start", OffsetDateTime.class).toInstant()))
                .optional()
                .filter(f -> !f.expired(now, settings.window()) && f.count() >= maxFailures)
                .map(f -> Duration.between(now, f.windowStart().plus(settings.window())));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime ended = at.minus(settings.window());
        for (String key : List.of(key(username, address), addressKey(address))) {
            jdbc.sql("""
                            insert into login_failure as f (key, failures, window_start) values (:key, 1, :now)
                            on conflict (key) do update
                            set failures = case when f.window_start <= :ended then 1 else f.failures + 1 end,
                                window_start = case when f.window_start <= :ended then :now else f.window_start end
                            """)
                    .param("key", key)
                    .param("now", at)
                    .param("ended", ended)
                    .update();
        }
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

    /** The account a typed name (username or email) signs in to, or the name itself when there is none. */
    private String key(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<Long> account =
                jdbc.sql("""
                        select id from app_user where lower(username) = :name or lower(email) = :name
                        order by (lower(username) = :name) desc limit 1
                        """).param("name", name).query(Long.class).optional();
        return account.map(id -> "account:" + id).orElse("name:" + name) + "|" + address;
    }

    private static String addressKey(String address) {
        return "address|" + address;
    }

    private record Failures(int count, Instant windowStart) {
        boolean expired(Instant now, Duration window) {
            return !now.isBefore(windowStart.plus(window));
        }
    }
}
