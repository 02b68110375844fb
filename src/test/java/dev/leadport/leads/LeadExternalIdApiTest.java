package dev.leadport.leads;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LeadExternalIdApiTest extends ApiTestBase {

    @Test
    void anExternalIdIsKeptShownFoundFilteredAndExported() {
        Api admin = as("admin");
        String tag = unique("ext");
        String externalId = "00Q" + tag;
        JsonNode created =
                createLead(admin, map("email", "a-" + tag + "@x.io", "source", tag, "externalId", externalId));
        long id = created.get("id").asLong();
        assertThat(created.get("externalId").asString()).isEqualTo(externalId);
        createLead(admin, map("email", "b-" + tag + "@x.io", "source", tag));

        assertThat(ids(admin.get("/api/leads?externalId=" + externalId))).containsExactly(id);
        assertThat(ids(admin.get("/api/leads?q=" + externalId))).containsExactly(id);
        assertThat(ids(admin.get("/api/leads?source=" + tag))).hasSize(2);

        Api.Response export =
                admin.get("/api/leads/import-export/export?fields=id,externalId&source=" + tag + "&header=keys");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<List<String>> rows = new java.util.ArrayList<>();
        de.siegmar.fastcsv.reader.CsvReader.builder()
                .ofCsvRecord(export.body().replace("\uFEFF", ""))
                .forEach(r -> rows.add(r.getFields()));
        assertThat(rows.get(0)).containsExactly("id", "externalId");
        assertThat(rows).contains(List.of(String.valueOf(id), externalId));
    }

    @Test
    void anExternalIdIsUniqueAndAnUpdateCanChangeOrClearIt() {
        Api admin = as("admin");
        String tag = unique("extu");
        long first = createLead(admin, map("email", "a-" + tag + "@x.io", "externalId", "X-" + tag))
                .get("id")
                .asLong();
        Api.Response clash = admin.post("/api/leads", map("email", "b-" + tag + "@x.io", "externalId", "X-" + tag));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.body()).contains("externalId").contains("lead " + first);

        Api.Response tooLong =
                admin.post("/api/leads", map("email", "c-" + tag + "@x.io", "externalId", "x".repeat(256)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("externalId");

        Api.Response changed =
                admin.put("/api/leads/" + first, map("email", "a-" + tag + "@x.io", "externalId", "Y-" + tag));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("externalId").asString()).isEqualTo("Y-" + tag);
        // The old id is free again.
        createLead(admin, map("email", "b-" + tag + "@x.io", "externalId", "X-" + tag));
    }

    @Test
    void aRepIsNotToldWhichLeadOfAnotherUserHoldsAnExternalId() {
        Api admin = as("admin");
        user("ext-rep", "REP");
        String tag = unique("extr");
        long theirs = createLead(admin, map("email", "a-" + tag + "@x.io", "externalId", "R-" + tag))
                .get("id")
                .asLong();
        Api.Response clash =
                as("ext-rep").post("/api/leads", map("email", "b-" + tag + "@x.io", "externalId", "R-" + tag));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body()).doesNotContain(String.valueOf(theirs));
        assertThat(ids(as("ext-rep").get("/api/leads?externalId=R-" + tag))).isEmpty();
    }

    private static List<Long> ids(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        response.json().get("items").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }
}
