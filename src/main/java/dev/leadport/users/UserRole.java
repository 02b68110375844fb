package dev.leadport.users;

/** What a user may do: REPs work their own leads, MANAGERs all leads, ADMINs also users and custom fields. */
public enum UserRole {
    ADMIN,
    MANAGER,
    REP;

    public String authority() {
        return "ROLE_" + name();
    }
}
