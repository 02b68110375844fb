package dev.leadport.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook tables' SQL: endpoints and the delivery outbox, which doubles as each endpoint's delivery log. */
@Repository
class WebhookRepository {

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Endpoint(long id, String url, String secret, Set<WebhookEvent> events, long createdBy, Instant createdAt) {}

    record Delivery(
            long id,
            long endpointId,
            WebhookEvent event,
            String operationType,
            String operationId,
            String payload,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Instant lastAttemptAt,
            Instant deliveredAt,
            Instant createdAt) {}

    long insertEndpoint(String url, String secret, Set<WebhookEvent> events, long userId, Instant at) {
        return jdbc.sql("insert into webhook_endpoint (url, secret, events, created_by, created_at)"
                        + " values (:url, :secret, cast(:events as text[]), :user, :at) returning id")
                .param("url", url)
                .param("secret", secret)
                .param(
                        "events",
                        "{" + String.join(",", events.stream().map(Enum::name).toList()) + "}")
                .param("user", userId)
                .param("at", utc(at))
                .query(Long.class)
                .single();
    }

    List<Endpoint> endpoints() {
        return jdbc.sql("select * from webhook_endpoint order by id")
                .query((rs, n) -> endpoint(rs))
                .list();
    }

    Optional<Endpoint> endpoint(long id) {
        return jdbc.sql("select * from webhook_endpoint where id = :id")
                .param("id", id)
                .query((rs, n) -> endpoint(rs))
                .optional();
    }

    List<Endpoint> subscribedTo(WebhookEvent event) {
        return jdbc.sql("select * from webhook_endpoint where :event = any(events) order by id")
                .param("event", event.name())
                .query((rs, n) -> endpoint(rs))
                .list();
    }

    boolean deleteEndpoint(long id) {
        return jdbc.sql("delete from webhook_endpoint where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    long insertDelivery(
            long endpointId, WebhookEvent event, String type, String operationId, String payload, Instant at) {
        return jdbc.sql("""
                        insert into webhook_delivery (endpoint_id, event, operation_type, operation_id, payload, status,
                          created_at)
                        values (:endpoint, :event, :type, :op, :payload, 'PENDING', :at)
                        returning id
                        """)
                .param("endpoint", endpointId)
                .param("event", event.name())
                .param("type", type)
                .param("op", operationId)
                .param("payload", payload)
                .param("at", utc(at))
                .query(Long.class)
                .single();
    }

    Optional<Delivery> delivery(long id) {
        return jdbc.sql("select * from webhook_delivery where id = :id")
                .param("id", id)
                .query((rs, n) -> delivery(rs))
                .optional();
    }

    List<Delivery> deliveries(long endpointId, int limit) {
        return jdbc.sql("select * from webhook_delivery where endpoint_id = :endpoint order by id desc limit :limit")
                .param("endpoint", endpointId)
                .param("limit", limit)
                .query((rs, n) -> delivery(rs))
                .list();
    }

    void markDelivered(long id, int statusCode, Instant at) {
        jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status_code = :code,"
                        + " last_error = null, last_attempt_at = :at, delivered_at = :at where id = :id")
                .param("id", id)
                .param("code", statusCode)
                .param("at", utc(at))
                .update();
    }

    int markFailedAttempt(long id, Integer statusCode, String error, boolean giveUp, Instant at) {
        return jdbc.sql(
                        "update webhook_delivery set attempts = attempts + 1, last_status_code = :code,"
                                + " last_error = :error, last_attempt_at = :at, status = :status where id = :id returning attempts")
                .param("id", id)
                .param("code", statusCode)
                .param("error", error)
                .param("status", giveUp ? "FAILED" : "PENDING")
                .param("at", utc(at))
                .query(Integer.class)
                .single();
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream((String[]) rs.getArray("events").getArray())
                .map(WebhookEvent::valueOf)
                .forEach(events::add);
        return new Endpoint(
                rs.getLong("id"),
                rs.getString("url"),
                rs.getString("secret"),
                events,
                rs.getLong("created_by"),
                instant(rs, "created_at"));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(
                rs.getLong("id"),
                rs.getLong("endpoint_id"),
                WebhookEvent.valueOf(rs.getString("event")),
                rs.getString("operation_type"),
                rs.getString("operation_id"),
                rs.getString("payload"),
                rs.getString("status"),
                rs.getInt("attempts"),
                (Integer) rs.getObject("last_status_code"),
                rs.getString("last_error"),
                instant(rs, "last_attempt_at"),
                instant(rs, "delivered_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
