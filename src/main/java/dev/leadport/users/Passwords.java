package dev.leadport.users;

import dev.leadport.shared.ForbiddenException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing passwords: a user changes their own by giving the current one, an ADMIN sets a new one for anyone. Both
 * keep the rules of a new user's password, are written to the audit trail (as a user change with a new password)
 * and sign the user out of their other sessions on every node.
 */
@Service
public class Passwords {

    /** The same lengths a new user's password has in the users API. */
    static final int MIN_LENGTH = 4;

    static final int MAX_LENGTH = 200;

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Passwords(UserRepository repository, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /** Sets the signed-in user's new password after checking their current one. */
    @Transactional
    public void changeOwn(CurrentUser me, String currentPassword, String newPassword) {
        UserRepository.StoredUser user = repository
                .findById(me.id())
                .orElseThrow(() -> new ForbiddenException("Your account no longer exists."));
        List<FieldProblem> problems = new ArrayList<>();
        if (currentPassword == null || currentPassword.isEmpty()) {
            problems.add(new FieldProblem("currentPassword", "enter your current password"));
        } else if (!encoder.matches(currentPassword, user.passwordHash())) {
            problems.add(new FieldProblem("currentPassword", "is not your current password"));
        }
        problems.addAll(rules(newPassword));
        if (problems.isEmpty() && encoder.matches(newPassword, user.passwordHash())) {
            problems.add(new FieldProblem("newPassword", "is your current password; choose a new one"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        set(user.account(), newPassword, me);
    }

    /** An ADMIN sets a new password for another user (or themselves), without knowing the old one. */
    @Transactional
    public void reset(CurrentUser admin, long userId, String newPassword) {
        if (!admin.isAdmin()) {
            throw new ForbiddenException("Only an ADMIN may set another user's password.");
        }
        UserAccount account = repository
                .findById(userId)
                .map(UserRepository.StoredUser::account)
                .orElseThrow(
                        () -> new dev.leadport.shared.NotFoundException("There is no user with id " + userId + "."));
        List<FieldProblem> problems = rules(newPassword);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        set(account, newPassword, admin);
    }

    private void set(UserAccount account, String newPassword, CurrentUser actor) {
        repository.updatePassword(account.id(), encoder.encode(newPassword));
        events.publishEvent(new UserChanged(
                UserChanged.Change.UPDATED,
                account.id(),
                account.username(),
                account.role(),
                account.role(),
                account.enabled(),
                true,
                actor.id(),
                actor.username(),
                clock.instant()));
    }

    private static List<FieldProblem> rules(String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isBlank()) {
            problems.add(new FieldProblem("newPassword", "enter a new password"));
        } else if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            problems.add(new FieldProblem(
                    "newPassword", "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"));
        }
        return problems;
    }
}
