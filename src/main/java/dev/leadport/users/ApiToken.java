package dev.leadport.users;

import java.time.Instant;
import java.util.Set;

/** A personal API token as its owner sees it: never the secret, never its hash. */
record ApiToken(
        long id,
        long userId,
        String name,
        String hint,
        Set<TokenScope> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String lastUsedAddress) {

    enum State {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresAt.isAfter(now) ? State.ACTIVE : State.EXPIRED;
    }
}
