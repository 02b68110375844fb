package dev.leadport.users;

import dev.leadport.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The users module's facade: who is signed in, and looking users up for ownership and notifications. */
@Service
public class Users {

    private final UserRepository repository;

    Users(UserRepository repository) {
        this.repository = repository;
    }

    /** The user of the current request; fails when there is none, which the security chain prevents. */
    public CurrentUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LeadportUserDetails details) {
            return details.toCurrentUser();
        }
        throw new AuthenticationCredentialsNotFoundException("No signed-in user");
    }

    public Optional<UserAccount> find(long id) {
        return repository.findById(id).map(UserRepository.StoredUser::account);
    }

    public UserAccount get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("There is no user with id " + id + "."));
    }

    /** Finds a user by id, username or email, the ways an owner is written in files and filters. */
    public Optional<UserAccount> findByReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.strip();
        if (ref.chars().allMatch(Character::isDigit) && ref.length() < 19) {
            Optional<UserAccount> byId = find(Long.parseLong(ref));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return repository.findByLogin(ref).map(UserRepository.StoredUser::account);
    }

    public List<UserAccount> all() {
        return repository.findAll().stream()
                .map(UserRepository.StoredUser::account)
                .toList();
    }

    /** Every user's username by id, for naming owners and creators in lists: users are few, leads are many. */
    public Map<Long, String> usernamesById() {
        return all().stream().collect(Collectors.toMap(UserAccount::id, UserAccount::username, (a, b) -> a));
    }

    /** The scopes a personal API token of this user may hold. */
    public java.util.Set<TokenScope> tokenScopesOf(CurrentUser user) {
        return TokenScope.allowedFor(user.role());
    }

    public CurrentUser asCurrentUser(UserAccount account) {
        return new CurrentUser(account.id(), account.username(), account.role());
    }
}
