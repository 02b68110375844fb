package dev.leadport.web;

import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user on every page's model for the header and role-dependent controls. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    private final Users users;

    CurrentUserAdvice(Users users) {
        this.users = users;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())) {
            return null;
        }
        return users.current();
    }
}
