package dev.leadport.users;

import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** In production, refuses to start while any account still has a demo password. */
@Component
@Profile("prod")
class DemoPasswordGuard implements SmartInitializingSingleton {

    private static final List<String> DEMO_PASSWORDS = List.of("admin", "manager", "rep", "password");

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;

    DemoPasswordGuard(UserRepository repository, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (UserRepository.StoredUser user : repository.findAll()) {
            for (String demo : DEMO_PASSWORDS) {
                if (passwordEncoder.matches(demo, user.passwordHash())
                        || passwordEncoder.matches(user.account().username(), user.passwordHash())) {
                    throw new IllegalStateException("Refusing to start with the prod profile: user '"
                            + user.account().username()
                            + "' still has a demo password. Change it, or start without the prod profile.");
                }
            }
        }
    }
}
