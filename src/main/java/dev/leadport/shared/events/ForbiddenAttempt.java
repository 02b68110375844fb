package dev.leadport.shared.events;

import java.time.Instant;

/**
 * A signed-in user was refused something by a service rule (a {@code ForbiddenException}); the audit trail records
 * it. Requests refused by the security rules themselves surface as Spring Security's {@code AuthorizationDeniedEvent}.
 */
public record ForbiddenAttempt(String username, String method, String path, String reason, Instant at) {}
