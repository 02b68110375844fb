package dev.leadport.users;

import dev.leadport.shared.ConflictException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and roles. Everyone may list users (to pick owners); only ADMINs create or change them. */
@RestController
@RequestMapping("/api/users")
class UserController {

    private final Users users;
    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LastAdminGuard lastAdmin;

    UserController(
            Users users,
            UserRepository repository,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            Clock clock,
            LastAdminGuard lastAdmin) {
        this.lastAdmin = lastAdmin;
        this.users = users;
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping
    List<UserAccount> list() {
        return users.all();
    }

    @GetMapping("/me")
    UserAccount me() {
        return users.get(users.current().id());
    }

    @PutMapping("/me/preferences")
    UserAccount updatePreferences(@Valid @RequestBody Preferences preferences) {
        long id = users.current().id();
        repository.updateNotifyByEmail(id, preferences.notifyByEmail());
        return users.get(id);
    }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<UserAccount> create(@Valid @RequestBody NewUser request) {
        long id;
        try {
            id = repository.insert(
                    request.username(),
                    blankToNull(request.email()),
                    request.displayName() == null ? request.username() : request.displayName(),
                    passwordEncoder.encode(request.password()),
                    request.role());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("username", "A user with this username or email already exists.");
        }
        UserAccount created = users.get(id);
        publish(UserChanged.Change.CREATED, null, created, true);
        return ResponseEntity.created(URI.create("/api/users/" + id)).body(created);
    }

    /**
     * A partial update: a field that is omitted (or null) keeps its value; an empty {@code email} clears it. A change
     * that would leave no enabled ADMIN is refused with 409.
     */
    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserAccount update(@PathVariable long id, @Valid @RequestBody UserChange change) {
        UserAccount existing = users.get(id);
        UserRole role = change.role() == null ? existing.role() : change.role();
        boolean enabled = change.enabled() == null ? existing.enabled() : change.enabled();
        String email = change.email() == null ? existing.email() : blankToNull(change.email());
        String displayName = change.displayName() == null ? existing.displayName() : change.displayName();
        try {
            lastAdmin.change(existing, role, enabled, () -> repository.update(id, email, displayName, role, enabled));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email", "Another user already has this email.");
        }
        if (change.password() != null && !change.password().isBlank()) {
            repository.updatePassword(id, passwordEncoder.encode(change.password()));
        }
        UserAccount updated = users.get(id);
        publish(
                UserChanged.Change.UPDATED,
                existing.role(),
                updated,
                change.password() != null && !change.password().isBlank());
        return updated;
    }

    private void publish(UserChanged.Change change, UserRole previousRole, UserAccount account, boolean password) {
        CurrentUser actor = users.current();
        events.publishEvent(new UserChanged(
                change,
                account.id(),
                account.username(),
                previousRole,
                account.role(),
                account.enabled(),
                password,
                actor.id(),
                actor.username(),
                clock.instant()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    record NewUser(
            @NotBlank
            @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may hold letters, digits, . _ @ -")
            String username,

            @Email @Size(max = 254) String email,
            @Size(max = 200) String displayName,
            @NotBlank @Size(min = 4, max = 200) String password,
            @NotNull UserRole role) {}

    record UserChange(
            @Email @Size(max = 254) String email,
            @Size(max = 200) String displayName,
            @Size(min = 4, max = 200) String password,
            UserRole role,
            Boolean enabled) {}

    record Preferences(boolean notifyByEmail) {}
}
