package dev.leadport.leads;

/** The kinds of value an admin-defined custom field holds. */
public enum CustomFieldType {
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN,
    CHOICE
}
