package dev.leadport.users;

import java.util.Optional;

/**
 * Which scope a call made with a personal API token needs. Empty means tokens may not make the call at all: a token
 * cannot create or revoke tokens, change a password or its user's preferences, so a leaked token cannot entrench
 * itself or take the account over.
 */
final class TokenScopeRules {

    private static final String IE = "/api/leads/import-export";

    private TokenScopeRules() {}

    static Optional<TokenScope> required(String method, String path) {
        if (path.startsWith("/api/tokens")
                || path.equals("/api/users/me/preferences")
                || (path.startsWith("/api/users/") && path.endsWith("/password"))) {
            return Optional.empty();
        }
        if (path.startsWith("/api/webhooks")) {
            return Optional.of(TokenScope.ADMIN);
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (read) {
            return Optional.of(path.startsWith(IE + "/export") ? TokenScope.EXPORT : TokenScope.READ);
        }
        if (path.startsWith("/api/users") || path.startsWith("/api/custom-fields")) {
            return Optional.of(TokenScope.ADMIN);
        }
        if (path.startsWith(IE + "/validate")
                || path.startsWith(IE + "/import")
                || path.startsWith(IE + "/mappings")
                || path.startsWith(IE + "/uploads")) {
            return Optional.of(TokenScope.IMPORT);
        }
        if (path.startsWith(IE + "/export") || path.startsWith(IE + "/schedules")) {
            return Optional.of(TokenScope.EXPORT);
        }
        if (path.startsWith("/api/leads")) {
            return Optional.of(TokenScope.BULK);
        }
        return Optional.of(TokenScope.ADMIN);
    }
}
