package dev.leadport.imports.validation;

import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the owner written in a file (a username or an email) into a user id, once per import from one look-up of
 * all users. A REP may only name themselves.
 */
public final class OwnerResolver {

    private final Map<String, Long> ids = new HashMap<>();
    private final CurrentUser actor;

    public OwnerResolver(List<UserAccount> users, CurrentUser actor) {
        this.actor = actor;
        for (UserAccount user : users) {
            ids.put(user.username().toLowerCase(Locale.ROOT), user.id());
            if (user.email() != null) {
                ids.putIfAbsent(user.email().toLowerCase(Locale.ROOT), user.id());
            }
        }
    }

    /** The owner's id; null for a blank owner (the importer, or unchanged on update). */
    public Resolved resolve(String owner) {
        if (owner == null || owner.isBlank()) {
            return new Resolved(null, null);
        }
        Long id = ids.get(owner.strip().toLowerCase(Locale.ROOT));
        if (id == null) {
            return new Resolved(null, "there is no user '" + owner.strip() + "'");
        }
        if (!actor.seesAllLeads() && id != actor.id()) {
            return new Resolved(null, "a REP can import leads only for themselves, not for '" + owner.strip() + "'");
        }
        return new Resolved(id, null);
    }

    public record Resolved(Long id, String problem) {}
}
