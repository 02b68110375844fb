package dev.leadport.cli;

import java.util.Set;

/** What the commands that follow a job share: which states are final and how often to ask. */
final class Jobs {

    static final long DEFAULT_POLL_MILLIS = 500;

    private static final Set<String> FINAL =
            Set.of("COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED", "CANCELLED", "UNDONE");

    private Jobs() {}

    /** "1 row", "3 rows". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static boolean isFinal(String status) {
        return FINAL.contains(status);
    }

    /** {@code --poll-ms}: how long to wait between two looks at a running job (default 500). */
    static long pollMillis(Arguments a) throws CliFailure {
        String given = a.value("poll-ms").orElse(null);
        if (given == null) {
            return DEFAULT_POLL_MILLIS;
        }
        try {
            long millis = Long.parseLong(given.strip());
            if (millis >= 10 && millis <= 60_000) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliFailure.usage(
                a.command() + ": --poll-ms '" + given + "' is not a number of milliseconds (10 to 60000)");
    }

    static void pause(long millis) throws CliFailure {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.server("interrupted while waiting for the job");
        }
    }
}
