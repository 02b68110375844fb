package dev.leadport.activity;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationEvent.Counts;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ActivityApiTest extends ApiTestBase {

    private static final String ACTIVITY = "/api/leads/import-export/activity";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityRepository repository;

    @Test
    void everyOperationTypeIsRecordedWithItsCountsAndOneRowPerOperation() {
        String tag = unique("types");
        long managerId = userId("manager");
        for (OperationType type : OperationType.values()) {
            String op = type.name() + "-" + tag;
            Instant start = Instant.now().minusSeconds(10);
            events.publishEvent(event(
                    type,
                    op,
                    OperationStatus.RUNNING,
                    managerId,
                    "manager",
                    start,
                    null,
                    Counts.NONE,
                    tag + ".csv",
                    null));
            events.publishEvent(event(
                    type,
                    op,
                    OperationStatus.COMPLETED_WITH_ERRORS,
                    managerId,
                    "manager",
                    start,
                    start.plusSeconds(4),
                    new Counts(100, 100, 60, 30, 6, 4),
                    tag + ".csv",
                    "4 rows failed"));
        }

        JsonNode page = as("manager").get(ACTIVITY + "?q=" + tag + "&size=50").json();
        assertThat(page.get("total").asLong()).isEqualTo(OperationType.values().length);
        List<String> types = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            types.add(item.get("type").asString());
            assertThat(item.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
            assertThat(item.get("actorUsername").asString()).isEqualTo("manager");
            JsonNode counts = item.get("counts");
            assertThat(counts.get("total").asLong()).isEqualTo(100);
            assertThat(counts.get("created").asLong()).isEqualTo(60);
            assertThat(counts.get("updated").asLong()).isEqualTo(30);
            assertThat(counts.get("skipped").asLong()).isEqualTo(6);
            assertThat(counts.get("failed").asLong()).isEqualTo(4);
            assertThat(item.get("durationMillis").asLong()).isEqualTo(4000);
            assertThat(item.get("rowsPerSecond").asDouble()).isEqualTo(25.0);
            assertThat(item.get("errorSummary").asString()).isEqualTo("4 rows failed");
            assertThat(item.get("parameters").get("fileName").asString()).isEqualTo(tag + ".csv");
        }
        assertThat(types)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(OperationType.values())
                        .map(Enum::name)
                        .toArray(String[]::new));

        long id = page.get("items").get(0).get("id").asLong();
        JsonNode detail = as("manager").get(ACTIVITY + "/" + id).json();
        assertThat(detail.get("entries")).hasSize(2);
        assertThat(detail.get("entries").get(0).get("status").asString()).isEqualTo("RUNNING");
        assertThat(detail.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(detail.get("links").get("errors").asString()).startsWith("/api/imports/");
    }

    @Test
    void filtersByTypeStatusUserDatesAndSearchesFileNamesUsersAndErrors() {
        String tag = unique("filters");
        long admin = userId("admin");
        long manager = userId("manager");
        Instant t = Instant.now();
        publishFinished(
                OperationType.IMPORT,
                tag + "-a",
                OperationStatus.COMPLETED,
                admin,
                "admin",
                "contacts-" + tag + ".csv",
                null);
        publishFinished(
                OperationType.EXPORT,
                tag + "-b",
                OperationStatus.FAILED,
                manager,
                "manager",
                "export-" + tag + ".xlsx",
                "Disk quota exceeded " + tag);
        publishFinished(
                OperationType.BULK_UPDATE,
                tag + "-c",
                OperationStatus.COMPLETED,
                manager,
                "manager",
                null,
                "timeout-" + tag);

        Api api = as("admin");
        assertThat(total(api, "?q=" + tag)).isEqualTo(3);
        assertThat(total(api, "?q=" + tag + "&type=IMPORT&type=EXPORT")).isEqualTo(2);
        assertThat(total(api, "?q=" + tag + "&type=BULK_UPDATE,IMPORT")).isEqualTo(2);
        assertThat(total(api, "?q=" + tag + "&status=FAILED")).isEqualTo(1);
        assertThat(total(api, "?q=" + tag + "&user=manager")).isEqualTo(2);
        assertThat(total(api, "?q=contacts-" + tag.toUpperCase())).isEqualTo(1);
        assertThat(total(api, "?q=quota exceeded " + tag)).isEqualTo(1);
        assertThat(total(api, "?q=" + tag + "&from=" + t.minusSeconds(60) + "&to=" + t.plusSeconds(60)))
                .isEqualTo(3);
        assertThat(total(api, "?q=" + tag + "&to=2000-01-01")).isZero();
        assertThat(total(
                        api,
                        "?q=" + tag + "&from="
                                + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                                        .minusDays(1)))
                .isEqualTo(3);

        Api.Response bad = api.get(ACTIVITY + "?type=NOPE&from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"type\"").contains("\"field\":\"from\"");
    }

    @Test
    void pagesAreNewestFirstWithATotal() {
        String tag = unique("paging");
        long admin = userId("admin");
        for (int i = 0; i < 7; i++) {
            publishFinished(
                    OperationType.IMPORT,
                    tag + "-" + i,
                    OperationStatus.COMPLETED,
                    admin,
                    "admin",
                    tag + "-" + i + ".csv",
                    null);
        }
        JsonNode first =
                as("admin").get(ACTIVITY + "?q=" + tag + "&size=3&page=0").json();
        JsonNode third =
                as("admin").get(ACTIVITY + "?q=" + tag + "&size=3&page=2").json();
        assertThat(first.get("total").asLong()).isEqualTo(7);
        assertThat(first.get("items")).hasSize(3);
        assertThat(first.get("items").get(0).get("operationId").asString()).isEqualTo(tag + "-6");
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("items").get(0).get("operationId").asString()).isEqualTo(tag + "-0");
        assertThat(as("admin").get(ACTIVITY + "?size=0").status()).isEqualTo(400);
    }

    @Test
    void repSeesOnlyOwnActivityWhileManagersSeeEveryones() {
        String tag = unique("roles");
        long repA = user("acta-" + tag, "REP");
        long repB = user("actb-" + tag, "REP");
        publishFinished(
                OperationType.IMPORT, tag + "-a", OperationStatus.COMPLETED, repA, "acta-" + tag, tag + ".csv", null);
        publishFinished(
                OperationType.IMPORT, tag + "-b", OperationStatus.COMPLETED, repB, "actb-" + tag, tag + ".csv", null);

        JsonNode seenByA =
                as("acta-" + tag).get(ACTIVITY + "?type=IMPORT&q=" + tag).json();
        assertThat(seenByA.get("total").asLong()).isEqualTo(1);
        assertThat(seenByA.get("items").get(0).get("actorUsername").asString()).isEqualTo("acta-" + tag);
        assertThat(total(as("manager"), "?type=IMPORT&q=" + tag)).isEqualTo(2);

        long idOfB = as("manager")
                .get(ACTIVITY + "?q=" + tag + "&user=actb-" + tag)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        assertThat(as("acta-" + tag).get(ACTIVITY + "/" + idOfB).status()).isEqualTo(404);
        assertThat(as("acta-" + tag).get(ACTIVITY + "/export?q=" + tag).body()).doesNotContain("actb-" + tag);
    }

    @Test
    void csvExportHoldsTheFilteredLogWithFormulasNeutralised() {
        String tag = unique("csv");
        long admin = userId("admin");
        publishFinished(
                OperationType.IMPORT,
                tag + "-1",
                OperationStatus.FAILED,
                admin,
                "admin",
                tag + ".csv",
                "=HYPERLINK(\"http://evil\") " + tag);
        publishFinished(
                OperationType.EXPORT, tag + "-2", OperationStatus.COMPLETED, admin, "admin", tag + ".csv", null);

        Api.Response csv = as("admin").get(ACTIVITY + "/export?format=csv&type=IMPORT&q=" + tag);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        String[] lines = new String(csv.bytes(), StandardCharsets.UTF_8).split("\r?\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,recordedAt,category,type,operationId,status,user");
        assertThat(lines[1]).contains(",IMPORT," + tag + "-1,FAILED,admin,").contains("\"'=HYPERLINK(");
        assertThat(as("admin").get(ACTIVITY + "/export?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void metricsGiveCountsThroughputPercentilesDurationsAndErrorRate() {
        String name = unique("metrics");
        long rep = user(name, "REP");
        Instant start = Instant.now().minusSeconds(100);
        // Four imports of 1,000 rows taking 1, 2, 4 and 10 s: 1000, 500, 250 and 100 rows/s.
        int[] seconds = {1, 2, 4, 10};
        OperationStatus[] statuses = {
            OperationStatus.COMPLETED,
            OperationStatus.COMPLETED,
            OperationStatus.COMPLETED_WITH_ERRORS,
            OperationStatus.FAILED
        };
        for (int i = 0; i < 4; i++) {
            events.publishEvent(event(
                    OperationType.IMPORT,
                    name + i,
                    statuses[i],
                    rep,
                    name,
                    start,
                    start.plusSeconds(seconds[i]),
                    new Counts(1000, 1000, 900, 0, 0, i == 2 ? 100 : 0),
                    "m.csv",
                    null));
        }
        events.publishEvent(event(
                OperationType.EXPORT,
                name + "x",
                OperationStatus.COMPLETED,
                rep,
                name,
                start,
                start.plusSeconds(2),
                new Counts(50, 50, 0, 0, 0, 0),
                "m.csv",
                null));
        events.publishEvent(event(
                OperationType.EXPORT,
                name + "y",
                OperationStatus.RUNNING,
                rep,
                name,
                start,
                null,
                Counts.NONE,
                "m.csv",
                null));

        JsonNode m = as(name).get(ACTIVITY + "/metrics?from=" + Instant.now().minusSeconds(3600))
                .json();
        JsonNode overall = m.get("overall");
        assertThat(overall.get("operations").asLong()).isEqualTo(5);
        assertThat(overall.get("rowsProcessed").asLong()).isEqualTo(4050);
        assertThat(overall.get("failedOperations").asLong()).isEqualTo(1);
        assertThat(overall.get("errorRate").asDouble()).isEqualTo(0.4);
        JsonNode imports = m.get("byType").get(0);
        assertThat(imports.get("type").asString()).isEqualTo("EXPORT");
        imports = m.get("byType").get(1);
        assertThat(imports.get("type").asString()).isEqualTo("IMPORT");
        assertThat(imports.get("operations").asLong()).isEqualTo(4);
        assertThat(imports.get("throughputMedianRowsPerSecond").asDouble()).isEqualTo(375.0);
        assertThat(imports.get("throughputP95RowsPerSecond").asDouble())
                .isCloseTo(925.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(imports.get("durationMedianMillis").asDouble()).isEqualTo(3000.0);
        assertThat(imports.get("durationP95Millis").asDouble())
                .isCloseTo(9100.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(imports.get("errorRate").asDouble()).isEqualTo(0.5);
        assertThat(imports.get("rowErrorRate").asDouble()).isEqualTo(0.025);
        assertThat(m.get("byTypeAndStatus").toString())
                .contains("{\"type\":\"IMPORT\",\"status\":\"FAILED\",\"operations\":1}");

        Api.Response actuator = as("admin").get("/actuator/metrics/" + OperationMeters.OPERATIONS + "?tag=type:IMPORT");
        assertThat(actuator.status()).as(actuator.toString()).isEqualTo(200);
        assertThat(as("admin")
                        .get("/actuator/metrics/" + OperationMeters.THROUGHPUT)
                        .status())
                .isEqualTo(200);
        assertThat(as("admin")
                        .get("/actuator/metrics/" + OperationMeters.DURATION)
                        .status())
                .isEqualTo(200);
        assertThat(as(name).get(ACTIVITY + "/metrics?from=tomorrow").status()).isEqualTo(400);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        String tag = unique("append");
        publishFinished(
                OperationType.IMPORT, tag, OperationStatus.COMPLETED, userId("admin"), "admin", tag + ".csv", null);
        long id = jdbc.sql("select id from activity_entry where operation_id = :op limit 1")
                .param("op", tag)
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> jdbc.sql("update activity_entry set status = 'FAILED' where id = :id")
                        .param("id", id)
                        .update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from activity_entry where id = :id")
                        .param("id", id)
                        .update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate activity_entry").update()).hasStackTraceContaining("append-only");
        assertThat(jdbc.sql("select count(*) from activity_entry where operation_id = :op")
                        .param("op", tag)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void retentionPurgeDeletesOnlyEntriesOlderThanTheCutoff() {
        String tag = unique("purge");
        ActivityEntry old = new ActivityEntry(
                0,
                Instant.parse("2001-01-01T00:00:00Z"),
                ActivityEntry.OPERATION,
                "IMPORT",
                tag,
                "COMPLETED",
                null,
                "admin",
                null,
                null,
                Map.of(),
                Counts.NONE,
                null,
                null,
                null,
                Map.of());
        repository.append(old, tag);
        publishFinished(
                OperationType.IMPORT,
                tag + "-new",
                OperationStatus.COMPLETED,
                userId("admin"),
                "admin",
                tag + ".csv",
                null);

        assertThat(repository.purgeBefore(Instant.parse("2002-01-01T00:00:00Z")))
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from activity_entry where operation_id like :op")
                        .param("op", tag + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void signInsRefusalsAndUserChangesGoToTheAuditTrail() {
        String name = unique("audit");
        long id = user(name, "REP");
        assertThat(new Api(port, name, "wrong-password").get("/api/users/me").status())
                .isEqualTo(401);
        assertThat(as(name).post("/api/users", map("username", name + "x", "password", "secret1", "role", "ADMIN"))
                        .status())
                .isEqualTo(403);
        long othersLead = createLead(as("manager"), map("email", name + "@example.com", "owner", "manager"))
                .get("id")
                .asLong();
        assertThat(as(name).delete("/api/leads/" + othersLead).status()).isEqualTo(403);
        assertThat(as("admin")
                        .put("/api/users/" + id, map("role", "MANAGER", "password", "changed1"))
                        .status())
                .isEqualTo(200);

        JsonNode log = as("admin").get(ACTIVITY + "?q=" + name + "&size=50").json();
        String text = log.toString();
        assertThat(text)
                .contains("\"type\":\"LOGIN_FAILED\"")
                .contains("\"type\":\"USER_CREATED\"")
                .contains("\"type\":\"USER_UPDATED\"")
                .contains("\"previousRole\":\"REP\"")
                .contains("\"passwordChanged\":true")
                .contains("\"path\":\"/api/users\"")
                .contains("\"path\":\"/api/leads/" + othersLead + "\"")
                .contains("belongs to another user")
                .doesNotContain("wrong-password")
                .doesNotContain("changed1");
        assertThat(total(as("admin"), "?type=ACCESS_DENIED&user=" + name)).isEqualTo(2);
        assertThat(total(as("admin"), "?type=LOGIN_SUCCEEDED&user=" + name)).isEqualTo(1);
    }

    private long total(Api api, String query) {
        Api.Response r = api.get(ACTIVITY + query.replace(" ", "%20"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("total").asLong();
    }

    private void publishFinished(
            OperationType type,
            String op,
            OperationStatus status,
            long actorId,
            String actor,
            String file,
            String error) {
        Instant start = Instant.now().minusSeconds(5);
        events.publishEvent(event(
                type,
                op,
                status,
                actorId,
                actor,
                start,
                start.plusSeconds(2),
                new Counts(10, 10, 10, 0, 0, 0),
                file,
                error));
    }

    static OperationEvent event(
            OperationType type,
            String op,
            OperationStatus status,
            long actorId,
            String actor,
            Instant start,
            Instant end,
            Counts counts,
            String fileName,
            String error) {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        if (fileName != null) {
            parameters.put("fileName", fileName);
        }
        parameters.put("duplicateMode", "UPDATE");
        return new OperationEvent(
                type,
                op,
                status,
                actorId,
                actor,
                start,
                end,
                counts,
                parameters,
                error,
                Map.of("errors", "/api/imports/" + UUID.randomUUID() + "/errors"));
    }
}
