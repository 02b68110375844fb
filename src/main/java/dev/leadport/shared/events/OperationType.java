package dev.leadport.shared.events;

/** The kinds of operation the activity log records. */
public enum OperationType {
    IMPORT,
    VALIDATION,
    IMPORT_UNDO,
    EXPORT,
    SCHEDULED_EXPORT,
    BULK_UPDATE,
    BULK_ASSIGN,
    BULK_DELETE,
    BULK_RESTORE,
    BULK_UNDO
}
