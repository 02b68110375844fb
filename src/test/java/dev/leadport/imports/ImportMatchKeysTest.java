package dev.leadport.imports;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ImportMatchKeysTest extends ApiTestBase {

    private static final String PATH = "/api/leads/import-export";

    @Test
    void exportEditEmailsAndStatusesAndReimportByIdUpdatesExactlyThoseLeads() {
        Api admin = as("admin");
        String tag = unique("byid");
        List<Long> ids = createTaggedLeads(admin, tag, 3);
        Api.Response export = admin.get(PATH + "/export?source=" + tag);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        List<List<String>> rows = parse(export.body());
        List<String> header = rows.get(0);
        int email = header.indexOf("Email");
        int status = header.indexOf("Status");
        assertThat(header).contains("ID", "External ID");
        Map<Long, String> newEmails = new HashMap<>();
        List<List<String>> edited = new ArrayList<>();
        edited.add(header);
        for (List<String> row : rows.subList(1, rows.size())) {
            List<String> copy = new ArrayList<>(row);
            long id = Long.parseLong(copy.get(header.indexOf("ID")));
            String changed = "renamed-" + id + "-" + tag + "@x.io";
            copy.set(email, changed);
            copy.set(status, "QUALIFIED");
            newEmails.put(id, changed);
            edited.add(copy);
        }

        JsonNode job = runImport(admin, write(edited), Map.of("duplicateMode", "UPDATE", "matchBy", "ID"));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.get("updated").asLong()).isEqualTo(3);
        assertThat(job.get("created").asLong()).isZero();
        assertThat(admin.get("/api/leads?size=1&source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(3);
        for (long id : ids) {
            JsonNode lead = admin.get("/api/leads/" + id).json();
            assertThat(lead.get("email").asString()).isEqualTo(newEmails.get(id));
            assertThat(lead.get("status").asString()).isEqualTo("QUALIFIED");
        }
    }

    @Test
    void byIdAnUnknownIdAndAnEmailOfAnotherLeadFailTheirRowsNamingColumnAndReason() {
        Api admin = as("admin");
        String tag = unique("idbad");
        List<Long> ids = createTaggedLeads(admin, tag, 2);
        String csv = "id,email,first name\n"
                + ids.get(0) + "," + tag + "-1@x.io,Taken\n" // row 2: lead 1's email is lead 2's
                + "999999999," + "nobody-" + tag + "@x.io,Ghost\n" // row 3: no such lead
                + "," + "fresh-" + tag + "@x.io,New\n" // row 4: no id: created
                + ids.get(1) + ",,Kept\n"; // row 5: updates lead 2, keeps its email
        JsonNode job = runImport(
                admin, csv, Map.of("duplicateMode", "UPDATE", "matchBy", "ID", "mapping", "{\"id\": \"id\"}"));
        assertThat(job.get("failed").asLong()).as(job.toString()).isEqualTo(2);
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("updated").asLong()).isEqualTo(1);
        String errors = admin.get(PATH + "/imports/" + job.get("id").asLong() + "/errors")
                .body();
        assertThat(errors)
                .contains("2,error,email,The email " + tag + "-1@x.io belongs to another lead (lead " + ids.get(1)
                        + "); not imported")
                .contains("3,error,id,No lead with id 999999999");
        assertThat(admin.get("/api/leads/" + ids.get(0)).json().get("email").asString())
                .isEqualTo(tag + "-0@x.io");
        assertThat(admin.get("/api/leads/" + ids.get(1)).json().get("firstName").asString())
                .isEqualTo("Kept");
    }

    @Test
    void aRepMatchingByIdCannotReachAnotherUsersLead() {
        Api admin = as("admin");
        user("keys-rep", "REP");
        Api rep = as("keys-rep");
        String tag = unique("idrep");
        long theirs = createLead(admin, map("email", "theirs-" + tag + "@x.io", "firstName", "Theirs"))
                .get("id")
                .asLong();
        JsonNode job = runImport(
                rep,
                "id,first name,email\n" + theirs + ",Mine,\n",
                Map.of("duplicateMode", "UPDATE", "matchBy", "ID", "mapping", "{\"id\": \"id\"}"));
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        String errors =
                rep.get(PATH + "/imports/" + job.get("id").asLong() + "/errors").body();
        assertThat(errors).contains("No lead with id " + theirs).doesNotContain("another user");
        assertThat(admin.get("/api/leads/" + theirs).json().get("firstName").asString())
                .isEqualTo("Theirs");
    }

    @Test
    void upsertByExternalIdCreatesThenUpdatesTheSameLeads() {
        Api admin = as("admin");
        String tag = unique("upsert");
        String first = "Record ID,Email,First Name,Lead Source\n"
                + "HS-1-" + tag + ",a-" + tag + "@x.io,Ann," + tag + "\n"
                + "HS-2-" + tag + ",b-" + tag + "@x.io,Bob," + tag + "\n";
        JsonNode created = runImport(admin, first, Map.of("duplicateMode", "UPDATE", "matchBy", "EXTERNAL_ID"));
        assertThat(created.get("created").asLong()).as(created.toString()).isEqualTo(2);
        long ann = admin.get("/api/leads?externalId=HS-1-" + tag)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();

        // The other system changed Ann's email and Bob's name: matched by their ids, both are updated.
        String second = "Record ID,Email,First Name,Lead Source\n"
                + "HS-1-" + tag + ",ann.new-" + tag + "@x.io,Ann," + tag + "\n"
                + "HS-2-" + tag + ",b-" + tag + "@x.io,Robert," + tag + "\n";
        JsonNode updated = runImport(admin, second, Map.of("duplicateMode", "UPDATE", "matchBy", "EXTERNAL_ID"));
        assertThat(updated.get("updated").asLong()).as(updated.toString()).isEqualTo(2);
        assertThat(updated.get("created").asLong()).isZero();
        assertThat(admin.get("/api/leads?size=1&source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(admin.get("/api/leads/" + ann).json().get("email").asString())
                .isEqualTo("ann.new-" + tag + "@x.io");
        assertThat(admin.get("/api/leads?externalId=HS-2-" + tag)
                        .json()
                        .get("items")
                        .get(0)
                        .get("firstName")
                        .asString())
                .isEqualTo("Robert");
    }

    @Test
    void byEmailTwoRowsGivingOneExternalIdToDifferentLeadsFailTheSecond() {
        Api admin = as("admin");
        String tag = unique("extdup");
        String csv =
                "Email,External ID\n" + "a-" + tag + "@x.io,E-" + tag + "\n" + "b-" + tag + "@x.io,E-" + tag + "\n";
        JsonNode job = runImport(admin, csv, Map.of("duplicateMode", "SKIP"));
        assertThat(job.get("created").asLong()).as(job.toString()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        String errors = admin.get(PATH + "/imports/" + job.get("id").asLong() + "/errors")
                .body();
        assertThat(errors).contains("3,error,externalId,\"Same external id as row 2 of this file");
    }

    @Test
    void matchingByIdNeedsAnIdColumn() {
        Api.Response response = as("admin")
                .postMultipart(
                        PATH + "/validate",
                        Map.of("file", FilePart.csv("leads.csv", "email\na@x.io\n"), "matchBy", "ID"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("matchBy");
        Api.Response wrong = as("admin")
                .postMultipart(
                        PATH + "/validate",
                        Map.of("file", FilePart.csv("leads.csv", "email\na@x.io\n"), "matchBy", "PHONE"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("matchBy").contains("EXTERNAL_ID");
    }

    @Test
    void headersOfOtherSystemsMapToTheExternalIdAndLeadportsOwnIdToTheId() {
        Api admin = as("admin");
        JsonNode salesforce = validate(admin, "Id,FirstName,LastName,Email\n00Q1,Ann,Lee,ann@x.io\n");
        assertThat(ImportApiTest.targets(salesforce)).containsEntry("Id", "externalId");
        JsonNode hubspot = validate(admin, "Record ID,First Name,Email\n101,Ann,ann@x.io\n");
        assertThat(ImportApiTest.targets(hubspot)).containsEntry("Record ID", "externalId");
        JsonNode own = validate(
                admin,
                "ID,External ID,First name,Email,Created at\n5,,Ann,ann@x.io,2024-01-01\n",
                Map.of("matchBy", "ID"));
        assertThat(ImportApiTest.targets(own))
                .containsEntry("ID", "id")
                .containsEntry("External ID", "externalId")
                .containsEntry("Created at", "ignore");
    }

    @Test
    void originalDatesAreKeptForAnAdminAndRefusedToARep() {
        Api admin = as("admin");
        String tag = unique("dates");
        String csv = "email,created,modified,source\n" + "d-" + tag + "@x.io,31.03.2019,2020-02-01," + tag + "\n";
        String mapping = "{\"created\": \"createdAt\", \"modified\": \"updatedAt\"}";
        JsonNode job = runImport(admin, csv, Map.of("duplicateMode", "SKIP", "mapping", mapping));
        assertThat(job.get("created").asLong()).as(job.toString()).isEqualTo(1);
        JsonNode lead =
                admin.get("/api/leads?source=" + tag).json().get("items").get(0);
        assertThat(lead.get("createdAt").asString()).startsWith("2019-03-31T00:00:00");
        assertThat(lead.get("updatedAt").asString()).startsWith("2020-02-01T00:00:00");
        assertThat(admin.get("/api/leads?source=" + tag + "&createdTo=2019-03-31")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        user("dates-rep", "REP");
        Api.Response refused = as("dates-rep")
                .postMultipart(PATH + "/validate", Map.of("file", FilePart.csv("leads.csv", csv), "mapping", mapping));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("ADMIN or MANAGER").contains("created");
    }

    @Test
    void aBadOriginalDateFailsItsRow() {
        Api admin = as("admin");
        String tag = unique("baddate");
        String csv = "email,created,source\n" + "x-" + tag + "@x.io,someday," + tag + "\n";
        JsonNode report = validate(admin, csv, Map.of("mapping", "{\"created\": \"createdAt\"}"));
        assertThat(report.get("invalidRows").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("column").asString()).isEqualTo("created");
    }

    private JsonNode validate(Api api, String csv) {
        return validate(api, csv, Map.of());
    }

    private JsonNode validate(Api api, String csv, Map<String, String> parameters) {
        Map<String, Object> parts = new LinkedHashMap<>(parameters);
        parts.put("file", FilePart.csv("leads.csv", csv));
        Api.Response response = api.postMultipart(PATH + "/validate", parts);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode runImport(Api api, String csv, Map<String, String> parameters) {
        Map<String, Object> parts = new LinkedHashMap<>(parameters);
        parts.put("file", FilePart.csv("leads.csv", csv));
        Api.Response started = api.postMultipart(PATH + "/import", parts);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return ImportApiTest.await(api, started.json().get("id").asLong());
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        CsvReader.builder().ofCsvRecord(text.replace("\uFEFF", "")).forEach(r -> rows.add(r.getFields()));
        return rows;
    }

    private static String write(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        CsvWriter csv = CsvWriter.builder().build(out);
        rows.forEach(csv::writeRecord);
        try {
            csv.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
