package dev.leadport.exports;

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

/** An exported file re-imports into Leadport with no loss: export, delete, import, export again, compare. */
class ExportRoundTripTest extends ApiTestBase {

    private static final String PATH = "/api/leads/import-export";

    @Test
    void csvExportReimportsWithEveryStandardAndCustomValue() {
        roundTrip("csv", "");
    }

    @Test
    void xlsxExportReimportsWithEveryStandardAndCustomValue() {
        roundTrip("xlsx", "");
    }

    @Test
    void machineExportWithoutNeutralisationReimportsFormulaLikeTextUnchanged() {
        roundTrip("csv", "&neutralise=false");
    }

    private void roundTrip(String format, String options) {
        Api admin = as("admin");
        String tag = unique("trip");
        String suffix = tag.replace("-", "_");
        List<String> keys = List.of("budget_" + suffix, "since_" + suffix, "vip_" + suffix, "tier_" + suffix);
        field(admin, keys.get(0), "NUMBER", List.of());
        field(admin, keys.get(1), "DATE", List.of());
        field(admin, keys.get(2), "BOOLEAN", List.of());
        field(admin, keys.get(3), "CHOICE", List.of("Gold", "Silver"));
        long rep = userId("rep");
        createLead(
                admin,
                map(
                        "firstName", "Zoë",
                        "lastName", "O'Neil, \"Jr\"",
                        "email", tag + "-1@x.io",
                        "phone", "+44 20 7946 0958",
                        "company", options.isEmpty() ? "Acme\nRockets" : "=SUM(1,2)",
                        "jobTitle", "Head of Ops",
                        "status", "QUALIFIED",
                        "source", tag,
                        "ownerId", rep,
                        "notes", "line one\r\nline two",
                        "custom",
                                map(
                                        keys.get(0),
                                        "12500.5",
                                        keys.get(1),
                                        "2024-02-29",
                                        keys.get(2),
                                        true,
                                        keys.get(3),
                                        "Gold")));
        createLead(admin, map("email", tag + "-2@x.io", "source", tag, "status", "LOST"));
        createLead(admin, map("phone", "+1 415 555 0199", "source", tag, "lastName", "Phone only"));

        String fields =
                "firstName,lastName,email,phone,company,jobTitle,status,source,owner,notes," + String.join(",", keys);
        String query = PATH + "/export?source=" + tag + "&format=" + format + "&fields=" + fields + options;
        Api.Response before = admin.get(query);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        List<List<String>> beforeRows = rows(format, before.bytes());

        JsonNode deleted = admin.post("/api/leads/bulk/delete", map("filter", map("source", tag)))
                .json();
        assertThat(deleted.get("totals").get("deleted").asLong()).isEqualTo(3);

        String contentType =
                format.equals("csv") ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        Api.Response started = admin.postMultipart(
                PATH + "/import",
                Map.of(
                        "file",
                        new FilePart("leads." + format, contentType, before.bytes()),
                        "duplicateMode",
                        "CREATE"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode job = awaitImport(admin, started.json().get("id").asLong());
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asLong()).isEqualTo(3);

        List<List<String>> afterRows = rows(format, admin.get(query).bytes());
        assertThat(afterRows).isEqualTo(beforeRows);
    }

    private static List<List<String>> rows(String format, byte[] bytes) {
        try {
            return format.equals("csv")
                    ? ExportApiTest.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                    : ExportApiTest.xlsx(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void field(Api admin, String key, String type, List<String> options) {
        Api.Response response = admin.post(
                "/api/custom-fields",
                map("key", key, "label", key.replace('_', ' '), "type", type, "options", options));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static JsonNode awaitImport(Api api, long id) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            JsonNode job = api.get(PATH + "/imports/" + id).json();
            String status = job.get("status").asString();
            seen.add(status);
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish; statuses " + seen);
    }
}
