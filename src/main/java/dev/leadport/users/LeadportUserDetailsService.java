package dev.leadport.users;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Signs users in by username or email against app_user. */
@Service
class LeadportUserDetailsService implements UserDetailsService {

    private final UserRepository repository;

    LeadportUserDetailsService(UserRepository repository) {
        this.repository = repository;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        return repository
                .findByLogin(login)
                .map(u -> new LeadportUserDetails(
                        u.account().id(),
                        u.account().username(),
                        u.passwordHash(),
                        u.account().role(),
                        u.account().enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }
}
