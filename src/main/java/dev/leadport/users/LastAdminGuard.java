package dev.leadport.users;

import dev.leadport.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps at least one enabled ADMIN: a change that would demote or disable the last one is refused (409), since only
 * an ADMIN can change users and nobody could undo it but by SQL. Changes to admins run one at a time (an advisory
 * lock), so two admins demoting each other at once cannot both succeed.
 */
@Component
class LastAdminGuard {

    private static final long LOCK = 0x4c65_6164_4164_6d6eL; // "LeadAdmn"

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    LastAdminGuard(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs {@code change} unless it leaves no enabled ADMIN, in one transaction with the check. */
    void change(UserAccount existing, UserRole role, boolean enabled, Runnable change) {
        boolean removesAnAdmin =
                existing.role() == UserRole.ADMIN && existing.enabled() && (role != UserRole.ADMIN || !enabled);
        transaction.executeWithoutResult(status -> {
            if (removesAnAdmin) {
                jdbc.sql("select pg_advisory_xact_lock(:lock)")
                        .param("lock", LOCK)
                        .query()
                        .singleRow();
                long others = jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled and id <> :id")
                        .param("id", existing.id())
                        .query(Long.class)
                        .single();
                if (others == 0) {
                    throw new ConflictException(
                            role != UserRole.ADMIN ? "role" : "enabled",
                            "'" + existing.username() + "' is the last enabled admin; make another user an enabled"
                                    + " admin first.");
                }
            }
            change.run();
        });
    }
}
