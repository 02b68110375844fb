package dev.leadport.shared.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure of the database itself (restart, failover, lost connection, no connection to be had) from a
 * failure of the work. Jobs pause on the first kind and resume from their checkpoint once PostgreSQL is back; they
 * fail only on the second. Transient refusals count as the first kind too: a chunk that still hits lock conflicts
 * or deadlocks after its quick retries ({@link Retries#onLockConflict}) changed nothing, so its job waits the same
 * way and tries again from its checkpoint rather than failing.
 */
public final class DatabaseAway {

    private DatabaseAway() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            // A commit or rollback that fails on the connection itself: it was cut under the transaction.
            if (t instanceof TransactionSystemException) {
                return true;
            }
            // 08: connection exceptions; 57P01-57P03: the server is shutting down, or not yet accepting connections.
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
