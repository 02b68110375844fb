package dev.leadport.cli;

import java.util.List;

/**
 * Why a command stopped, as the one line it prints and the exit code it returns. Thrown where the command cannot go
 * on and caught once, in {@link LeadportCli#run}, so nothing reaches the user as a stack trace.
 */
final class CliFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** The job ran and failed, or finished with rows or ids that failed. */
    static final int JOB_FAILED = 1;
    /** The command line is wrong: unknown command or option, missing or malformed value. */
    static final int USAGE = 2;
    /** The server answered with an error, refused the token, or could not be reached. */
    static final int SERVER = 3;

    private final int exitCode;
    private final int status;
    private final List<String> fields;

    private CliFailure(int exitCode, int status, String message, List<String> fields) {
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.status = status;
        this.fields = List.copyOf(fields);
    }

    static CliFailure usage(String message) {
        return new CliFailure(USAGE, 0, message, List.of());
    }

    static CliFailure jobFailed(String message) {
        return new CliFailure(JOB_FAILED, 0, message, List.of());
    }

    static CliFailure server(String message) {
        return new CliFailure(SERVER, 0, message, List.of());
    }

    /** An error answer of the server, with its HTTP status and the fields its problem names. */
    static CliFailure answer(int status, String message, List<String> fields) {
        return new CliFailure(SERVER, status, message, fields);
    }

    /** The same failure as a failed job (exit code 1), e.g. an upload the server read and refused. */
    CliFailure asJobFailure() {
        return new CliFailure(JOB_FAILED, status, getMessage(), fields);
    }

    int exitCode() {
        return exitCode;
    }

    /** The HTTP status of the error answer, or 0 when the failure was not an answer. */
    int status() {
        return status;
    }

    /** The fields (parameters) an error answer's problem names, e.g. {@code file}. */
    List<String> fields() {
        return fields;
    }
}
