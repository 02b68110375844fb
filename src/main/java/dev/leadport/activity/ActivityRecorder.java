package dev.leadport.activity;

import dev.leadport.activity.ActivityEntry.SecurityType;
import dev.leadport.shared.Pii;
import dev.leadport.shared.events.ForbiddenAttempt;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationEvent.Counts;
import dev.leadport.users.ApiTokenChanged;
import dev.leadport.users.UserAccount;
import dev.leadport.users.UserChanged;
import dev.leadport.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends one log entry per operation event and per security event. Entries are written in their own transaction,
 * so they stay even when the caller's work rolls back, and a failure to record never fails the caller's job.
 */
@Component
class ActivityRecorder {

    private static final Logger log = LoggerFactory.getLogger(ActivityRecorder.class);

    private final ActivityRepository repository;
    private final OperationMeters meters;
    private final Users users;
    private final Clock clock;
    private final ActivityProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Map<String, Instant> lastLoginRecorded = new ConcurrentHashMap<>();

    ActivityRecorder(
            ActivityRepository repository,
            OperationMeters meters,
            Users users,
            Clock clock,
            ActivityProperties properties,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.meters = meters;
        this.users = users;
        this.clock = clock;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(OperationEvent event) {
        ActivityEntry entry = new ActivityEntry(
                0,
                clock.instant(),
                ActivityEntry.OPERATION,
                event.type().name(),
                event.operationId(),
                event.status().name(),
                event.actorId(),
                event.actorUsername(),
                event.startedAt(),
                event.finishedAt(),
                event.parameters(),
                event.counts(),
                event.durationMillis(),
                event.rowsPerSecond(),
                event.errorSummary(),
                event.links());
        append(entry, searchText(event));
        if (event.status().isFinal()) {
            meters.record(event);
        }
    }

    @EventListener
    void on(UserChanged event) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("userId", event.userId());
        parameters.put("username", event.username());
        parameters.put("role", event.role().name());
        if (event.previousRole() != null && event.previousRole() != event.role()) {
            parameters.put("previousRole", event.previousRole().name());
        }
        parameters.put("enabled", event.enabled());
        parameters.put("passwordChanged", event.passwordChanged());
        SecurityType type =
                event.change() == UserChanged.Change.CREATED ? SecurityType.USER_CREATED : SecurityType.USER_UPDATED;
        security(type, "SUCCEEDED", event.actorId(), event.actorUsername(), parameters, null, event.username());
    }

    @EventListener
    void on(ApiTokenChanged event) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("tokenId", event.tokenId());
        parameters.put("tokenName", event.tokenName());
        parameters.put("hint", event.hint());
        parameters.put(
                "scopes", event.scopes().stream().map(Enum::name).sorted().toList());
        if (event.address() != null) {
            parameters.put("address", event.address());
        }
        SecurityType type = switch (event.change()) {
            case CREATED -> SecurityType.API_TOKEN_CREATED;
            case USED_FROM_NEW_ADDRESS -> SecurityType.API_TOKEN_NEW_ADDRESS;
            case REVOKED -> SecurityType.API_TOKEN_REVOKED;
        };
        security(type, "SUCCEEDED", event.userId(), event.username(), parameters, null, event.tokenName());
    }

    @EventListener
    void on(ForbiddenAttempt event) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("method", event.method());
        parameters.put("path", event.path());
        Long actorId = idOf(event.username());
        security(SecurityType.ACCESS_DENIED, "DENIED", actorId, event.username(), parameters, event.reason(), null);
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        // Anonymous calls are answered 401 and asked to sign in; only signed-in users' refusals are audited.
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        HttpServletRequest request = event.getObject() instanceof HttpServletRequest r ? r : currentRequest();
        if (request != null) {
            parameters.put("method", request.getMethod());
            parameters.put("path", request.getRequestURI());
        }
        if (event.getObject() instanceof MethodInvocation invocation) {
            parameters.put(
                    "action",
                    invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                            + invocation.getMethod().getName());
        }
        security(
                SecurityType.ACCESS_DENIED,
                "DENIED",
                idOf(auth.getName()),
                auth.getName(),
                parameters,
                "Not allowed for this user's role",
                null);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("reason", event.getClass().getSimpleName().replace("AuthenticationFailure", ""));
        security(
                SecurityType.LOGIN_FAILED,
                "FAILED",
                idOf(username),
                username,
                parameters,
                event.getException().getMessage(),
                null);
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        Instant now = clock.instant();
        Instant last = lastLoginRecorded.get(username.toLowerCase(Locale.ROOT));
        // HTTP Basic clients authenticate on every call; one entry per interval keeps the trail readable.
        if (last != null && last.plus(properties.loginSuccessInterval()).isAfter(now)) {
            return;
        }
        lastLoginRecorded.put(username.toLowerCase(Locale.ROOT), now);
        security(SecurityType.LOGIN_SUCCEEDED, "SUCCEEDED", idOf(username), username, Map.of(), null, null);
    }

    private void security(
            SecurityType type,
            String status,
            Long actorId,
            String actorUsername,
            Map<String, Object> parameters,
            String error,
            String subject) {
        Instant now = clock.instant();
        ActivityEntry entry = new ActivityEntry(
                0,
                now,
                ActivityEntry.SECURITY,
                type.name(),
                UUID.randomUUID().toString(),
                status,
                actorId,
                actorUsername,
                now,
                now,
                parameters,
                Counts.NONE,
                null,
                null,
                error,
                Map.of());
        append(entry, join(actorUsername, subject, error, (String) parameters.get("path")));
    }

    private void append(ActivityEntry entry, String searchText) {
        try {
            ownTransaction.executeWithoutResult(status -> repository.append(entry, searchText));
        } catch (RuntimeException e) {
            // The audit trail must not take a job down with it; the failure is loud in the log instead.
            log.error(
                    "Could not record activity {} {} {} of {}",
                    entry.type(),
                    entry.operationId(),
                    entry.status(),
                    entry.actorUsername(),
                    e);
        }
    }

    /** File names (any parameter naming a file), the user and the error: what the search box looks through. */
    private static String searchText(OperationEvent event) {
        String files = event.parameters().entrySet().stream()
                .filter(p -> p.getValue() instanceof String
                        && (p.getKey().toLowerCase(Locale.ROOT).contains("file")
                                || p.getKey().toLowerCase(Locale.ROOT).endsWith("name")))
                .map(p -> (String) p.getValue())
                .collect(Collectors.joining(" "));
        return join(files, event.actorUsername(), event.errorSummary());
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(" "));
    }

    private Long idOf(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        try {
            return users.findByReference(username).map(UserAccount::id).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Could not look up user {} for the audit trail: {}", Pii.email(username), e.getMessage());
            return null;
        }
    }

    private static HttpServletRequest currentRequest() {
        return Optional.ofNullable(RequestContextHolder.getRequestAttributes())
                .filter(ServletRequestAttributes.class::isInstance)
                .map(a -> ((ServletRequestAttributes) a).getRequest())
                .orElse(null);
    }
}
