package dev.leadport.imports.validation;

import dev.leadport.imports.mapping.HeaderNames;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the owner written in a file (a username, an email or a user's full name) into a user id, once per import from
 * one look-up of all users. An owner that is no user, or a user a REP may not name, is a warning: the lead goes to
 * the importer.
 */
public final class OwnerResolver {

    private final Map<String, UserAccount> byLogin = new HashMap<>();
    private final Map<String, UserAccount> byName = new HashMap<>();
    private final List<UserAccount> users;
    private final CurrentUser actor;

    public OwnerResolver(List<UserAccount> users, CurrentUser actor) {
        this.users = List.copyOf(users);
        this.actor = actor;
        for (UserAccount user : users) {
            byLogin.put(user.username().toLowerCase(Locale.ROOT), user);
            if (user.email() != null) {
                byLogin.putIfAbsent(user.email().toLowerCase(Locale.ROOT), user);
            }
        }
        Map<String, Integer> nameCounts = new HashMap<>();
        users.stream()
                .filter(u -> u.displayName() != null && !u.displayName().isBlank())
                .forEach(u -> nameCounts.merge(HeaderNames.words(u.displayName()), 1, Integer::sum));
        // A full name two users share names neither of them.
        for (UserAccount user : users) {
            if (user.displayName() != null && nameCounts.getOrDefault(HeaderNames.words(user.displayName()), 0) == 1) {
                byName.put(HeaderNames.words(user.displayName()), user);
            }
        }
    }

    /** The user a file's owner text names: by username or email, else by full name. */
    public Optional<UserAccount> find(String owner) {
        if (owner == null || owner.isBlank()) {
            return Optional.empty();
        }
        UserAccount user = byLogin.get(owner.strip().toLowerCase(Locale.ROOT));
        return user != null ? Optional.of(user) : Optional.ofNullable(byName.get(HeaderNames.words(owner)));
    }

    /** Every user's normalised full name and username, for suggestions; to their username. */
    public Map<String, String> namesToUsernames() {
        Map<String, String> names = new HashMap<>();
        byName.forEach((name, user) -> names.put(name, user.username()));
        byLogin.values().forEach(user -> names.putIfAbsent(HeaderNames.words(user.username()), user.username()));
        return names;
    }

    /** The users the importer may give leads to, in the users' order. */
    public List<UserAccount> assignable() {
        return users.stream().filter(this::mayAssign).toList();
    }

    /** Who gets a lead whose owner is unknown. */
    public String importerName() {
        return actor.username();
    }

    /** Whether the importer may give leads to this user (a REP only to themselves). */
    public boolean mayAssign(UserAccount user) {
        return actor.seesAllLeads() || user.id() == actor.id();
    }

    /** The owner's id; null for a blank owner (the importer, or unchanged on update), with a warning when unknown. */
    public Resolved resolve(String owner) {
        if (owner == null || owner.isBlank()) {
            return new Resolved(null, null);
        }
        Optional<UserAccount> user = find(owner);
        if (user.isEmpty()) {
            return new Resolved(null, "there is no user '" + owner.strip() + "'; " + importer());
        }
        if (!mayAssign(user.get())) {
            return new Resolved(
                    null, "a REP imports leads only for themselves, not for '" + owner.strip() + "'; " + importer());
        }
        return new Resolved(user.get().id(), null);
    }

    private String importer() {
        return "a new lead is owned by the importer, " + actor.username();
    }

    public record Resolved(Long id, String problem) {}
}
