package dev.leadport.imports;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ImportSuccessFileTest extends ApiTestBase {

    private static final String PATH = "/api/leads/import-export";

    @Test
    void successFileListsEveryRowThatLandedWithTheLeadItIsNow() {
        Api admin = as("admin");
        String tag = unique("ok");
        long existing = createLead(admin, map("email", "old-" + tag + "@x.io", "source", tag))
                .get("id")
                .asLong();
        String csv = "email,first name,source\n"
                + "new1-" + tag + "@x.io,N1," + tag + "\n" // row 2: created
                + "old-" + tag + "@x.io,Changed," + tag + "\n" // row 3: updated
                + "broken@,B," + tag + "\n" // row 4: failed
                + "NEW1-" + tag + "@x.io,Again," + tag + "\n" // row 5: same email as row 2
                + "new2-" + tag + "@x.io,N2," + tag + "\n"; // row 6: created
        JsonNode job = runImport(admin, csv, "UPDATE");
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("updated").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(1);

        List<List<String>> rows = success(admin, job.get("id").asLong());
        long new1 = leadId(admin, "new1-" + tag + "@x.io");
        long new2 = leadId(admin, "new2-" + tag + "@x.io");
        assertThat(rows)
                .containsExactly(
                        List.of("row_number", "lead_id", "outcome", "matched_lead_id"),
                        List.of("2", String.valueOf(new1), "CREATED", ""),
                        List.of("3", String.valueOf(existing), "UPDATED", String.valueOf(existing)),
                        List.of("5", String.valueOf(new1), "SKIPPED_DUPLICATE", String.valueOf(new1)),
                        List.of("6", String.valueOf(new2), "CREATED", ""));
        assertThat(admin.get("/api/leads/" + existing).json().get("firstName").asString())
                .isEqualTo("Changed");
    }

    @Test
    void skipModeNamesTheExistingLeadOnlyToWhoMaySeeIt() {
        Api admin = as("admin");
        user("success-rep", "REP");
        Api rep = as("success-rep");
        String tag = unique("skip");
        long adminsLead = createLead(admin, map("email", "theirs-" + tag + "@x.io", "source", tag))
                .get("id")
                .asLong();
        long repsLead = createLead(rep, map("email", "mine-" + tag + "@x.io", "source", tag))
                .get("id")
                .asLong();
        String csv = "email,source\n" + "theirs-" + tag + "@x.io," + tag + "\n" + "mine-" + tag + "@x.io," + tag + "\n";
        JsonNode job = runImport(rep, csv, "SKIP");
        assertThat(job.get("skipped").asLong()).isEqualTo(2);

        assertThat(success(rep, job.get("id").asLong()))
                .containsExactly(
                        List.of("row_number", "lead_id", "outcome", "matched_lead_id"),
                        List.of("2", "", "SKIPPED_DUPLICATE", ""),
                        List.of("3", String.valueOf(repsLead), "SKIPPED_DUPLICATE", String.valueOf(repsLead)));
        assertThat(adminsLead).isPositive();
    }

    @Test
    void aRepCannotReadAnotherUsersSuccessFileAndAnUndoneImportHasNone() {
        Api admin = as("admin");
        user("success-rep2", "REP");
        String tag = unique("own");
        JsonNode job = runImport(admin, "email,source\na-" + tag + "@x.io," + tag + "\n", "SKIP");
        long id = job.get("id").asLong();
        assertThat(as("success-rep2").get(PATH + "/imports/" + id + "/success").status())
                .isEqualTo(403);
        assertThat(admin.post(PATH + "/imports/" + id + "/undo", Map.of()).status())
                .isEqualTo(200);
        Api.Response undone = admin.get(PATH + "/imports/" + id + "/success");
        assertThat(undone.status()).isEqualTo(409);
        assertThat(undone.contentType()).contains("problem+json");
    }

    private static List<List<String>> success(Api api, long importId) {
        Api.Response response = api.get(PATH + "/imports/" + importId + "/success");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("success-leads.csv");
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(response.body())) {
            return reader.stream().map(CsvRecord::getFields).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long leadId(Api api, String email) {
        JsonNode items = api.get("/api/leads?q=" + email).json().get("items");
        assertThat(items.size()).isEqualTo(1);
        return items.get(0).get("id").asLong();
    }

    private static JsonNode runImport(Api api, String csv, String mode) {
        Api.Response started = api.postMultipart(
                PATH + "/import", Map.of("file", FilePart.csv("leads.csv", csv), "duplicateMode", mode));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return ImportApiTest.await(api, started.json().get("id").asLong());
    }
}
