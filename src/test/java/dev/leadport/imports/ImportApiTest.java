package dev.leadport.imports;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ImportApiTest extends ApiTestBase {

    private static final String PATH = "/api/leads/import-export";

    @Test
    void validationReportsWhatWouldHappenAndWritesNothing() {
        Api admin = as("admin");
        String tag = unique("dry");
        createLead(admin, map("email", "existing-" + tag + "@x.io", "source", tag));
        String csv = "First Name,Last Name,E-mail Address,Phone,Lead Source\n"
                + "Ann,Lee,ann-" + tag + "@x.io,,\"" + tag + "\"\n"
                + "Bob,Ray,not-an-email,,\"" + tag + "\"\n"
                + "Ann,Again,ANN-" + tag + "@x.io,,\"" + tag + "\"\n"
                + "Eve,Old,existing-" + tag + "@x.io,,\"" + tag + "\"\n"
                + "\n"
                + "Phone,Only,,+1 415 555 0101,\"" + tag + "\"\n";
        Api.Response response = admin.postMultipart(PATH + "/validate", Map.of("file", FilePart.csv("leads.csv", csv)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("totalRows").asLong()).isEqualTo(5);
        assertThat(report.get("validRows").asLong()).isEqualTo(4);
        assertThat(report.get("invalidRows").asLong()).isEqualTo(1);
        assertThat(report.get("duplicatesInFile").asLong()).isEqualTo(1);
        assertThat(report.get("matchesExisting").asLong()).isEqualTo(1);
        assertThat(report.get("wouldCreate").asLong()).isEqualTo(2);
        assertThat(report.get("wouldSkip").asLong()).isEqualTo(2);
        assertThat(report.get("encoding").asString()).containsIgnoringCase("UTF-8");
        assertThat(report.get("delimiter").asString()).isEqualTo("comma");
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("row").asLong()).isEqualTo(3);
        assertThat(error.get("column").asString()).isEqualTo("E-mail Address");
        assertThat(error.get("value").asString()).isEqualTo("not-an-email");
        assertThat(targets(report)).containsEntry("E-mail Address", "email").containsEntry("First Name", "firstName");
        assertThat(report.get("sample").get(0).get("email").asString()).isEqualTo("ann-" + tag + "@x.io");
        assertThat(leadCount(admin, tag)).isEqualTo(1);
    }

    @Test
    void importInSkipModeCreatesNewLeadsSkipsExistingAndReportsBadRows() {
        Api admin = as("admin");
        String tag = unique("skip");
        createLead(admin, map("email", "old-" + tag + "@x.io", "firstName", "Keep", "source", tag));
        String csv = "email,first name,source\n"
                + "new1-" + tag + "@x.io,N1," + tag + "\n"
                + "old-" + tag + "@x.io,Changed," + tag + "\n"
                + "broken@," + "B," + tag + "\n"
                + "new2-" + tag + "@x.io,N2," + tag + "\n";
        JsonNode job = runImport(admin, csv, "SKIP");
        assertThat(job.get("status").asString()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("skipped").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        assertThat(job.get("processedRows").asLong()).isEqualTo(4);
        assertThat(job.get("totalRows").asLong()).isEqualTo(4);
        assertThat(leadCount(admin, tag)).isEqualTo(3);
        JsonNode old = admin.get("/api/leads?q=old-" + tag).json().get("items").get(0);
        assertThat(old.get("firstName").asString()).isEqualTo("Keep");
    }

    @Test
    void updateModeFillsExistingLeadsButNeverBlanksValues() {
        Api admin = as("admin");
        String tag = unique("upd");
        createLead(
                admin,
                map(
                        "email",
                        "u-" + tag + "@x.io",
                        "firstName",
                        "Una",
                        "company",
                        "Old Co",
                        "status",
                        "QUALIFIED",
                        "source",
                        tag));
        String csv = "Email,First Name,Company,Status,Job Title\n" + "U-" + tag + "@X.io,,New Co,,Buyer\n";
        JsonNode job = runImport(admin, csv, "UPDATE");
        assertThat(job.get("updated").asLong()).isEqualTo(1);
        assertThat(job.get("created").asLong()).isZero();
        JsonNode lead = admin.get("/api/leads?q=u-" + tag).json().get("items").get(0);
        assertThat(lead.get("firstName").asString()).isEqualTo("Una");
        assertThat(lead.get("company").asString()).isEqualTo("New Co");
        assertThat(lead.get("jobTitle").asString()).isEqualTo("Buyer");
        assertThat(lead.get("status").asString()).isEqualTo("QUALIFIED");
    }

    @Test
    void createModeFailsRowsWhoseEmailExistsAndNamesTheLead() {
        Api admin = as("admin");
        String tag = unique("create");
        long existing = createLead(admin, map("email", "c-" + tag + "@x.io", "source", tag))
                .get("id")
                .asLong();
        String csv = "email,source\n" + "c-" + tag + "@x.io," + tag + "\nfresh-" + tag + "@x.io," + tag + "\n";
        JsonNode job = runImport(admin, csv, "CREATE");
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(1);
        String errors = admin.get(PATH + "/imports/" + job.get("id").asLong() + "/errors")
                .body();
        assertThat(errors).contains("lead " + existing);
    }

    @Test
    void errorReportEchoesTheUsersRowsAndAFixedFileImportsCompletely() {
        Api admin = as("admin");
        String tag = unique("fix");
        String csv = "Name,Email,Phone,Notes\n"
                + "Ann Smith,ann-" + tag + "@x.io,,\"likes \"\"quotes\"\", commas\"\n"
                + "Bob Jones,bob-at-" + tag + ",,second\n"
                + "Cy Twombly,,12,third\n";
        JsonNode job = runImport(admin, csv, "SKIP");
        assertThat(job.get("created").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isEqualTo(2);

        Api.Response errors = admin.get(PATH + "/imports/" + job.get("id").asLong() + "/errors");
        assertThat(errors.status()).isEqualTo(200);
        assertThat(errors.header("Content-Disposition")).contains("attachment").contains("errors-");
        String report = errors.body().replace("\uFEFF", "");
        List<String> lines = report.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Name,Email,Phone,Notes,row_number,severity,error_column,error_message");
        assertThat(lines.get(1)).startsWith("Bob Jones,bob-at-" + tag + ",,second,3,error,Email,");
        assertThat(lines.get(2)).startsWith("Cy Twombly,,12,third,4,error,Phone,");

        String fixed = report.replace("bob-at-" + tag, "bob-" + tag + "@x.io").replace(",,12,", ",,+1 415 555 0199,");
        JsonNode second = runImport(admin, fixed, "SKIP");
        assertThat(second.get("failed").asLong()).as(second.toString()).isZero();
        assertThat(second.get("created").asLong()).isEqualTo(2);
        assertThat(admin.get("/api/leads?q=" + tag).json().get("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void undoRemovesCreatedLeadsRestoresUpdatedOnesAndKeepsLeadsChangedSince() {
        Api admin = as("admin");
        String tag = unique("undo");
        long updated = createLead(admin, map("email", "up-" + tag + "@x.io", "company", "Before", "source", tag))
                .get("id")
                .asLong();
        String csv = "email,company,source\n"
                + "up-" + tag + "@x.io,After," + tag + "\n"
                + "new-" + tag + "@x.io,New," + tag + "\n"
                + "touched-" + tag + "@x.io,New," + tag + "\n";
        JsonNode job = runImport(admin, csv, "UPDATE");
        long id = job.get("id").asLong();
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("updated").asLong()).isEqualTo(1);
        JsonNode touched =
                admin.get("/api/leads?q=touched-" + tag).json().get("items").get(0);
        admin.put(
                "/api/leads/" + touched.get("id").asLong(),
                map("email", "touched-" + tag + "@x.io", "company", "Edited by hand", "source", tag));

        Api.Response undo = admin.post(PATH + "/imports/" + id + "/undo", null);
        assertThat(undo.status()).as(undo.toString()).isEqualTo(200);
        assertThat(undo.json().get("deleted").asLong()).isEqualTo(1);
        assertThat(undo.json().get("restored").asLong()).isEqualTo(1);
        assertThat(undo.json().get("keptTotal").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/leads/" + updated).json().get("company").asString())
                .isEqualTo("Before");
        assertThat(admin.get("/api/leads?q=new-" + tag).json().get("total").asLong())
                .isZero();
        assertThat(admin.get("/api/leads?q=touched-" + tag).json().get("total").asLong())
                .isEqualTo(1);
        assertThat(admin.get(PATH + "/imports/" + id).json().get("status").asString())
                .isEqualTo("UNDONE");
        assertThat(admin.post(PATH + "/imports/" + id + "/undo", null).status()).isEqualTo(409);
    }

    @Test
    void savedMappingOfAReviewedImportIsOfferedAgainForTheSameHeaders() {
        Api admin = as("admin");
        String tag = unique("map");
        String header = "Contact " + tag + ",Mail " + tag + "\n";
        String csv = header + "Ann," + "m1-" + tag + "@x.io\n";
        String mapping = "{\"Contact " + tag + "\":\"firstName\",\"Mail " + tag + "\":\"email\"}";
        String token = admin.postMultipart(
                        PATH + "/validate", Map.of("file", FilePart.csv("a.csv", csv), "mapping", mapping))
                .json()
                .get("reviewToken")
                .asString();
        Api.Response first = admin.postMultipart(
                PATH + "/import", Map.of("file", FilePart.csv("a.csv", csv), "mapping", mapping, "reviewToken", token));
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        Api.Response again = admin.postMultipart(
                PATH + "/validate", Map.of("file", FilePart.csv("b.csv", header + "Bo,m2-" + tag + "@x.io\n")));
        assertThat(again.json().get("savedMappingApplied").asBoolean()).isTrue();
        assertThat(targets(again.json())).containsEntry("Mail " + tag, "email");
        assertThat(again.json().get("wouldCreate").asLong()).isEqualTo(1);
    }

    @Test
    void unknownMappingTargetAndUnknownColumnAreClearErrors() {
        Api admin = as("admin");
        String csv = "a,b\n1,2\n";
        Api.Response badTarget = admin.postMultipart(
                PATH + "/validate", Map.of("file", FilePart.csv("x.csv", csv), "mapping", "{\"a\":\"shoeSize\"}"));
        assertThat(badTarget.status()).isEqualTo(400);
        assertThat(badTarget.json().get("detail").asString()).contains("shoeSize");
        Api.Response badColumn = admin.postMultipart(
                PATH + "/validate", Map.of("file", FilePart.csv("x.csv", csv), "mapping", "{\"zzz\":\"email\"}"));
        assertThat(badColumn.status()).isEqualTo(400);
        assertThat(badColumn.json().get("detail").asString()).contains("zzz");
        Api.Response badJson = admin.postMultipart(
                PATH + "/validate", Map.of("file", FilePart.csv("x.csv", csv), "mapping", "{not json"));
        assertThat(badJson.status()).isEqualTo(400);
        Api.Response badMode = admin.postMultipart(
                PATH + "/import", Map.of("file", FilePart.csv("x.csv", csv), "duplicateMode", "MERGE"));
        assertThat(badMode.status()).isEqualTo(400);
    }

    @Test
    void hostileFilesGetA400NotA500() {
        Api admin = as("admin");
        byte[] binary = new byte[2048];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 7 == 0 ? 0 : i);
        }
        assertThat(admin.postMultipart(
                                PATH + "/validate", Map.of("file", new FilePart("leads.csv", "text/csv", binary)))
                        .status())
                .isEqualTo(400);
        assertThat(admin.postMultipart(PATH + "/validate", Map.of("file", FilePart.csv("empty.csv", "")))
                        .status())
                .isEqualTo(400);
        Api.Response headerOnly =
                admin.postMultipart(PATH + "/validate", Map.of("file", FilePart.csv("h.csv", "email,phone\n")));
        assertThat(headerOnly.status()).isEqualTo(200);
        assertThat(headerOnly.json().get("totalRows").asLong()).isZero();
        Api.Response noFile = admin.postMultipart(PATH + "/validate", Map.of("mapping", "{}"));
        assertThat(noFile.status()).isEqualTo(400);
        Api.Response traversal = admin.postMultipart(
                PATH + "/import",
                Map.of("file", FilePart.csv("../../etc/passwd", "email\nx-" + unique("t") + "@x.io\n")));
        assertThat(traversal.status()).isEqualTo(202);
        assertThat(traversal.json().get("fileName").asString()).isEqualTo("passwd");
    }

    @Test
    void templateListsEveryFieldAndReimportsAsTwoLeads() {
        Api admin = as("admin");
        Api.Response template = admin.get(PATH + "/template?format=csv");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Disposition")).contains("attachment");
        String csv = template.body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("First name,Last name,Email,Phone,Company,Job title,Status,Source,Owner,Notes");
        String tag = unique("tpl");
        String unique = csv.replace("ada.lovelace@example.com", "ada-" + tag + "@x.io")
                .replace("grace@example.org", "grace-" + tag + "@x.io");
        JsonNode job = runImport(admin, unique, "SKIP");
        assertThat(job.get("created").asLong()).as(job.toString()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isZero();
        Api.Response xlsx = admin.get(PATH + "/template?format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.bytes()[0]).isEqualTo((byte) 'P');
        assertThat(admin.get(PATH + "/template?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void repImportsOnlyForThemselvesAndCannotSeeAnotherRepsImport() {
        user("rep2", "REP");
        String tag = unique("repimp");
        String csv = "email,owner,source\n" + "a-" + tag + "@x.io,,\"" + tag + "\"\nb-" + tag + "@x.io,manager," + tag
                + "\n";
        JsonNode job = runImport(as("rep"), csv, "SKIP");
        // Naming another owner leaves the lead to the REP, with a warning.
        assertThat(job.get("created").asLong()).isEqualTo(2);
        assertThat(job.get("failed").asLong()).isZero();
        assertThat(job.get("rowsWithWarnings").asLong()).isEqualTo(1);
        for (JsonNode lead : as("rep").get("/api/leads?source=" + tag).json().get("items")) {
            assertThat(lead.get("owner").asString()).isEqualTo("rep");
        }
        assertThat(as("rep2").get(PATH + "/imports/" + job.get("id").asLong()).status())
                .isEqualTo(403);
        assertThat(as("manager")
                        .get(PATH + "/imports/" + job.get("id").asLong())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void progressStreamEndsWithTheFinishedJob() {
        Api admin = as("admin");
        JsonNode job = runImport(admin, "email\n" + unique("sse") + "@x.io\n", "SKIP");
        Api.Response events = admin.get(PATH + "/imports/" + job.get("id").asLong() + "/events");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.contentType()).startsWith("text/event-stream");
        assertThat(events.body()).contains("event:done").contains("\"status\":\"COMPLETED\"");
    }

    @Test
    void twoImportsOfTheSameEmailsAtOnceCreateEachLeadOnce() throws Exception {
        Api admin = as("admin");
        String tag = unique("race");
        StringBuilder csv = new StringBuilder("email,source\n");
        for (int i = 0; i < 300; i++) {
            csv.append("r")
                    .append(i)
                    .append('-')
                    .append(tag)
                    .append("@x.io,")
                    .append(tag)
                    .append('\n');
        }
        Api.Response a = admin.postMultipart(PATH + "/import", Map.of("file", FilePart.csv("a.csv", csv.toString())));
        Api.Response b = admin.postMultipart(PATH + "/import", Map.of("file", FilePart.csv("b.csv", csv.toString())));
        JsonNode jobA = await(admin, a.json().get("id").asLong());
        JsonNode jobB = await(admin, b.json().get("id").asLong());
        assertThat(jobA.get("created").asLong() + jobB.get("created").asLong()).isEqualTo(300);
        assertThat(jobA.get("skipped").asLong() + jobB.get("skipped").asLong()).isEqualTo(300);
        assertThat(leadCount(admin, tag)).isEqualTo(300);
    }

    static Map<String, String> targets(JsonNode report) {
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        for (JsonNode column : report.get("mapping")) {
            targets.put(column.get("header").asString(), column.get("target").asString());
        }
        return targets;
    }

    private long leadCount(Api api, String source) {
        return api.get("/api/leads?size=1&source=" + source).json().get("total").asLong();
    }

    JsonNode runImport(Api api, String csv, String mode) {
        Api.Response started = api.postMultipart(
                PATH + "/import", Map.of("file", FilePart.csv("leads.csv", csv), "duplicateMode", mode));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location"))
                .endsWith("/imports/" + started.json().get("id").asLong());
        return await(api, started.json().get("id").asLong());
    }

    static JsonNode await(Api api, long id) {
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> seen = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
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

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
