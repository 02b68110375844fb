package dev.leadport.users;

import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code lp_} and 32 random bytes in Base64url. Only the SHA-256 of the secret is stored, so a
 * copy of the database opens nothing; the secret is returned once, when the token is created.
 */
@Component
class ApiTokens {

    static final String PREFIX = "lp_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository repository;
    private final ApiAuthProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(
            ApiTokenRepository repository,
            ApiAuthProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A token just created: its stored view and the secret, which is never shown again. */
    record Created(ApiToken token, String secret) {}

    @Transactional
    Created create(CurrentUser user, String name, Set<TokenScope> scopes, Duration lifetime) {
        Set<TokenScope> allowed = TokenScope.allowedFor(user.role());
        List<String> refused = new ArrayList<>();
        scopes.stream().filter(s -> !allowed.contains(s)).forEach(s -> refused.add(s.name()));
        if (!refused.isEmpty()) {
            throw new InvalidInputException(
                    "scopes",
                    "A " + user.role() + " may not give a token the scope " + String.join(", ", refused) + ".");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(properties.tokenMaxLifetime()) > 0) {
            throw new InvalidInputException(
                    "expiresInDays",
                    "A token lasts from 1 to " + properties.tokenMaxLifetime().toDays() + " days.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        String hint = secret.substring(0, PREFIX.length() + 6);
        long id = repository.insert(user.id(), name, hint, sha256(secret), scopes, now, now.plus(lifetime));
        ApiToken token = repository.find(id).orElseThrow();
        events.publishEvent(event(ApiTokenChanged.Change.CREATED, token, user.username(), null, now));
        return new Created(token, secret);
    }

    List<ApiToken> list(CurrentUser user) {
        return repository.listForUser(user.id());
    }

    @Transactional
    ApiToken revoke(CurrentUser user, long id) {
        ApiToken token = repository
                .find(id)
                .filter(t -> t.userId() == user.id())
                .orElseThrow(() -> new NotFoundException("You have no API token with id " + id + "."));
        Instant now = clock.instant();
        if (repository.revoke(id, now)) {
            events.publishEvent(event(ApiTokenChanged.Change.REVOKED, token, user.username(), null, now));
        }
        return repository.find(id).orElseThrow();
    }

    /**
     * The sign-in a secret stands for: the token's user with their current role, and the token's scopes as far as
     * that role still allows them. Empty for an unknown, revoked or expired token or a disabled user.
     */
    Optional<Authentication> authenticate(String secret, String address) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return repository.findUsable(sha256(secret), now).map(usable -> {
            ApiToken token = usable.token();
            repository.touch(token.id(), address, now);
            if (repository.rememberAddress(token.id(), address, now)) {
                events.publishEvent(
                        event(ApiTokenChanged.Change.USED_FROM_NEW_ADDRESS, token, usable.username(), address, now));
            }
            LeadportUserDetails details =
                    new LeadportUserDetails(token.userId(), usable.username(), null, usable.role(), true);
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(usable.role().authority()));
            Set<TokenScope> effective = EnumSet.noneOf(TokenScope.class);
            effective.addAll(token.scopes());
            effective.retainAll(TokenScope.allowedFor(usable.role()));
            effective.forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
            return UsernamePasswordAuthenticationToken.authenticated(details, null, authorities);
        });
    }

    static boolean hasScope(Authentication authentication, TokenScope scope) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> scope.authority().equals(a.getAuthority()));
    }

    private static ApiTokenChanged event(
            ApiTokenChanged.Change change, ApiToken token, String username, String address, Instant at) {
        return new ApiTokenChanged(
                change, token.id(), token.name(), token.hint(), token.scopes(), token.userId(), username, address, at);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
