package dev.leadport.shared.db;

import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;

/** The two ways a job's database work is tried again: after a lock conflict, and while the database is away. */
public final class Retries {

    /** Tries of one transaction that PostgreSQL aborted for a deadlock or a lock conflict. */
    private static final int LOCK_CONFLICT_ATTEMPTS = 5;

    /** Tries while the database is away: waits of 1, 2, 4, 8 and then 15 seconds, about two minutes in all. */
    private static final int OUTAGE_ATTEMPTS = 12;

    private Retries() {}

    /**
     * Runs a transaction again when PostgreSQL aborted it for a deadlock or a lock conflict; such a transaction
     * changed nothing. {@code onRetry} hears the attempt that failed, for the log.
     */
    public static <T> T onLockConflict(Supplier<T> transaction, IntConsumer onRetry) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ConcurrencyFailureException e) {
                if (attempt >= LOCK_CONFLICT_ATTEMPTS) {
                    throw e;
                }
                onRetry.accept(attempt);
                sleep(50L * attempt);
            }
        }
    }

    /**
     * Runs a job again, on this node, while it fails because the database is away ({@link DatabaseAway}); the job
     * resumes from its checkpoint. Waiting here keeps the job where it is; the job engine's own retries come after.
     */
    public static void whileDatabaseAway(Runnable job) {
        for (int attempt = 1; ; attempt++) {
            try {
                job.run();
                return;
            } catch (RuntimeException e) {
                if (!DatabaseAway.causedBy(e) || attempt >= OUTAGE_ATTEMPTS) {
                    throw e;
                }
                sleep(Math.min(15_000L, 500L << attempt));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
