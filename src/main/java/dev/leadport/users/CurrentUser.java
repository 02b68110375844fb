package dev.leadport.users;

/** The user a request or job acts for; carried into background jobs so they apply the same rules. */
public record CurrentUser(long id, String username, UserRole role) {

    /** MANAGERs and ADMINs see and act on every lead; REPs only on the leads they own. */
    public boolean seesAllLeads() {
        return role == UserRole.ADMIN || role == UserRole.MANAGER;
    }

    public boolean isAdmin() {
        return role == UserRole.ADMIN;
    }

    public boolean mayAct(Long ownerId) {
        return seesAllLeads() || (ownerId != null && ownerId == id);
    }
}
