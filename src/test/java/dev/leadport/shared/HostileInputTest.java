package dev.leadport.shared;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * A corpus of hostile and malformed input thrown at the HTTP API. Every case must get a clear 4xx problem or a
 * 2xx with per-row errors, never a 5xx, and the server must still answer afterwards. Payloads that are stored must
 * come back escaped in pages and neutralised in CSV. The oversized upload (413) is in {@code ImportEngineTest},
 * which lowers the limit to 1 MB; the unit-level reader cases are in {@code CsvSourceTest} and
 * {@code XlsxSourceTest}. The "very long line" here is 20 MB; {@code HostileInputHeapTest} sends 50 MB lines, fields
 * and binary files to a node with a 128 MB heap.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest extends ApiTestBase {

    private static final String VALIDATE = "/api/leads/import-export/validate";
    private static final String IMPORT = "/api/leads/import-export/import";

    private static final List<String> PAYLOADS = List.of(
            "<script>alert('xss')</script>",
            "\"><img src=x onerror=alert(1)>",
            "'; drop table lead; --",
            "' or '1'='1",
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)");

    @Test
    void malformedUploadsGetA4xxOrPerRowErrorsNeverA5xx() throws IOException {
        Map<String, FilePart> corpus = new LinkedHashMap<>();
        byte[] binary = new byte[64 * 1024];
        new Random(42).nextBytes(binary);
        corpus.put("binary named .csv", new FilePart("leads.csv", "text/csv", binary));
        corpus.put("zip bomb named .xlsx", new FilePart("leads.xlsx", XLSX, zipBomb()));
        corpus.put("garbage named .xlsx", new FilePart("leads.xlsx", XLSX, "PK\u0003\u0004 not really".getBytes()));
        corpus.put("3 MB single field", csv("email,notes\nbig@x.io," + "a".repeat(3 * 1024 * 1024) + "\n"));
        corpus.put("invalid UTF-8", new FilePart("leads.csv", "text/csv", invalidUtf8()));
        corpus.put("ragged rows", csv("email,first name,last name\na@x.io\nb@x.io,Bo,Bee,extra,more\n,,\n"));
        corpus.put("unterminated quote", csv("email,notes\n\"q@x.io,never closed\nr@x.io,fine\n"));
        corpus.put("header only", csv("email,first name\n"));
        corpus.put("only line breaks", csv("\n\n\n\r\n"));
        corpus.put("20 MB on one line", csv("email," + "b".repeat(20 * 1024 * 1024)));
        corpus.put("wrong delimiter", csv("email|first name\nd@x.io|Dee\n"));
        corpus.put("path traversal name", new FilePart("../../etc/passwd.csv", "text/csv", utf8("email\ne@x.io\n")));
        corpus.put("control characters in name", new FilePart("a\r\nb\u0000.csv", "text/csv", utf8("email\nf@x.io\n")));
        corpus.put("no file name", new FilePart("", "text/csv", utf8("email\ng@x.io\n")));

        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, FilePart> c : corpus.entrySet()) {
            Api.Response response = as("rep").postMultipart(VALIDATE, Map.of("file", c.getValue()));
            soft.assertThat(response.status())
                    .as("%s: %s", c.getKey(), abbreviated(response))
                    .isBetween(200, 499)
                    .isNotIn(401, 403);
            if (response.status() >= 400) {
                soft.assertThat(response.contentType()).as(c.getKey()).startsWith("application/problem+json");
                soft.assertThat(response.json().get("detail").asString())
                        .as(c.getKey())
                        .isNotBlank();
            }
            soft.assertThat(response.body()).as(c.getKey()).doesNotContain("Exception", "at dev.leadport");
        }
        soft.assertAll();
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void specificMalformedFilesAreExplained() throws IOException {
        assertProblem(as("rep").postMultipart(VALIDATE, Map.of("file", csv(""))), 400, "empty");
        Api.Response binary = as("rep")
                .postMultipart(VALIDATE, Map.of("file", new FilePart("x.csv", "text/csv", new byte[] {1, 0, 2, 0})));
        assertThat(binary.status()).isBetween(400, 422);
        Api.Response bomb = as("rep").postMultipart(VALIDATE, Map.of("file", new FilePart("b.xlsx", XLSX, zipBomb())));
        assertThat(bomb.status()).isBetween(400, 422);
        assertThat(bomb.body()).contains("zip bomb");
        Api.Response longField = as("rep")
                .postMultipart(VALIDATE, Map.of("file", csv("email,notes\nbig@x.io," + "a".repeat(3_000_000))));
        assertThat(longField.status()).isEqualTo(200);
        assertThat(longField.body()).contains("notes");
    }

    @Test
    void pathTraversalInAFileNameIsStrippedBeforeTheNameIsStoredOrShown() {
        Api.Response started = as("rep")
                .postMultipart(
                        IMPORT,
                        Map.of(
                                "file",
                                new FilePart(
                                        "../../etc/passwd.csv",
                                        "text/csv",
                                        utf8("email\n" + unique("pt") + "@x.io\n"))));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String name = started.json().get("fileName").asString();
        assertThat(name).doesNotContain("/", "\\", "..").endsWith("passwd.csv");
    }

    @Test
    void wrongContentTypesGet415() {
        assertProblem(as("rep").postRaw(VALIDATE, "application/json", "{\"file\":\"x\"}"), 415, null);
        assertProblem(as("rep").postRaw("/api/leads", "text/plain", "email=a@b.io"), 415, null);
        assertProblem(as("rep").postRaw("/api/leads/bulk/update", "application/xml", "<ids/>"), 415, null);
        assertProblem(as("rep").postRaw(VALIDATE, "multipart/form-data; boundary=x", "--x\r\nbroken"), 400, null);
    }

    @Test
    void malformedJsonAndWrongTypesGet400NamingTheProblem() {
        Api rep = as("rep");
        assertProblem(rep.postRaw("/api/leads", "application/json", "{\"email\": \"a@b.io\""), 400, null);
        assertProblem(rep.postRaw("/api/leads", "application/json", "[1,2,3]"), 400, null);
        assertProblem(rep.postRaw("/api/leads", "application/json", "\"just a string\""), 400, null);
        assertProblem(rep.postRaw("/api/leads", "application/json", "{\"email\": {\"$ne\": 1}}"), 400, null);
        assertProblem(rep.postRaw("/api/leads", "application/json", "{\"ownerId\": \"me\"}"), 400, "ownerId");
        assertProblem(rep.postRaw("/api/leads/bulk/update", "application/json", "{\"ids\": [1,"), 400, null);
        assertProblem(rep.postRaw("/api/leads/bulk/update", "application/json", "{\"ids\": 5}"), 400, null);
        assertProblem(
                rep.postRaw("/api/leads/bulk/assign", "application/json", "{\"ids\":[1],\"ownerId\":\"x\"}"),
                400,
                "ownerId");
        assertProblem(rep.postRaw("/api/leads/bulk/update", "application/json", "\u0000\u0001"), 400, null);
        for (String path : List.of(
                "/api/leads/abc",
                "/api/leads/1.5",
                "/api/leads/99999999999999999999",
                "/api/leads/bulk/abc",
                "/api/leads/import-export/imports/%27%20or%201=1",
                "/api/leads/import-export/activity/-x",
                "/api/leads/import-export/schedules/null",
                "/api/leads/1;x=y",
                "/api/leads?size=abc",
                "/api/leads?after=1e9",
                "/api/leads?createdFrom=yesterday",
                "/api/leads?status=%3Cscript%3E")) {
            Api.Response response = rep.get(path);
            assertThat(response.status())
                    .as("%s: %s", path, abbreviated(response))
                    .isBetween(400, 404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void oversizedBodiesGet413ProblemJsonWhetherTheyGiveALengthOrNot() throws Exception {
        Api rep = as("rep");
        String notes = "{\"email\":\"big@x.io\",\"notes\":\"" + "n".repeat(3 * 1024 * 1024) + "\"}";
        assertProblem(rep.postRaw("/api/leads", "application/json", notes), 413, "limit of 1 MB");
        String longIds = "{\"ids\":[" + ("\"" + "9".repeat(1000) + "\",").repeat(5000) + "1],\"changes\":{}}";
        assertProblem(rep.postRaw("/api/leads/bulk/update", "application/json", longIds), 413, "limit of 4 MB");

        // Chunked: no Content-Length to refuse up front, so the count while reading stops it.
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/api/leads"))
                                .header("Authorization", "Basic cmVwOnJlcA==")
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new java.io.ByteArrayInputStream(utf8(notes))))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(rep.get("/api/leads?q=big@x.io").json().get("items")).isEmpty();
    }

    @Test
    void nulInAnyJsonTextFieldGets400NamingTheField() {
        Api rep = as("rep");
        for (String field :
                List.of("firstName", "lastName", "email", "phone", "company", "jobTitle", "source", "notes")) {
            Map<String, Object> lead = new LinkedHashMap<>();
            lead.put("email", unique("nul") + "@x.io");
            lead.put(field, "a\u0000b");
            assertProblem(rep.post("/api/leads", lead), 400, field);
        }
        assertProblem(
                rep.post("/api/leads/bulk/update", map("ids", List.of(1), "changes", map("notes", "x\u0000"))),
                400,
                "changes.notes");
        Api.Response nulId = rep.post(
                "/api/leads/bulk/update?dryRun=true", map("ids", List.of("1\u0000"), "changes", map("status", "LOST")));
        assertThat(nulId.status())
                .as("an id is checked on its own: %s", nulId.body())
                .isEqualTo(200);
    }

    @Test
    void unreadableQueryParametersAndOutOfRangeDatesGet400NamingTheParameter() {
        Api rep = as("rep");
        assertProblem(rep.get("/api/leads?q=%00"), 400, "q");
        assertProblem(rep.get("/api/leads?source=a%00b"), 400, "source");
        assertProblem(rep.get("/api/leads?q=%FF"), 400, "q");
        assertProblem(rep.get("/api/leads/import-export/export?fields=email&q=%00"), 400, "q");
        assertProblem(rep.get("/api/leads?createdFrom=%2B999999999-12-31"), 400, "createdFrom");
        assertProblem(rep.get("/api/leads?updatedTo=-000001-01-01"), 400, "updatedTo");
        assertProblem(
                rep.post(
                        "/api/leads/bulk/update?dryRun=true",
                        map("filter", map("q", "a\u0000"), "changes", map("status", "LOST"))),
                400,
                "q");
    }

    @Test
    void idsAreDecimalTheErrorPageIsNoEndpointAndEchoesAreBounded() {
        Api rep = as("rep");
        long id =
                createLead(rep, map("email", unique("hex") + "@x.io")).get("id").asLong();
        assertThat(rep.get("/api/leads/" + id).status()).isEqualTo(200);
        assertProblem(rep.get("/api/leads/0x" + Long.toHexString(id)), 400, "id");
        assertProblem(rep.get("/api/leads/%23" + Long.toHexString(id)), 400, "id");
        assertProblem(anonymous().get("/error"), 404, null);
        assertProblem(rep.get("/error"), 404, null);

        Api.Response echoed =
                rep.postRaw("/api/leads", "application/json", "{\"ownerId\": \"" + "9".repeat(400_000) + "x\"}");
        assertProblem(echoed, 400, "ownerId");
        assertThat(echoed.bytes().length)
                .as("the refused value is echoed as an excerpt")
                .isLessThan(4000);
        Api.Response longEmail = rep.post("/api/leads", map("email", "e".repeat(600_000) + "@x.io"));
        assertProblem(longEmail, 400, "email");
        assertThat(longEmail.bytes().length).isLessThan(4000);
    }

    @Test
    void aDuplicateEmailNamesTheExistingLeadOnlyToThoseWhoMaySeeIt() {
        String email = unique("dup") + "@x.io";
        long managers = createLead(as("manager"), map("email", email)).get("id").asLong();
        Api.Response rep = as("rep").post("/api/leads", map("email", email));
        assertProblem(rep, 409, "already exists");
        assertThat(rep.body()).doesNotContain("lead " + managers);
        Api.Response manager = as("admin").post("/api/leads", map("email", email));
        assertProblem(manager, 409, "lead " + managers);
    }

    @Test
    void tooManyMultipartPartsAndActuatorRefusalsAreProblemJsonSayingWhy() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("file", new FilePart("leads.csv", "text/csv", utf8("email\np@x.io\n")));
        for (int i = 0; i < 60; i++) {
            parts.put("extra" + i, "x");
        }
        assertProblem(as("rep").postMultipart(VALIDATE, parts), 400, "too many parts");
        assertProblem(as("rep").get("/actuator/metrics"), 403, null);
    }

    @Test
    void pathsTheServerOrFirewallRefuseGet400() {
        // Tomcat answers this one before the application sees it; its answer is a 400 problem like the rest.
        assertProblem(as("rep").get("/api/users/%00"), 400, null);
        // The firewall's refusals (here a path parameter) are the application's own 400 problem.
        assertProblem(as("rep").get("/api/leads/1;x=y"), 400, null);
    }

    @Test
    void aBulkCallWithOneHundredThousandIdsIsAnsweredWithPerIdResults() {
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 100_000; i++) {
            ids.add(9_000_000_000L + i);
        }
        Api.Response response =
                as("rep").post("/api/leads/bulk/update?dryRun=true", map("ids", ids, "changes", map("status", "LOST")));
        assertThat(response.status()).as(abbreviated(response)).isIn(200, 202);
        long id = response.json().get("operationId").asLong();
        JsonNode done = awaitBulk(id);
        assertThat(done.get("totals").get("requested").asLong()).isEqualTo(100_000);
        assertThat(done.get("totals").get("notFound").asLong()).isEqualTo(100_000);
    }

    @Test
    void payloadsInEveryFieldAreStoredAsTextEscapedInPagesAndNeutralisedInCsv(CapturedOutput output) {
        String tag = unique("hostile");
        String field = "h" + tag.replace("-", "");
        assertThat(as("admin")
                        .post("/api/custom-fields", map("key", field, "label", "<b>Label</b>", "type", "TEXT"))
                        .status())
                .isEqualTo(201);
        String header = "email,first name,last name,company,job title,source,notes," + field;
        StringBuilder file = new StringBuilder(header + "\n");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = PAYLOADS.get(i);
            file.append(tag).append('-').append(i).append("@x.io");
            for (int c = 0; c < 7; c++) {
                file.append(',').append(quoted(c == 4 ? tag : p));
            }
            file.append('\n');
        }
        file.append(quoted(PAYLOADS.get(0)))
                .append(',')
                .append(quoted(PAYLOADS.get(4)))
                .append(",,,,")
                .append(tag)
                .append(",,\n");
        Api.Response started = as("rep")
                .postMultipart(
                        IMPORT,
                        Map.of(
                                "file",
                                csv(file.toString()),
                                "mapping",
                                "{\"job title\":\"jobTitle\",\"" + field + "\":\"custom:" + field + "\"}"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode job = awaitImport(started.json().get("id").asLong());
        assertThat(job.get("created").asLong()).as(job.toString()).isEqualTo(PAYLOADS.size());
        assertThat(job.get("failed").asLong())
                .as("the row whose email is a script")
                .isEqualTo(1);

        // stored as given: the SQL payloads are text, not SQL
        JsonNode stored = as("rep").get("/api/leads?source=" + tag + "&size=50").json();
        assertThat(stored.get("total").asLong()).isEqualTo(PAYLOADS.size());
        List<String> companies = new ArrayList<>();
        stored.get("items").forEach(l -> companies.add(l.get("company").asString()));
        assertThat(companies).containsExactlyInAnyOrderElementsOf(PAYLOADS);
        assertThat(as("rep")
                        .get("/api/leads?q=" + enc("' or '1'='1") + "&source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        // escaped in the page
        String page = as("rep").getPage("/leads?source=" + tag + "&size=50").body();
        assertThat(page).doesNotContain("<script>alert(", "<img src=x", "<b>Label</b>");
        assertThat(page).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
        assertThat(page).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");

        // neutralised in the CSV export
        String csv = as("rep")
                .get("/api/leads/import-export/export?source=" + tag + "&fields=company,notes," + field)
                .body();
        assertThat(csv).contains("'=HYPERLINK", "'+cmd|", "'-2+3", "'@SUM(A1:A9)");
        assertThat(csv.lines().skip(1))
                .allSatisfy(line -> assertThat(line).doesNotStartWith("=").doesNotContain(",=", ",\"=", ",+", ",@"));

        // and in the error report, which echoes the failed row as the user sent it
        String report = as("manager")
                .get("/api/leads/import-export/imports/" + job.get("id").asLong() + "/errors")
                .body();
        assertThat(report).contains("'=HYPERLINK").doesNotContain(",=", ",\"=");

        // and none of the leads' addresses or payloads reached the log
        assertThat(output.getAll()).doesNotContain(tag + "-0@x.io", "alert('xss')", "drop table lead");
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void bulkResultsAndErrorReportsNeutraliseFormulasButKeepPhoneNumbersAndSignedNumbers() {
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        Api.Response bulk = as("rep")
                .post(
                        "/api/leads/bulk/update?dryRun=true",
                        map(
                                "ids",
                                List.of(formula, "-5", "+1 415 555 0100", "@SUM(A1)"),
                                "changes",
                                map("status", "LOST")));
        assertThat(bulk.status()).as(bulk.body()).isIn(200, 202);
        long operation = bulk.json().get("operationId").asLong();
        awaitBulk(operation);
        List<String> results = as("manager")
                .get("/api/leads/bulk/" + operation + "/results.csv")
                .body()
                .lines()
                .skip(1)
                .toList();
        assertThat(results.get(0)).startsWith("\"'=HYPERLINK(");
        assertThat(results.get(1)).startsWith("-5,");
        assertThat(results.get(2)).startsWith("+1 415 555 0100,");
        assertThat(results.get(3)).startsWith("'@SUM(A1),");

        String tag = unique("phone");
        Api.Response started = as("rep")
                .postMultipart(
                        IMPORT,
                        Map.of("file", csv("email,phone,notes,source\nnot-an-email,+1 415 555 0100,-5," + tag + "\n")));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode job = awaitImport(started.json().get("id").asLong());
        String report = as("rep")
                .get("/api/leads/import-export/imports/" + job.get("id").asLong() + "/errors")
                .body();
        assertThat(report).contains(",+1 415 555 0100,-5,").doesNotContain("'+1", "'-5");
    }

    @Test
    void anImportRowErrorNamesAnExistingLeadOnlyToThoseWhoMaySeeIt() {
        String email = unique("taken") + "@x.io";
        long managers = createLead(as("manager"), map("email", email)).get("id").asLong();
        for (String mode : List.of("CREATE", "UPDATE")) {
            Api.Response started = as("rep")
                    .postMultipart(IMPORT, Map.of("file", csv("email\n" + email + "\n"), "duplicateMode", mode));
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            JsonNode job = awaitImport(started.json().get("id").asLong());
            assertThat(job.get("failed").asLong()).as(job.toString()).isEqualTo(1);
            String report = as("rep")
                    .get("/api/leads/import-export/imports/" + job.get("id").asLong() + "/errors")
                    .body();
            assertThat(report)
                    .as(mode)
                    .containsAnyOf("exists already", "another user")
                    .doesNotContain("lead " + managers);
        }
    }

    private JsonNode awaitImport(long id) {
        return await("/api/leads/import-export/imports/" + id);
    }

    private JsonNode awaitBulk(long id) {
        return await("/api/leads/bulk/" + id + "?results=0");
    }

    private JsonNode await(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = as("rep").get(path).json();
            String status = job.get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(path + " did not finish");
    }

    private static void assertProblem(Api.Response response, int status, String mentions) {
        assertThat(response.status()).as(abbreviated(response)).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (mentions != null) {
            assertThat(response.body()).containsIgnoringCase(mentions);
        }
    }

    private static String abbreviated(Api.Response response) {
        String body = response.body();
        return response.status() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    private static FilePart csv(String text) {
        return new FilePart("leads.csv", "text/csv", utf8(text));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] invalidUtf8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("email,first name\nu@x.io,"));
        out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, 0x28, (byte) 0xA1});
        out.writeBytes(utf8("\nv@x.io,Vee\n"));
        return out.toByteArray();
    }

    /** One sheet entry of 256 MB of zeros: a few hundred KB on the wire. */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(utf8("<Types/>"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 256; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
