package dev.leadport.bulk;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.exports.RecordedOperations;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class BulkApiTest extends ApiTestBase {

    private static final String BULK = "/api/leads/bulk";

    @Autowired
    RecordedOperations operations;

    @Autowired
    BulkService bulk;

    @Autowired
    JdbcClient jdbc;

    @Test
    void updateChecksEveryIdAndChangesOnlyTheRepsOwnLeads() {
        user("bkrep", "REP");
        Api rep = as("bkrep");
        String tag = unique("upd");
        long a = id(createLead(rep, map("email", tag + "-a@x.io", "source", tag)));
        long b = id(createLead(rep, map("email", tag + "-b@x.io", "source", tag)));
        long other = id(createLead(as("admin"), map("email", tag + "-c@x.io", "source", tag)));

        Api.Response response = rep.post(
                BULK + "/update",
                map(
                        "ids", List.of(a, String.valueOf(b), other, 987654321098L, "abc", -5, 1.5, a),
                        "changes", map("status", "qualified", "source", "Trade show")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(body.get("dryRun").asBoolean()).isFalse();
        assertThat(results(body))
                .containsExactly(
                        "UPDATED",
                        "UPDATED",
                        "FORBIDDEN",
                        "NOT_FOUND",
                        "INVALID_ID",
                        "INVALID_ID",
                        "INVALID_ID",
                        "UNCHANGED");
        JsonNode totals = body.get("totals");
        assertThat(totals.get("requested").asLong()).isEqualTo(8);
        assertThat(totals.get("updated").asLong()).isEqualTo(2);
        assertThat(totals.get("forbidden").asLong()).isEqualTo(1);
        assertThat(totals.get("notFound").asLong()).isEqualTo(1);
        assertThat(totals.get("invalid").asLong()).isEqualTo(3);
        assertThat(totals.get("unchanged").asLong()).isEqualTo(1);
        assertThat(body.get("results").get(4).get("id").asString()).isEqualTo("abc");
        assertThat(body.get("results").get(4).get("message").asString()).contains("'abc' is not a lead id");
        assertThat(body.get("results").get(2).get("message").asString()).contains("another user");
        // An unknown id's result is stored compactly and read back whole.
        assertThat(body.get("results").get(3).get("id").asLong()).isEqualTo(987654321098L);
        assertThat(body.get("results").get(3).get("message").asString())
                .isEqualTo("there is no lead with id 987654321098");

        JsonNode changed = rep.get("/api/leads/" + b).json();
        assertThat(changed.get("status").asString()).isEqualTo("QUALIFIED");
        assertThat(changed.get("source").asString()).isEqualTo("Trade show");
        assertThat(as("admin").get("/api/leads/" + other).json().get("status").asString())
                .isEqualTo("NEW");

        JsonNode again = rep.post(BULK + "/update", map("ids", List.of(a, b), "changes", map("status", "QUALIFIED")))
                .json();
        assertThat(results(again)).containsExactly("UNCHANGED", "UNCHANGED");
    }

    @Test
    void aFilterWithSeveralStatusesSelectsTheLeadsOfEachOfThem() {
        Api manager = as("manager");
        String tag = unique("statuses");
        long contacted = id(createLead(manager, map("email", tag + "-c@x.io", "source", tag, "status", "CONTACTED")));
        long lost = id(createLead(manager, map("email", tag + "-l@x.io", "source", tag, "status", "LOST")));
        createLead(manager, map("email", tag + "-n@x.io", "source", tag));

        JsonNode done = manager.post(
                        BULK + "/update",
                        map(
                                "filter", map("source", tag, "status", List.of("CONTACTED", "lost")),
                                "changes", map("status", "QUALIFIED")))
                .json();
        assertThat(done.get("totals").get("updated").asLong()).isEqualTo(2);
        List<Long> changed = new ArrayList<>();
        done.get("results").forEach(r -> changed.add(r.get("id").asLong()));
        assertThat(changed).containsExactly(contacted, lost);
        assertThat(manager.get("/api/leads?source=" + tag + "&status=NEW")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void dryRunReportsWhatWouldHappenAndChangesNothing() {
        Api manager = as("manager");
        String tag = unique("dry");
        long a = id(createLead(manager, map("email", tag + "-a@x.io", "source", tag)));
        long b = id(createLead(manager, map("email", tag + "-b@x.io", "source", tag, "status", "LOST")));
        long rep = userId("rep");

        JsonNode update = manager.post(
                        BULK + "/update?dryRun=true", map("ids", List.of(a, b, 0), "changes", map("status", "LOST")))
                .json();
        assertThat(update.get("dryRun").asBoolean()).isTrue();
        assertThat(results(update)).containsExactly("UPDATED", "UNCHANGED", "INVALID_ID");
        assertThat(update.get("results").get(0).get("message").asString()).contains("dry run");

        JsonNode assign = manager.post(BULK + "/assign", map("ids", List.of(a), "ownerId", rep, "dryRun", true))
                .json();
        assertThat(results(assign)).containsExactly("ASSIGNED");

        JsonNode delete = manager.post(BULK + "/delete", map("filter", map("source", tag), "dryRun", true))
                .json();
        assertThat(results(delete)).containsExactly("DELETED", "DELETED");
        assertThat(delete.get("links").has("undo")).isFalse();

        JsonNode lead = manager.get("/api/leads/" + a).json();
        assertThat(lead.get("status").asString()).isEqualTo("NEW");
        assertThat(lead.get("ownerId").asLong()).isEqualTo(userId("manager"));
        assertThat(manager.get("/api/leads?source=" + tag).json().get("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void updateByFilterSetsCustomValuesCheckedAgainstTheirDefinitions() {
        Api admin = as("admin");
        String tag = unique("custom");
        String key = "score_" + tag.replace("-", "_");
        assertThat(admin.post("/api/custom-fields", map("key", key, "label", "Score", "type", "NUMBER"))
                        .status())
                .isEqualTo(201);
        createLead(admin, map("email", tag + "-a@x.io", "source", tag, "status", "CONTACTED"));
        createLead(admin, map("email", tag + "-b@x.io", "source", tag));

        JsonNode done = admin.post(
                        BULK + "/update",
                        map(
                                "filter", map("source", tag, "status", List.of("CONTACTED")),
                                "changes", map("custom", map(key, "1,200"))))
                .json();
        assertThat(results(done)).containsExactly("UPDATED");
        JsonNode page = admin.get("/api/leads?status=CONTACTED&source=" + tag).json();
        assertThat(page.get("items").get(0).get("custom").get(key).asDouble()).isEqualTo(1200.0);

        JsonNode byKey = admin.post(BULK + "/update", map("filter", map("source", tag), "changes", map(key, 7)))
                .json();
        assertThat(byKey.get("totals").get("updated").asLong()).isEqualTo(2);

        assertThat(errorFields(admin.post(
                        BULK + "/update",
                        map("filter", map("source", tag), "changes", map("custom", map(key, "lots"))))))
                .containsExactly("changes.custom." + key);
        assertThat(errorFields(admin.post(BULK + "/update", map("ids", List.of(1), "changes", map("status", "MAYBE")))))
                .containsExactly("changes.status");
        assertThat(errorFields(admin.post(BULK + "/update", map("ids", List.of(1), "changes", map("email", "a@b.c")))))
                .containsExactly("changes.email");
        assertThat(errorFields(admin.post(BULK + "/update", map("ids", List.of(1), "changes", map()))))
                .containsExactly("changes");
        assertThat(errorFields(admin.post(BULK + "/update", map("changes", map("status", "NEW")))))
                .containsExactly("ids");
        assertThat(errorFields(admin.post(BULK + "/update", map("ids", List.of(), "changes", map("status", "NEW")))))
                .containsExactly("ids");
        assertThat(errorFields(admin.post(
                        BULK + "/update",
                        map("filter", map("colour", "red", "createdFrom", "soon"), "changes", map("status", "NEW")))))
                .containsExactlyInAnyOrder("filter.colour", "filter.createdFrom");
    }

    @Test
    void assignFollowsTheRoleRules() {
        user("bkrep3", "REP");
        long rep4 = user("bkrep4", "REP");
        Api rep = as("bkrep3");
        String tag = unique("assign");
        long own = id(createLead(rep, map("email", tag + "-a@x.io", "source", tag)));
        long managers = id(createLead(as("manager"), map("email", tag + "-b@x.io", "source", tag)));

        Api.Response toOther = rep.post(BULK + "/assign", map("ids", List.of(own), "ownerId", rep4));
        assertThat(toOther.status()).isEqualTo(403);
        assertThat(toOther.json().get("detail").asString()).contains("cannot assign");

        JsonNode toSelf = rep.post(BULK + "/assign", map("ids", List.of(own, managers), "ownerId", userId("bkrep3")))
                .json();
        assertThat(results(toSelf)).containsExactly("UNCHANGED", "FORBIDDEN");

        JsonNode byManager = as("manager")
                .post(BULK + "/assign", map("filter", map("source", tag), "ownerId", rep4))
                .json();
        assertThat(results(byManager)).containsExactly("ASSIGNED", "ASSIGNED");
        assertThat(as("bkrep4")
                        .get("/api/leads?source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);

        assertThat(errorFields(as("manager").post(BULK + "/assign", map("ids", List.of(own)))))
                .containsExactly("ownerId");
        assertThat(errorFields(as("manager").post(BULK + "/assign", map("ids", List.of(own), "ownerId", 99999999))))
                .containsExactly("ownerId");
    }

    @Test
    void deleteMovesLeadsToTheRecycleBinAndRestoreBringsThemBackUnlessTheEmailIsTaken() {
        user("bkrep5", "REP");
        Api manager = as("manager");
        String tag = unique("bin");
        long a = id(createLead(manager, map("email", tag + "-a@x.io", "source", tag)));
        long b = id(createLead(manager, map("email", tag + "-b@x.io", "source", tag)));

        assertThat(as("bkrep5").post(BULK + "/delete", map("ids", List.of(a))).status())
                .isEqualTo(403);

        JsonNode deleted =
                manager.post(BULK + "/delete", map("ids", List.of(a, b, "x1"))).json();
        assertThat(results(deleted)).containsExactly("DELETED", "DELETED", "INVALID_ID");
        assertThat(manager.get("/api/leads/" + a).status()).isEqualTo(404);
        assertThat(manager.get("/api/leads?source=" + tag).json().get("total").asLong())
                .isZero();

        JsonNode bin = manager.get(BULK + "/recycle-bin?size=500").json();
        List<Long> binned = new ArrayList<>();
        bin.get("items").forEach(i -> binned.add(i.get("id").asLong()));
        assertThat(binned).contains(a, b);
        JsonNode entry = bin.get("items").get(binned.indexOf(a));
        assertThat(entry.get("email").asString()).isEqualTo(tag + "-a@x.io");
        assertThat(entry.get("owner").asString()).isEqualTo("manager");
        assertThat(entry.get("purgeAt").asString()).isNotBlank();
        assertThat(as("bkrep5").get(BULK + "/recycle-bin").json().get("items")).isEmpty();

        // A new live lead takes b's email while b is in the bin.
        createLead(manager, map("email", tag + "-B@x.io", "source", tag));
        JsonNode restored = manager.post(BULK + "/restore", map("ids", List.of(a, b, a + 1_000_000_000L)))
                .json();
        assertThat(results(restored)).containsExactly("RESTORED", "CONFLICT", "NOT_FOUND");
        assertThat(restored.get("results").get(1).get("message").asString())
                .contains("a live lead already has the email");
        assertThat(manager.get("/api/leads/" + a).status()).isEqualTo(200);
        assertThat(manager.get("/api/leads/" + b).status()).isEqualTo(404);

        JsonNode again = manager.post(BULK + "/restore", map("ids", List.of(a))).json();
        assertThat(results(again)).containsExactly("UNCHANGED");
        assertThat(errorFields(manager.post(BULK + "/restore", map("filter", map("source", tag)))))
                .containsExactly("filter");
    }

    @Test
    void undoRestoresPreviousValuesAndSkipsLeadsChangedSince() {
        Api manager = as("manager");
        String tag = unique("undo");
        long a = id(createLead(manager, map("email", tag + "-a@x.io", "source", tag, "status", "CONTACTED")));
        long b = id(createLead(manager, map("email", tag + "-b@x.io", "source", tag)));
        long c = id(createLead(manager, map("email", tag + "-c@x.io")));

        JsonNode update = manager.post(
                        BULK + "/update", map("ids", List.of(a, b, c), "changes", map("status", "LOST", "source", "")))
                .json();
        assertThat(results(update)).containsExactly("UPDATED", "UPDATED", "UPDATED");
        long operation = update.get("operationId").asLong();
        assertThat(update.get("links").get("undo").asString()).isEqualTo(BULK + "/" + operation + "/undo");
        // Someone edits b after the bulk update.
        assertThat(manager.put("/api/leads/" + b, map("email", tag + "-b@x.io", "status", "CONVERTED"))
                        .status())
                .isEqualTo(200);

        JsonNode undo = manager.post(BULK + "/" + operation + "/undo", null).json();
        assertThat(undo.get("kind").asString()).isEqualTo("UNDO");
        assertThat(undo.get("undoOf").asLong()).isEqualTo(operation);
        assertThat(results(undo)).containsExactly("RESTORED", "CHANGED_SINCE", "RESTORED");
        assertThat(undo.get("totals").get("changedSince").asLong()).isEqualTo(1);

        JsonNode leadA = manager.get("/api/leads/" + a).json();
        assertThat(leadA.get("status").asString()).isEqualTo("CONTACTED");
        assertThat(leadA.get("source").asString()).isEqualTo(tag);
        assertThat(manager.get("/api/leads/" + b).json().get("status").asString())
                .isEqualTo("CONVERTED");
        assertThat(manager.get("/api/leads/" + c).json().get("source").isNull()).isTrue();

        JsonNode original = manager.get(BULK + "/" + operation).json();
        assertThat(original.get("status").asString()).isEqualTo("UNDONE");
        assertThat(original.get("undoneBy").asLong())
                .isEqualTo(undo.get("operationId").asLong());
        assertThat(manager.post(BULK + "/" + operation + "/undo", null).status())
                .isEqualTo(409);
    }

    @Test
    void undoOfAnAssignGivesTheLeadsBackToTheirOwners() {
        Api admin = as("admin");
        String tag = unique("unassign");
        long a = id(createLead(admin, map("email", tag + "-a@x.io", "source", tag)));
        long b = id(createLead(as("manager"), map("email", tag + "-b@x.io", "source", tag)));
        JsonNode assign = admin.post(BULK + "/assign", map("ids", List.of(a, b), "ownerId", userId("rep")))
                .json();
        assertThat(results(assign)).containsExactly("ASSIGNED", "ASSIGNED");

        JsonNode undo = admin.post(BULK + "/" + assign.get("operationId").asLong() + "/undo", null)
                .json();
        assertThat(results(undo)).containsExactly("RESTORED", "RESTORED");
        assertThat(admin.get("/api/leads/" + a).json().get("owner").asString()).isEqualTo("admin");
        assertThat(admin.get("/api/leads/" + b).json().get("owner").asString()).isEqualTo("manager");

        JsonNode delete = admin.post(BULK + "/delete", map("ids", List.of(a))).json();
        assertThat(errorFields(admin.post(BULK + "/" + delete.get("operationId").asLong() + "/undo", null)))
                .containsExactly("operationId");
    }

    @Test
    void resultsDownloadAsCsvAndOperationsAreVisibleOnlyToTheirActorAndManagers() {
        user("bkrep6", "REP");
        user("bkrep7", "REP");
        Api rep = as("bkrep6");
        String tag = unique("csv");
        long a = id(createLead(rep, map("email", tag + "-a@x.io", "source", tag)));
        JsonNode op = rep.post(
                        BULK + "/update", map("ids", List.of(a, "nope, \"really\""), "changes", map("status", "LOST")))
                .json();
        long id = op.get("operationId").asLong();

        Api.Response csv = rep.get(BULK + "/" + id + "/results.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("bulk-" + id + "-results.csv");
        assertThat(csv.body())
                .isEqualTo("id,result,message\r\n" + a + ",UPDATED,\r\n\"nope, \"\"really\"\"\",INVALID_ID,"
                        + "\"'nope, \"\"really\"\"' is not a lead id (a positive whole number)\"\r\n");

        assertThat(rep.get(BULK + "/" + id).json().get("totals").get("updated").asLong())
                .isEqualTo(1);
        assertThat(as("manager").get(BULK + "/" + id).status()).isEqualTo(200);
        assertThat(as("bkrep7").get(BULK + "/" + id).status()).isEqualTo(404);
        assertThat(as("bkrep7").get(BULK + "/" + id + "/results.csv").status()).isEqualTo(404);
        assertThat(as("bkrep7").post(BULK + "/" + id + "/undo", null).status()).isEqualTo(404);
    }

    @Test
    void everyOperationIsRecordedAsAStartAndAFinishEvent() {
        user("bkaudit", "MANAGER");
        Api manager = as("bkaudit");
        String tag = unique("events");
        long a = id(createLead(manager, map("email", tag + "-a@x.io", "source", tag)));

        long op = manager.post(BULK + "/update", map("ids", List.of(a, "bad"), "changes", map("status", "LOST")))
                .json()
                .get("operationId")
                .asLong();
        manager.post(BULK + "/delete", map("ids", List.of(a)));
        manager.post(BULK + "/restore", map("ids", List.of(a)));

        List<OperationEvent> updates = operations.of(OperationType.BULK_UPDATE, "bkaudit");
        assertThat(updates)
                .extracting(OperationEvent::status)
                .containsExactly(OperationStatus.RUNNING, OperationStatus.COMPLETED_WITH_ERRORS);
        OperationEvent done = updates.get(1);
        assertThat(done.operationId()).isEqualTo(String.valueOf(op));
        assertThat(done.counts()).isEqualTo(new OperationEvent.Counts(2, 2, 0, 1, 0, 1));
        assertThat(done.parameters().get("status")).isEqualTo("LOST");
        assertThat(done.links().get("download")).isEqualTo(BULK + "/" + op + "/results.csv");
        assertThat(operations.of(OperationType.BULK_DELETE, "bkaudit")).hasSize(2);
        assertThat(operations.of(OperationType.BULK_RESTORE, "bkaudit"))
                .extracting(OperationEvent::status)
                .containsExactly(OperationStatus.RUNNING, OperationStatus.COMPLETED);
    }

    @Test
    void aRequestListingTooManyIdsIsRefusedBeforeAnythingHappens() {
        List<Integer> ids = IntStream.rangeClosed(1, 100_001).boxed().toList();
        Api.Response response = as("admin").post(BULK + "/delete", map("ids", ids));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("at most 100000");
    }

    @Test
    void purgeDeletesOnlyLeadsInTheRecycleBinLongerThanTheRetention() {
        Api manager = as("manager");
        String tag = unique("purge");
        long old = id(createLead(manager, map("email", tag + "-old@x.io", "source", tag)));
        long recent = id(createLead(manager, map("email", tag + "-new@x.io", "source", tag)));
        manager.post(BULK + "/delete", map("ids", List.of(old, recent)));
        jdbc.sql("update lead set deleted_at = now() - interval '31 days' where id = :id")
                .param("id", old)
                .update();
        jdbc.sql("update lead set deleted_at = now() - interval '29 days' where id = :id")
                .param("id", recent)
                .update();

        assertThat(bulk.purgeRecycleBin()).isGreaterThanOrEqualTo(1);

        List<Long> left = jdbc.sql("select id from lead where source = :tag")
                .param("tag", tag)
                .query(Long.class)
                .list();
        assertThat(left).containsExactly(recent);
    }

    static long id(JsonNode lead) {
        return lead.get("id").asLong();
    }

    static List<String> results(JsonNode operation) {
        List<String> results = new ArrayList<>();
        operation.get("results").forEach(r -> results.add(r.get("result").asString()));
        return results;
    }

    static List<String> errorFields(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
