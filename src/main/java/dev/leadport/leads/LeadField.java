package dev.leadport.leads;

import java.util.Arrays;
import java.util.Optional;

/**
 * The standard fields of a lead as users see them in files: the key used in mappings, export field lists and
 * templates, and the label shown in headers.
 */
public enum LeadField {
    ID("id", "ID", false),
    FIRST_NAME("firstName", "First name", true),
    LAST_NAME("lastName", "Last name", true),
    EMAIL("email", "Email", true),
    PHONE("phone", "Phone", true),
    COMPANY("company", "Company", true),
    JOB_TITLE("jobTitle", "Job title", true),
    STATUS("status", "Status", true),
    SOURCE("source", "Source", true),
    OWNER("owner", "Owner", true),
    NOTES("notes", "Notes", true),
    EXTERNAL_ID("externalId", "External ID", true),
    CREATED_AT("createdAt", "Created at", false),
    UPDATED_AT("updatedAt", "Updated at", false);

    private final String key;
    private final String label;
    private final boolean importable;

    LeadField(String key, String label, boolean importable) {
        this.key = key;
        this.label = label;
        this.importable = importable;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether an import may set this field like any other (the template's columns); ids and timestamps are not. */
    public boolean importable() {
        return importable;
    }

    /**
     * Whether an import may map a column to this field: the importable ones, the id (what identifies the lead to
     * update when an import matches by id) and the dates a migration keeps (ADMIN and MANAGER only).
     */
    public boolean mappable() {
        return importable || this == ID || this == CREATED_AT || this == UPDATED_AT;
    }

    public static Optional<LeadField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(key)).findFirst();
    }
}
