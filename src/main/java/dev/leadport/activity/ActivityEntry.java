package dev.leadport.activity;

import dev.leadport.shared.events.OperationEvent.Counts;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of the activity and audit log: an operation's start or end, or a security event.
 *
 * @param category OPERATION (imports, exports, bulk changes ...) or SECURITY (sign-ins, refusals, user changes)
 * @param type an {@code OperationType} name, or one of {@link SecurityType}
 * @param status an {@code OperationStatus} name, or SUCCEEDED / FAILED / DENIED for security events
 */
record ActivityEntry(
        long id,
        Instant recordedAt,
        String category,
        String type,
        String operationId,
        String status,
        Long actorId,
        String actorUsername,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Object> parameters,
        Counts counts,
        Long durationMillis,
        Double rowsPerSecond,
        String errorSummary,
        Map<String, String> links) {

    public static final String OPERATION = "OPERATION";
    public static final String SECURITY = "SECURITY";

    /** The kinds of security event in the audit trail. */
    public enum SecurityType {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        ACCESS_DENIED,
        USER_CREATED,
        USER_UPDATED,
        API_TOKEN_CREATED,
        API_TOKEN_NEW_ADDRESS,
        API_TOKEN_REVOKED
    }
}
