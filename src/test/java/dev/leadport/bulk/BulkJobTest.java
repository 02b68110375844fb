package dev.leadport.bulk;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.shared.events.OperationStatus;
import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Operations above the (here tiny) threshold run as db-scheduler jobs in chunks. */
@TestPropertySource(properties = {"leadport.bulk.job-threshold=5", "leadport.bulk.chunk-size=3"})
class BulkJobTest extends ApiTestBase {

    @Autowired
    BulkRepository repository;

    @Autowired
    BulkService bulk;

    @Autowired
    Users users;

    @Test
    void aLargeOperationRunsAsAJobAndCompletesWithExactCounts() throws InterruptedException {
        Api manager = as("manager");
        String tag = unique("job");
        List<Object> ids = new ArrayList<>(createTaggedLeads(manager, tag, 11));
        ids.add("not-an-id");
        ids.add(999_999_999L);

        Api.Response accepted =
                manager.post("/api/leads/bulk/update", map("ids", ids, "changes", map("status", "QUALIFIED")));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        long id = accepted.json().get("operationId").asLong();
        assertThat(accepted.header("Location")).isEqualTo("/api/leads/bulk/" + id);

        JsonNode done = awaitFinished(manager, id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(done.get("processed").asLong()).isEqualTo(13);
        assertThat(done.get("totals").get("updated").asLong()).isEqualTo(11);
        assertThat(done.get("totals").get("invalid").asLong()).isEqualTo(1);
        assertThat(done.get("totals").get("notFound").asLong()).isEqualTo(1);
        assertThat(done.get("totals").get("pending").asLong()).isZero();
        assertThat(manager.get("/api/leads?status=QUALIFIED&source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(11);

        Api.Response undo = manager.post("/api/leads/bulk/" + id + "/undo", null);
        assertThat(undo.status()).isEqualTo(202);
        JsonNode undone = awaitFinished(manager, undo.json().get("operationId").asLong());
        assertThat(undone.get("totals").get("restored").asLong()).isEqualTo(11);
        assertThat(undone.get("totals").get("requested").asLong()).isEqualTo(11);
        assertThat(manager.get("/api/leads?status=NEW&source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(11);
    }

    @Test
    void aDryRunAnswersAtOnceWhateverItsSize() {
        Api manager = as("manager");
        String tag = unique("jobdry");
        createTaggedLeads(manager, tag, 7);
        Api.Response response = manager.post("/api/leads/bulk/delete?dryRun=true", map("filter", map("source", tag)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("totals").get("deleted").asLong()).isEqualTo(7);
        assertThat(manager.get("/api/leads?source=" + tag).json().get("total").asLong())
                .isEqualTo(7);
    }

    @Test
    void aJobRestartedAfterSomeChunksRunsOnlyThePendingOnesAndChangesNoLeadTwice() {
        Api manager = as("manager");
        String tag = unique("resume");
        List<Long> ids = createTaggedLeads(manager, tag, 8);
        CurrentUser actor = users.asCurrentUser(users.findByReference("manager").orElseThrow());
        BulkParameters lost = new BulkParameters("LOST", false, null, Map.of(), null, null, null);
        long id = repository.create(BulkKind.UPDATE, OperationStatus.QUEUED, actor, false, lost, ids.size());
        List<BulkTarget> targets = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            targets.add(new BulkTarget(i + 1, String.valueOf(ids.get(i)), ids.get(i), BulkResultCode.PENDING, null));
        }
        repository.insertTargets(id, targets);
        // The node ran one chunk of three, then died.
        assertThat(repository.runChunk(repository.find(id).orElseThrow(), actor, 3, 0))
                .isEqualTo(new BulkRepository.Chunk(3, 3));
        String firstUpdatedAt =
                manager.get("/api/leads/" + ids.get(0)).json().get("updatedAt").asString();

        bulk.runJob(id);

        JsonNode done = manager.get("/api/leads/bulk/" + id).json();
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("totals").get("updated").asLong()).isEqualTo(8);
        assertThat(done.get("processed").asLong()).isEqualTo(8);
        assertThat(manager.get("/api/leads/" + ids.get(0))
                        .json()
                        .get("updatedAt")
                        .asString())
                .isEqualTo(firstUpdatedAt);
        assertThat(manager.get("/api/leads?status=LOST&source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(8);
    }

    private static JsonNode awaitFinished(Api api, long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonNode op = api.get("/api/leads/bulk/" + id).json();
            String status = op.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return op;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Operation " + id + " did not finish");
    }
}
