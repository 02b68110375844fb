package dev.leadport.imports;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UploadEditsApiTest extends ApiTestBase {

    private static final String PATH = UploadApiTest.PATH;
    private static final String MAPPING =
            "{\"email\":\"email\",\"first\":\"firstName\",\"role\":\"jobTitle\",\"source\":\"source\"}";

    @Test
    void editsDropsAndReplaceRulesAreStoredCheckedAtOnceAndAppliedByTheImport() {
        Api manager = as("manager");
        String tag = unique("grid");
        String csv = "email,first,role,source\n"
                + "ann-" + tag + "@x.io,Ann,Sales Rep," + tag + "\n"
                + "bob-at-nowhere,Bob,Sales Rep," + tag + "\n"
                + "dan-" + tag + "@x.io,Dan,n/a," + tag + "\n"
                + "eve-" + tag + "@x.io,Eve,N/A ," + tag + "\n"
                + "fay-broken,Fay,Sales Rep," + tag + "\n";
        String id =
                UploadApiTest.upload(manager, "grid.csv", csv).get("uploadId").asString();
        String base = PATH + "/uploads/" + id;

        // Before any check there is nothing to edit against.
        Api.Response early = manager.put(base + "/rows/3", map("cells", Map.of("email", "x@y.io")));
        assertThat(early.status()).as(early.toString()).isIn(404, 409);

        JsonNode first = UploadApiTest.validate(manager, id, Map.of("mapping", MAPPING));
        assertThat(first.get("invalidRows").asLong()).isEqualTo(2);

        JsonNode page = manager.get(base + "/problems?column=email").json();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("rows").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(page.get("rows").get(0).get("values").get(0).asString()).isEqualTo("bob-at-nowhere");
        assertThat(page.get("columns").get("email").asLong()).isEqualTo(2);
        String reason =
                page.get("rows").get(0).get("problems").get(0).get("reason").asString();
        assertThat(manager.get(base + "/problems?reason="
                                + java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8))
                        .json()
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(manager.get(base + "/problems?column=first")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        JsonNode fixed = manager.put(base + "/rows/3", map("cells", Map.of("email", "bob-" + tag + "@x.io")))
                .json();
        assertThat(fixed.get("state").asString()).isEqualTo("OK");
        assertThat(fixed.get("edited").toString()).isEqualTo("[0]");
        JsonNode still = manager.put(base + "/rows/6", map("cells", Map.of("email", "still bad")))
                .json();
        assertThat(still.get("state").asString()).isEqualTo("ERROR");
        Api.Response unknownColumn = manager.put(base + "/rows/6", map("cells", Map.of("Mail", "x")));
        assertThat(unknownColumn.status()).isEqualTo(400);
        assertThat(unknownColumn.body()).contains("cells.Mail");
        assertThat(manager.put(base + "/rows/5", map("cells", Map.of("email", "x@y.io")))
                        .status())
                .isEqualTo(404);

        assertThat(manager.delete(base + "/rows/4").status()).isEqualTo(200);
        JsonNode rule = manager.post(base + "/replace", map("column", "role", "from", "sales rep", "to", "rep"))
                .json();
        assertThat(rule.get("rowsChecked").asInt()).isEqualTo(2);
        assertThat(manager.post(base + "/replace", map("column", "role", "from", "n/a", "to", ""))
                        .status())
                .isEqualTo(200);
        assertThat(manager.post(base + "/replace", map("column", "nope", "from", "a"))
                        .status())
                .isEqualTo(400);

        // The edits survive: another client sees them, and the next check reads the file with them.
        JsonNode reloaded = as("manager").get(base + "/problems").json();
        assertThat(reloaded.get("rows").toString()).contains("bob-" + tag + "@x.io", "still bad");
        Map<String, String> again = new HashMap<>(Map.of("mapping", MAPPING));
        JsonNode second = UploadApiTest.validate(manager, id, again);
        assertThat(second.get("reused").asBoolean()).isFalse();
        assertThat(second.get("totalRows").asLong()).isEqualTo(4);
        assertThat(second.get("invalidRows").asLong()).isEqualTo(1);

        Api.Response started = manager.postMultipart(PATH + "/import", Map.of("uploadId", id, "mapping", MAPPING));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode job = ImportApiTest.await(manager, started.json().get("id").asLong());
        assertThat(job.get("created").asLong()).isEqualTo(3);
        assertThat(job.get("failed").asLong()).isEqualTo(1);

        Map<String, String> titles = new HashMap<>();
        for (JsonNode lead :
                manager.get("/api/leads?source=" + tag + "&size=50").json().get("items")) {
            titles.put(
                    lead.get("email").asString(),
                    lead.path("jobTitle").isNull()
                            ? null
                            : lead.path("jobTitle").asString(null));
        }
        assertThat(titles).containsOnlyKeys("ann-" + tag + "@x.io", "bob-" + tag + "@x.io", "eve-" + tag + "@x.io");
        assertThat(titles.get("ann-" + tag + "@x.io")).isEqualTo("rep");
        assertThat(titles.get("bob-" + tag + "@x.io")).isEqualTo("rep");
        assertThat(titles.get("eve-" + tag + "@x.io")).isNull();

        String report = manager.get(PATH + "/imports/" + job.get("id").asLong() + "/errors")
                .body();
        assertThat(report)
                .contains("still bad,Fay,rep")
                .doesNotContain("fay-broken")
                .doesNotContain("Sales Rep");
    }
}
