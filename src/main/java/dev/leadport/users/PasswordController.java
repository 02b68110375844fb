package dev.leadport.users;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Passwords: your own (with the current one), and an ADMIN's reset of anyone's. */
@RestController
@RequestMapping("/api/users")
class PasswordController {

    private final Passwords passwords;
    private final Users users;

    PasswordController(Passwords passwords, Users users) {
        this.passwords = passwords;
        this.users = users;
    }

    @PutMapping("/me/password")
    @Operation(
            summary = "Change your own password",
            description = "Needs the current password; the new one follows the rules of a new user's password (4 to"
                    + " 200 characters). Your other sessions are signed out; this one stays signed in.")
    ResponseEntity<Void> changeOwn(@RequestBody OwnPasswordChange change) {
        passwords.changeOwn(users.current(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/password")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Set a user's password (ADMIN)",
            description = "Sets a new password without the old one and signs the user out of every session.")
    ResponseEntity<Void> reset(@PathVariable long id, @RequestBody PasswordReset reset) {
        passwords.reset(users.current(), id, reset.newPassword());
        return ResponseEntity.noContent().build();
    }

    record OwnPasswordChange(String currentPassword, String newPassword) {}

    record PasswordReset(String newPassword) {}
}
