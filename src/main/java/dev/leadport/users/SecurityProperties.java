package dev.leadport.users;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param bcryptStrength cost of the password hash (tests lower it to stay fast)
 * @param initialAdminPassword creates user admin with this password when the database has no users (prod)
 */
@ConfigurationProperties("leadport.security")
record SecurityProperties(@DefaultValue("10") int bcryptStrength, String initialAdminPassword) {}
