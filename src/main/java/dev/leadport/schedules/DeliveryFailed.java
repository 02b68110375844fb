package dev.leadport.schedules;

/**
 * A file that did not reach its destination. Its message names the destination without secrets; {@code retryable}
 * is false when trying again cannot help (an HTTPS answer such as 403), so the run fails at once.
 */
class DeliveryFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    DeliveryFailed(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
