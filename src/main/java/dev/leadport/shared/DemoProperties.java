package dev.leadport.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode: the default run creates demo users and leads so a fresh install can be tried at once.
 *
 * @param enabled create users admin/admin, manager/manager, rep/rep at start-up (off in the prod profile)
 * @param leads how many demo leads to create when the lead table is empty
 */
@ConfigurationProperties("leadport.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60") int leads) {}
