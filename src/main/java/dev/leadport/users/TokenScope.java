package dev.leadport.users;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a personal API token may do. A token never holds a scope its user's role could not use: REPs and MANAGERs may
 * not have {@link #ADMIN}, and the role's own rules still apply to every call.
 */
public enum TokenScope {
    /** Every GET: leads, imports, operations, activity, schedules, users. */
    READ,
    /** Validate, start, cancel and undo imports. */
    IMPORT,
    /** Exports (streamed and background) and changes to export schedules. */
    EXPORT,
    /** Changing leads: single create, change and delete, and every bulk operation. */
    BULK,
    /** User, custom field and webhook administration. */
    ADMIN;

    static Set<TokenScope> allowedFor(UserRole role) {
        return role == UserRole.ADMIN ? EnumSet.allOf(TokenScope.class) : EnumSet.of(READ, IMPORT, EXPORT, BULK);
    }

    String authority() {
        return "SCOPE_" + name();
    }
}
