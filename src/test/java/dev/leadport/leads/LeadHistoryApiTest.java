package dev.leadport.leads;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LeadHistoryApiTest extends ApiTestBase {

    private static final String IMPORTS = "/api/leads/import-export";

    @Test
    void historyListsImportCreateImportUpdateBulkChangeUndoAndEditInOrderWithValuesBeforeAndAfter() {
        Api admin = as("admin");
        Api manager = as("manager");
        String tag = unique("hist");
        String email = tag + "@x.io";
        long created =
                runImport(admin, "email,first name,company,source\n" + email + ",Ada,Acme," + tag + "\n", "SKIP");
        long id = admin.get("/api/leads?q=" + tag)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        long updated = runImport(admin, "email,company\n" + email + ",Acme Two\n", "UPDATE");

        JsonNode bulk = manager.post(
                        "/api/leads/bulk/update", map("ids", List.of(id), "changes", map("status", "QUALIFIED")))
                .json();
        long operation = bulk.get("operationId").asLong();
        Api.Response undo = manager.post("/api/leads/bulk/" + operation + "/undo", null);
        assertThat(undo.status()).as(undo.toString()).isEqualTo(200);
        Api.Response edit = admin.put(
                "/api/leads/" + id,
                map("email", email, "firstName", "Ada", "company", "Acme Two", "source", tag, "jobTitle", "CTO"));
        assertThat(edit.status()).as(edit.toString()).isEqualTo(200);

        JsonNode history = admin.get("/api/leads/" + id + "/history").json();
        assertThat(whats(history))
                .containsExactly(
                        "Created by import of leads.csv",
                        "Updated by import of leads.csv",
                        "Bulk change " + operation,
                        "Undo " + undo.json().get("operationId").asLong() + " of bulk operation " + operation,
                        "Edited");
        assertThat(history.get(0).get("link").asString()).isEqualTo("/import?job=" + created);
        assertThat(history.get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(changes(history.get(0)))
                .contains("email: null -> " + email, "firstName: null -> Ada", "company: null -> Acme");
        assertThat(history.get(1).get("link").asString()).isEqualTo("/import?job=" + updated);
        assertThat(changes(history.get(1))).containsExactly("company: Acme -> Acme Two");
        assertThat(history.get(2).get("actor").asString()).isEqualTo("manager");
        assertThat(changes(history.get(2))).containsExactly("status: NEW -> QUALIFIED");
        assertThat(changes(history.get(3))).containsExactly("status: QUALIFIED -> NEW");
        assertThat(history.get(4).get("actor").asString()).isEqualTo("admin");
        assertThat(changes(history.get(4))).containsExactly("jobTitle: null -> CTO");
    }

    @Test
    void undoingAnImportShowsInTheHistoryWithTheValuesItPutBack() {
        Api admin = as("admin");
        String tag = unique("hist-undo");
        long id = createLead(admin, map("email", tag + "@x.io", "company", "Before", "source", tag))
                .get("id")
                .asLong();
        long job = runImport(admin, "email,company\n" + tag + "@x.io,After\n", "UPDATE");
        Api.Response undo = admin.post(IMPORTS + "/imports/" + job + "/undo", null);
        assertThat(undo.status()).as(undo.toString()).isEqualTo(200);

        JsonNode history = admin.get("/api/leads/" + id + "/history").json();
        assertThat(whats(history))
                .containsExactly(
                        "Created", "Updated by import of leads.csv", "Import of leads.csv undone: values put back");
        assertThat(changes(history.get(1))).containsExactly("company: Before -> After");
        assertThat(changes(history.get(2))).containsExactly("company: After -> Before");
        assertThat(history.get(2).get("actor").asString()).isEqualTo("admin");
    }

    @Test
    void aRepCannotReadTheHistoryOfAnotherUsersLead() {
        String tag = unique("hist-rep");
        user("rep-history", "REP");
        long id =
                createLead(as("manager"), map("email", tag + "@x.io")).get("id").asLong();
        assertThat(as("rep-history").get("/api/leads/" + id + "/history").status())
                .isEqualTo(403);
        assertThat(as("manager").get("/api/leads/999999999/history").status()).isEqualTo(404);
    }

    @Test
    void listSortsByAColumnAndPagesOnWithTheCursorInEitherDirection() {
        Api manager = as("manager");
        String tag = unique("sort");
        for (String company : List.of("delta", "Alpha", "charlie", "bravo", "Echo")) {
            createLead(manager, map("email", company + "-" + tag + "@x.io", "company", company, "source", tag));
        }
        assertThat(companies(manager, "/api/leads?size=2&sort=company&source=" + tag.toUpperCase()))
                .containsExactly("Alpha", "bravo", "charlie", "delta", "Echo");
        assertThat(companies(manager, "/api/leads?size=2&sort=company&dir=desc&source=" + tag))
                .containsExactly("Echo", "delta", "charlie", "bravo", "Alpha");
        assertThat(companies(manager, "/api/leads?size=3&sort=created&dir=asc&source=" + tag))
                .containsExactly("delta", "Alpha", "charlie", "bravo", "Echo");
        assertThat(companies(manager, "/api/leads?size=2&source=" + tag.substring(0, tag.length() - 2)))
                .contains("Alpha", "Echo");
        Api.Response bad = manager.get("/api/leads?sort=shoe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
        Api.Response badCursor = manager.get("/api/leads?sort=company&after=12");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("errors").get(0).get("field").asString())
                .isEqualTo("after");
    }

    private static List<String> companies(Api api, String firstPage) {
        List<String> seen = new ArrayList<>();
        String url = firstPage;
        for (int pages = 0; pages < 10; pages++) {
            JsonNode page = api.get(url).json();
            page.get("items").forEach(l -> seen.add(l.get("company").asString()));
            if (page.get("nextCursor").isNull()) {
                return seen;
            }
            url = firstPage + "&after=" + page.get("nextCursor").asString();
        }
        throw new AssertionError("more pages than expected: " + seen);
    }

    private static List<String> whats(JsonNode history) {
        List<String> result = new ArrayList<>();
        history.forEach(e -> result.add(e.get("what").asString()));
        return result;
    }

    private static List<String> changes(JsonNode entry) {
        List<String> result = new ArrayList<>();
        entry.get("changes")
                .forEach(c -> result.add(
                        c.get("field").asString() + ": " + text(c.get("before")) + " -> " + text(c.get("after"))));
        return result;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asString();
    }

    private long runImport(Api api, String csv, String mode) {
        Api.Response started = api.postMultipart(
                IMPORTS + "/import", Map.of("file", FilePart.csv("leads.csv", csv), "duplicateMode", mode));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long job = started.json().get("id").asLong();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String status =
                    api.get(IMPORTS + "/imports/" + job).json().get("status").asString();
            if (status.startsWith("COMPLETED")) {
                return job;
            }
            assertThat(status).isIn("QUEUED", "RUNNING");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + job + " did not finish");
    }
}
