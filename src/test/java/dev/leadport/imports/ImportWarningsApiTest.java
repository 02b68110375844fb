package dev.leadport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Per-cell warnings, strict kinds, value maps, constants and saved mappings, through the HTTP API. */
class ImportWarningsApiTest extends ApiTestBase {

    private static final String PATH = "/api/leads/import-export";

    @Test
    void rowWithAGoodEmailAndABadPhoneUnknownOwnerAndUnknownStatusLandsWithWarnings() {
        Api admin = as("admin");
        String tag = unique("warn");
        String csv = "Email,Phone,Contact owner,Lead Status,Source\n"
                + "w1-" + tag + "@x.io,229.077.5154,HubSpot Person,Rent," + tag + "\n"
                + "w2-" + tag + "@x.io,001-539-402-2596,manager,Working - Contacted," + tag + "\n";

        JsonNode report = validate(admin, csv, Map.of());
        assertThat(report.get("validRows").asLong()).isEqualTo(2);
        assertThat(report.get("invalidRows").asLong()).isZero();
        assertThat(report.get("rowsWithWarnings").asLong()).isEqualTo(1);
        assertThat(report.get("errorsTotal").asLong()).isZero();
        assertThat(report.get("warningsTotal").asLong()).isEqualTo(3);
        Map<String, String> warnings = new HashMap<>();
        for (JsonNode w : report.get("warnings")) {
            assertThat(w.get("row").asLong()).isEqualTo(2);
            assertThat(w.get("severity").asString()).isEqualTo("WARNING");
            warnings.put(w.get("column").asString(), w.get("reason").asString());
        }
        assertThat(warnings.get("Phone")).contains("kept as typed");
        assertThat(warnings.get("Contact owner"))
                .contains("no user 'HubSpot Person'")
                .contains("importer, admin");
        assertThat(warnings.get("Lead Status")).startsWith("unknown status");

        JsonNode job = importFile(admin, csv, Map.of());
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isZero();
        assertThat(job.get("rowsWithWarnings").asLong()).isEqualTo(1);
        JsonNode first = lead(admin, "w1-" + tag);
        assertThat(first.get("phone").asString()).isEqualTo("229.077.5154");
        assertThat(first.get("phoneE164").isNull()).isTrue();
        assertThat(first.get("ownerId").asLong()).isEqualTo(userId("admin"));
        assertThat(first.get("status").asString()).isEqualTo("NEW");
        JsonNode second = lead(admin, "w2-" + tag);
        assertThat(second.get("phoneE164").asString()).isEqualTo("+15394022596");
        assertThat(second.get("ownerId").asLong()).isEqualTo(userId("manager"));
        assertThat(second.get("status").asString()).isEqualTo("CONTACTED");

        String errors = admin.get(PATH + "/imports/" + job.get("id").asLong() + "/errors")
                .body();
        assertThat(errors.lines().findFirst().orElseThrow()).endsWith("row_number,severity,error_column,error_message");
        assertThat(errors).contains("w1-" + tag).contains(",2,warning,").doesNotContain("w2-" + tag);

        JsonNode activity = admin.get(PATH + "/activity?type=IMPORT&size=50").json();
        boolean found = false;
        for (JsonNode entry : activity.has("items") ? activity.get("items") : activity) {
            if (entry.toString().contains("\"" + job.get("id").asLong() + "\"")
                    && entry.toString().contains("1 rows imported with warnings")) {
                found = true;
            }
        }
        assertThat(found).as(activity.toString()).isTrue();
    }

    @Test
    void strictOwnerRefusesRowsWhoseOwnerIsNoUser() {
        Api admin = as("admin");
        String tag = unique("strict");
        String csv = "Email,Lead Owner,Source\ns1-" + tag + "@x.io,Jane Nobody," + tag + "\ns2-" + tag + "@x.io,," + tag
                + "\n";

        JsonNode report = validate(admin, csv, Map.of("strict", "owner"));
        assertThat(report.get("invalidRows").asLong()).isEqualTo(1);
        assertThat(report.get("rowsWithWarnings").asLong()).isZero();
        assertThat(report.get("errors").get(0).get("column").asString()).isEqualTo("Lead Owner");

        JsonNode job = importFile(admin, csv, Map.of("strict", "owner"));
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/leads?q=s1-" + tag).json().get("items")).isEmpty();
        assertThat(admin.postMultipart(
                                PATH + "/validate", Map.of("file", FilePart.csv("a.csv", csv), "strict", "owners"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void dryRunCountsEveryDistinctValueOfTheWholeFileAndSaysWhatEachBecomes() {
        Api admin = as("admin");
        String tag = unique("values");
        StringBuilder csv = new StringBuilder("Email,Status,Owner,Source\n");
        String[][] rows = {
            {"Rent", "manager"},
            {"Rent", "Max Manager"},
            {"Qualifed", "Someone Else"},
            {"Working - Contacted", ""},
            {"qualified", "rep"},
            {"Rent", ""}
        };
        for (int i = 0; i < rows.length; i++) {
            csv.append("v")
                    .append(i)
                    .append('-')
                    .append(tag)
                    .append("@x.io,")
                    .append(rows[i][0])
                    .append(',')
                    .append(rows[i][1])
                    .append(',')
                    .append(tag)
                    .append('\n');
        }
        JsonNode report = validate(admin, csv.toString(), Map.of());

        Map<String, JsonNode> status = values(report, "status");
        assertThat(status.get("Rent").get("rows").asLong()).isEqualTo(3);
        assertThat(status.get("Rent").get("how").asString()).isEqualTo("unknown");
        assertThat(status.get("Qualifed").get("how").asString()).isEqualTo("suggested");
        assertThat(status.get("Qualifed").get("becomes").asString()).isEqualTo("QUALIFIED");
        assertThat(status.get("Qualifed").get("confidence").asDouble()).isBetween(0.6, 0.99);
        assertThat(status.get("Working - Contacted").get("how").asString()).isEqualTo("synonym");
        assertThat(status.get("Working - Contacted").get("becomes").asString()).isEqualTo("CONTACTED");
        assertThat(status.get("qualified").get("how").asString()).isEqualTo("valid");
        Map<String, JsonNode> owner = values(report, "owner");
        assertThat(owner.get("Max Manager").get("becomes").asString()).isEqualTo("manager");
        assertThat(owner.get("Max Manager").get("how").asString()).isEqualTo("valid");
        assertThat(owner.get("Someone Else").get("how").asString()).isEqualTo("unknown");
        JsonNode ownerColumn = column(report, "owner");
        assertThat(ownerColumn.get("unknownBecomes").asString())
                .contains("importer")
                .contains("admin");
        assertThat(ownerColumn.get("choices").toString())
                .contains("\"manager\"")
                .contains("\"rep\"");
        assertThat(report.get("rowsWithWarnings").asLong()).isEqualTo(4);
    }

    @Test
    void valueMapsTurnStatusAndOwnerValuesIntoTheChosenOnesOrLeaveThemEmpty() {
        Api admin = as("admin");
        String tag = unique("vmap");
        createLead(admin, Map.of("email", "keep-" + tag + "@x.io", "status", "LOST", "source", tag));
        String csv = "Email,Status,Owner,Source\n"
                + "m1-" + tag + "@x.io,Hot Lead,HubSpot Jane," + tag + "\n"
                + "keep-" + tag + "@x.io,Rent,," + tag + "\n";
        Map<String, String> params = Map.of(
                "valueMaps",
                "{\"status\": {\"hot lead\": \"QUALIFIED\", \"Rent\": \"\"}, \"owner\": {\"HubSpot Jane\": \"Max Manager\"}}",
                "duplicateMode",
                "UPDATE");

        JsonNode report = validate(admin, csv, params);
        assertThat(report.get("rowsWithWarnings").asLong()).isZero();
        assertThat(values(report, "status").get("Hot Lead").get("how").asString())
                .isEqualTo("mapped");
        assertThat(values(report, "owner").get("HubSpot Jane").get("becomes").asString())
                .isEqualTo("manager");

        JsonNode job = importFile(admin, csv, params);
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("updated").asLong()).isEqualTo(1);
        JsonNode created = lead(admin, "m1-" + tag);
        assertThat(created.get("status").asString()).isEqualTo("QUALIFIED");
        assertThat(created.get("ownerId").asLong()).isEqualTo(userId("manager"));
        // "Leave empty" on an update keeps the lead's own status.
        assertThat(lead(admin, "keep-" + tag).get("status").asString()).isEqualTo("LOST");

        Api.Response bad = admin.postMultipart(
                PATH + "/validate",
                Map.of("file", FilePart.csv("a.csv", csv), "valueMaps", "{\"owner\": {\"HubSpot Jane\": \"nobody\"}}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("valueMaps").contains("nobody");
    }

    @Test
    void constantsFillEmptyCellsOrOverrideTheFilesValues() {
        Api admin = as("admin");
        String tag = unique("const");
        String csv = "Email,Company\nc1-" + tag + "@x.io,Own Co\nc2-" + tag + "@x.io,\n";
        Map<String, String> fill = Map.of(
                "constants",
                "{\"source\": \"" + tag + "\", \"company\": \"Expo Co\", \"owner\": \"manager\","
                        + " \"status\": \"QUALIFIED\"}");
        JsonNode job = importFile(admin, csv, fill);
        assertThat(job.get("created").asLong()).isEqualTo(2);
        JsonNode c1 = lead(admin, "c1-" + tag);
        assertThat(c1.get("company").asString()).isEqualTo("Own Co");
        assertThat(c1.get("source").asString()).isEqualTo(tag);
        assertThat(c1.get("status").asString()).isEqualTo("QUALIFIED");
        assertThat(c1.get("ownerId").asLong()).isEqualTo(userId("manager"));
        assertThat(lead(admin, "c2-" + tag).get("company").asString()).isEqualTo("Expo Co");

        String tag2 = unique("const");
        String csv2 = "Email,Company\no1-" + tag2 + "@x.io,Own Co\n";
        importFile(
                admin,
                csv2,
                Map.of(
                        "constants",
                        "{\"source\": \"" + tag2 + "\", \"company\": \"Expo Co\"}",
                        "overrideConstants",
                        "true"));
        assertThat(lead(admin, "o1-" + tag2).get("company").asString()).isEqualTo("Expo Co");

        Api.Response bad = admin.postMultipart(
                PATH + "/validate",
                Map.of("file", FilePart.csv("a.csv", csv), "constants", "{\"status\": \"Sizzling\"}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("constants").contains("Sizzling");
    }

    @Test
    void aMappingIsSavedOnlyFromAReviewedImportPerUserAndAnAdminMayPublishIt() {
        Api rep = as("rep");
        Api manager = as("manager");
        Api admin = as("admin");
        String tag = unique("saved");
        String header = "Given " + tag + ",Mail " + tag + ",Stage " + tag + "\n";
        String csv = header + "Ann,s1-" + tag + "@x.io,Rent\n";
        Map<String, String> choice = Map.of(
                "mapping",
                "{\"Given " + tag + "\":\"firstName\",\"Mail " + tag + "\":\"email\",\"Stage " + tag + "\":\"status\"}",
                "valueMaps",
                "{\"status\": {\"Rent\": \"CONTACTED\"}}");

        // Imported without its review: nothing is saved.
        importFile(rep, csv, choice);
        assertThat(validate(rep, header + "Bo,s2-" + tag + "@x.io,Rent\n", Map.of())
                        .get("savedMappingApplied")
                        .asBoolean())
                .isFalse();

        JsonNode reviewed = validate(rep, csv.replace("s1-", "s3-"), choice);
        Map<String, String> withToken = new HashMap<>(choice);
        withToken.put("reviewToken", reviewed.get("reviewToken").asString());
        importFile(rep, csv.replace("s1-", "s3-"), withToken);

        JsonNode again = validate(rep, header + "Cy,s4-" + tag + "@x.io,Rent\n", Map.of());
        assertThat(again.get("savedMappingApplied").asBoolean()).isTrue();
        assertThat(ImportApiTest.targets(again)).containsEntry("Mail " + tag, "email");
        assertThat(again.get("mapping").get(1).get("confidence").asDouble()).isLessThan(1.0);
        assertThat(values(again, "status").get("Rent").get("becomes").asString())
                .isEqualTo("CONTACTED");
        assertThat(again.get("rowsWithWarnings").asLong()).isZero();

        // Another user's file of the same shape is not mapped by the rep's choice.
        assertThat(validate(manager, header + "Di,s5-" + tag + "@x.io,Rent\n", Map.of())
                        .get("savedMappingApplied")
                        .asBoolean())
                .isFalse();

        long id = -1;
        for (JsonNode saved : rep.get(PATH + "/mappings").json()) {
            if (saved.get("headers").toString().contains("Mail " + tag)) {
                id = saved.get("id").asLong();
            }
        }
        assertThat(id).isPositive();
        assertThat(rep.post(PATH + "/mappings/" + id + "/publish", null).status())
                .isEqualTo(403);
        assertThat(admin.post(PATH + "/mappings/" + id + "/publish", null).status())
                .isEqualTo(404);

        JsonNode adminReview = validate(admin, csv.replace("s1-", "s6-"), choice);
        Map<String, String> adminToken = new HashMap<>(choice);
        adminToken.put("reviewToken", adminReview.get("reviewToken").asString());
        importFile(admin, csv.replace("s1-", "s6-"), adminToken);
        long adminId = -1;
        for (JsonNode saved : admin.get(PATH + "/mappings").json()) {
            if (saved.get("headers").toString().contains("Mail " + tag)
                    && !saved.get("published").asBoolean()) {
                adminId = saved.get("id").asLong();
            }
        }
        Api.Response published = admin.post(PATH + "/mappings/" + adminId + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        Map<String, String> repPublishing = new HashMap<>(withToken);
        repPublishing.put("publishMapping", "true");
        Map<String, Object> parts = new LinkedHashMap<>(repPublishing);
        parts.put("file", FilePart.csv("leads.csv", csv.replace("s1-", "s8-")));
        assertThat(rep.postMultipart(PATH + "/import", parts).status()).isEqualTo(403);
        JsonNode forManager = validate(manager, header + "Ed,s7-" + tag + "@x.io,Rent\n", Map.of());
        assertThat(forManager.get("savedMappingApplied").asBoolean()).isTrue();
        assertThat(forManager.get("savedMappingPublished").asBoolean()).isTrue();
    }

    @Test
    void anAdminMayAddAFilesValueAsANewOptionOfAChoiceField() {
        Api admin = as("admin");
        String tag = unique("opt");
        String key = "tier_" + tag.substring(tag.length() - 8).replace('-', '_');
        Api.Response field = admin.post(
                "/api/custom-fields",
                Map.of("key", key, "label", "Tier " + tag, "type", "CHOICE", "options", java.util.List.of("Gold")));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        String csv = "Email,Tier " + tag + ",Source\no1-" + tag + "@x.io,Platinum," + tag + "\no2-" + tag
                + "@x.io,gold," + tag + "\n";

        JsonNode before = validate(admin, csv, Map.of());
        assertThat(values(before, "custom:" + key).get("Platinum").get("how").asString())
                .isEqualTo("unknown");
        assertThat(column(before, "custom:" + key).get("canAddOption").asBoolean())
                .isTrue();
        assertThat(before.get("rowsWithWarnings").asLong()).isEqualTo(1);

        Map<String, String> adding = Map.of("newOptions", "{\"" + key + "\": [\"Platinum\"]}");
        JsonNode after = validate(admin, csv, adding);
        assertThat(values(after, "custom:" + key).get("Platinum").get("how").asString())
                .isEqualTo("valid");
        assertThat(after.get("rowsWithWarnings").asLong()).isZero();
        assertThat(as("manager")
                        .postMultipart(
                                PATH + "/validate",
                                Map.of("file", FilePart.csv("a.csv", csv), "newOptions", adding.get("newOptions")))
                        .status())
                .isEqualTo(403);

        importFile(admin, csv, adding);
        assertThat(lead(admin, "o1-" + tag).get("custom").get(key).asString()).isEqualTo("Platinum");
        assertThat(admin.get("/api/custom-fields").body()).contains("\"Platinum\"");
    }

    @Test
    void aHeaderOnlyFileHasNoRowsToImport() {
        Api admin = as("admin");
        String csv = "Email,First Name\n";
        assertThat(validate(admin, csv, Map.of()).get("totalRows").asLong()).isZero();
        Api.Response started = admin.postMultipart(PATH + "/import", Map.of("file", FilePart.csv("empty.csv", csv)));
        assertThat(started.status()).isEqualTo(400);
        assertThat(started.body()).contains("no data rows");
    }

    private JsonNode validate(Api api, String csv, Map<String, String> params) {
        Map<String, Object> parts = new LinkedHashMap<>(params);
        parts.put("file", FilePart.csv("leads.csv", csv));
        Api.Response response = api.postMultipart(PATH + "/validate", parts);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode importFile(Api api, String csv, Map<String, String> params) {
        Map<String, Object> parts = new LinkedHashMap<>(params);
        parts.put("file", FilePart.csv("leads.csv", csv));
        Api.Response started = api.postMultipart(PATH + "/import", parts);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return ImportApiTest.await(api, started.json().get("id").asLong());
    }

    private static JsonNode lead(Api api, String emailPrefix) {
        JsonNode items = api.get("/api/leads?q=" + emailPrefix).json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static JsonNode column(JsonNode report, String target) {
        for (JsonNode column : report.get("values")) {
            if (column.get("target").asString().equals(target)) {
                return column;
            }
        }
        throw new AssertionError("no value column for " + target + " in " + report.get("values"));
    }

    private static Map<String, JsonNode> values(JsonNode report, String target) {
        Map<String, JsonNode> values = new HashMap<>();
        column(report, target)
                .get("values")
                .forEach(v -> values.put(v.get("value").asString(), v));
        return values;
    }
}
