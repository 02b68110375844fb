package dev.leadport.users;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal; keeps the user's id and role so requests need no look-up to apply role rules. The password
 * hash is erased once the sign-in is checked, so the session (stored in PostgreSQL) never holds it.
 */
final class LeadportUserDetails implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 2L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final UserRole role;
    private final boolean enabled;

    LeadportUserDetails(long id, String username, String passwordHash, UserRole role, boolean enabled) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = enabled;
    }

    long id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    UserRole role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(id, username, role);
    }
}
