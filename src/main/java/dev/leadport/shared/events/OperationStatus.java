package dev.leadport.shared.events;

/** Where an operation stands; the last five are final. */
public enum OperationStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    COMPLETED_WITH_ERRORS,
    FAILED,
    CANCELLED,
    UNDONE;

    public boolean isFinal() {
        return ordinal() >= COMPLETED.ordinal();
    }
}
