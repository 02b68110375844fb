package dev.leadport.users;

import java.time.Instant;
import java.util.Set;

/** A personal API token was created, used from an address it had not been used from, or revoked; audited. */
public record ApiTokenChanged(
        Change change,
        long tokenId,
        String tokenName,
        String hint,
        Set<TokenScope> scopes,
        long userId,
        String username,
        String address,
        Instant at) {

    public enum Change {
        CREATED,
        USED_FROM_NEW_ADDRESS,
        REVOKED
    }
}
