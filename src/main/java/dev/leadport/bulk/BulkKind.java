package dev.leadport.bulk;

import dev.leadport.shared.events.OperationType;

/** What a bulk operation does to each lead, and the result a lead gets when it is done. */
enum BulkKind {
    UPDATE(OperationType.BULK_UPDATE, BulkResultCode.UPDATED),
    ASSIGN(OperationType.BULK_ASSIGN, BulkResultCode.ASSIGNED),
    DELETE(OperationType.BULK_DELETE, BulkResultCode.DELETED),
    RESTORE(OperationType.BULK_RESTORE, BulkResultCode.RESTORED),
    UNDO(OperationType.BULK_UNDO, BulkResultCode.RESTORED);

    private final OperationType eventType;
    private final BulkResultCode done;

    BulkKind(OperationType eventType, BulkResultCode done) {
        this.eventType = eventType;
        this.done = done;
    }

    OperationType eventType() {
        return eventType;
    }

    BulkResultCode done() {
        return done;
    }

    boolean undoable() {
        return this == UPDATE || this == ASSIGN;
    }
}
