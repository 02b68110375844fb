package dev.leadport.bulk;

/** The outcome of a bulk operation for one requested id. */
enum BulkResultCode {
    /** Not reached yet: a job's later chunk. */
    PENDING("pending"),
    UPDATED("updated"),
    ASSIGNED("assigned"),
    DELETED("deleted"),
    RESTORED("restored"),
    /** The lead already had the values, owner or state asked for. */
    UNCHANGED("unchanged"),
    NOT_FOUND("notFound"),
    FORBIDDEN("forbidden"),
    INVALID_ID("invalid"),
    /** Restore: a live lead has the same email now. */
    CONFLICT("conflict"),
    /** Undo: the lead was changed after the operation, so it was left as it is. */
    CHANGED_SINCE("changedSince");

    private final String totalsKey;

    BulkResultCode(String totalsKey) {
        this.totalsKey = totalsKey;
    }

    /** The name of this result's count in an operation's totals. */
    public String totalsKey() {
        return totalsKey;
    }

    boolean failed() {
        return this == NOT_FOUND || this == FORBIDDEN || this == INVALID_ID || this == CONFLICT;
    }

    boolean skipped() {
        return this == UNCHANGED || this == CHANGED_SINCE;
    }
}
