package dev.leadport.users;

import dev.leadport.shared.DemoProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates the demo users in demo mode, or the first admin from configuration on an empty database. */
@Component
@Order(0)
class UserSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserSeeder.class);

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final DemoProperties demo;
    private final SecurityProperties security;

    UserSeeder(
            UserRepository repository,
            PasswordEncoder passwordEncoder,
            DemoProperties demo,
            SecurityProperties security) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.demo = demo;
        this.security = security;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.enabled()) {
            seed("admin", "Ada Admin", UserRole.ADMIN);
            seed("manager", "Max Manager", UserRole.MANAGER);
            seed("rep", "Rita Rep", UserRole.REP);
            log.info("Demo mode: users admin/admin (ADMIN), manager/manager (MANAGER), rep/rep (REP)."
                    + " Run with the prod profile to turn demo mode off.");
        } else if (repository.count() == 0 && security.initialAdminPassword() != null) {
            repository.insert(
                    "admin",
                    null,
                    "Administrator",
                    passwordEncoder.encode(security.initialAdminPassword()),
                    UserRole.ADMIN);
            log.info("Created user admin with the configured initial password.");
        }
    }

    private void seed(String username, String displayName, UserRole role) {
        if (repository.findByLogin(username).isEmpty()) {
            repository.insert(
                    username, username + "@demo.leadport.dev", displayName, passwordEncoder.encode(username), role);
        }
    }
}
