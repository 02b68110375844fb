package dev.leadport.users;

import java.time.Instant;

/**
 * A user was created or changed by an ADMIN; the audit trail records it. Never carries a password, only whether one
 * was set.
 */
public record UserChanged(
        Change change,
        long userId,
        String username,
        UserRole previousRole,
        UserRole role,
        boolean enabled,
        boolean passwordChanged,
        long actorId,
        String actorUsername,
        Instant at) {

    public enum Change {
        CREATED,
        UPDATED
    }
}
