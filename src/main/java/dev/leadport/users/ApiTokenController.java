package dev.leadport.users;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's personal API tokens. Tokens themselves cannot call this (see {@link TokenScopeRules}): a
 * token is made and revoked with a password or in the browser.
 */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {

    private final ApiTokens tokens;
    private final Users users;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Users users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping
    List<TokenView> list() {
        Instant now = clock.instant();
        return tokens.list(users.current()).stream()
                .map(t -> TokenView.of(t, now))
                .toList();
    }

    @PostMapping
    ResponseEntity<CreatedToken> create(@Valid @RequestBody NewToken request) {
        int days = request.expiresInDays() == null ? 90 : request.expiresInDays();
        ApiTokens.Created created = tokens.create(
                users.current(), request.name().strip(), EnumSet.copyOf(request.scopes()), Duration.ofDays(days));
        TokenView view = TokenView.of(created.token(), clock.instant());
        return ResponseEntity.created(URI.create("/api/tokens/" + view.id()))
                .body(new CreatedToken(view, created.secret()));
    }

    @DeleteMapping("/{id}")
    TokenView revoke(@PathVariable long id) {
        return TokenView.of(tokens.revoke(users.current(), id), clock.instant());
    }

    record NewToken(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty Set<TokenScope> scopes,
            @Min(1) @Max(3660) Integer expiresInDays) {}

    record TokenView(
            long id,
            String name,
            String hint,
            Set<TokenScope> scopes,
            ApiToken.State state,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt,
            String lastUsedAddress) {

        static TokenView of(ApiToken t, Instant now) {
            return new TokenView(
                    t.id(),
                    t.name(),
                    t.hint() + "…",
                    t.scopes(),
                    t.state(now),
                    t.createdAt(),
                    t.expiresAt(),
                    t.revokedAt(),
                    t.lastUsedAt(),
                    t.lastUsedAddress());
        }
    }

    /** The only answer that ever holds the secret. */
    record CreatedToken(TokenView token, String secret) {}
}
