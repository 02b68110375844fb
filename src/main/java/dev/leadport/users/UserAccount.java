package dev.leadport.users;

import java.time.Instant;

/** A user as other modules and API clients see it; never carries the password hash. */
public record UserAccount(
        long id,
        String username,
        String email,
        String displayName,
        UserRole role,
        boolean enabled,
        boolean notifyByEmail,
        Instant createdAt) {}
