package dev.leadport.web;

import dev.leadport.shared.InvalidInputException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Passwords;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The password forms: your own (with the current password) and an ADMIN's reset of another user's. */
@Controller
class AccountPageController {

    private final Passwords passwords;
    private final Users users;

    AccountPageController(Passwords passwords, Users users) {
        this.passwords = passwords;
        this.users = users;
    }

    @GetMapping("/settings/password")
    String ownForm(Model model) {
        return form(model, null, Map.of());
    }

    @PostMapping("/settings/password")
    String changeOwn(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword,
            Model model,
            RedirectAttributes redirect) {
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            return form(model, null, Map.of("confirmPassword", "does not match the new password"));
        }
        try {
            passwords.changeOwn(users.current(), currentPassword, newPassword);
        } catch (InvalidInputException e) {
            return form(model, null, LeadForm.byField(e.problems()));
        }
        redirect.addAttribute("done", "password-changed");
        return "redirect:/settings";
    }

    @GetMapping("/settings/users/{id}/password")
    String resetForm(@PathVariable long id, Model model) {
        requireAdmin();
        return form(model, users.get(id), Map.of());
    }

    @PostMapping("/settings/users/{id}/password")
    String reset(
            @PathVariable long id,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword,
            Model model,
            RedirectAttributes redirect) {
        requireAdmin();
        UserAccount user = users.get(id);
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            return form(model, user, Map.of("confirmPassword", "does not match the new password"));
        }
        try {
            passwords.reset(users.current(), id, newPassword);
        } catch (InvalidInputException e) {
            return form(model, user, LeadForm.byField(e.problems()));
        }
        redirect.addAttribute("done", "password-reset");
        return "redirect:/settings";
    }

    private void requireAdmin() {
        CurrentUser me = users.current();
        if (!me.isAdmin()) {
            throw new dev.leadport.shared.ForbiddenException("Only an ADMIN may set another user's password.");
        }
    }

    private static String form(Model model, UserAccount user, Map<String, String> errors) {
        model.addAttribute("user", user);
        model.addAttribute("errors", errors);
        return "password";
    }
}
