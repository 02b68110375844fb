package dev.leadport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Leadport: lead import, export and bulk operations on PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadportApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadportApplication.class, args);
    }
}
