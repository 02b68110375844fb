package dev.leadport.cli;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.cli.ArgumentsTest.Run;
import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line client run in-process against the application on its random port, signed in with a token. */
class LeadportCliTest extends ApiTestBase {

    @TempDir
    Path dir;

    private String token(String user, String... scopes) {
        Api.Response created = as(user).post("/api/tokens", map("name", unique("cli"), "scopes", List.of(scopes)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    private Run cli(String token, String... args) {
        return ArgumentsTest.run(Map.of("LEADPORT_TOKEN", token, "LEADPORT_URL", "http://localhost:" + port), args);
    }

    @Test
    void exportWritesTheFilteredLeadsWithTheChosenFields() throws IOException {
        String tag = unique("cliexp");
        Api manager = as("manager");
        createLead(manager, map("email", tag + "-a@x.io", "source", tag, "status", "QUALIFIED", "company", "Acme"));
        createLead(manager, map("email", tag + "-b@x.io", "source", tag, "status", "NEW", "company", "Acme"));
        createLead(manager, map("email", tag + "-c@x.io", "source", tag, "status", "QUALIFIED", "company", "Other"));
        Path out = dir.resolve("qualified.csv");

        Run run = cli(
                token("manager", "READ", "EXPORT"),
                "export",
                "--source",
                tag,
                "--status",
                "QUALIFIED",
                "--q",
                "acme",
                "--fields",
                "email,status",
                "--header",
                "keys",
                "--out",
                out.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Exported to " + out);
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
                .containsExactly("email,status", tag + "-a@x.io,QUALIFIED");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void anExportTheServerRefusesLeavesNoFileAndPrintsTheProblemInOneLine() {
        Path out = dir.resolve("refused.csv");

        Run badStatus = cli(token("manager", "READ", "EXPORT"), "export", "--status", "HOT", "--out", out.toString());
        Run noScope = cli(token("manager", "READ"), "export", "--out", out.toString());

        assertThat(badStatus.exit()).isEqualTo(3);
        assertThat(badStatus.err())
                .startsWith("leadport: HTTP 400 Bad Request: status: 'HOT' is not")
                .hasLineCount(1);
        assertThat(noScope.exit()).isEqualTo(3);
        assertThat(noScope.err())
                .startsWith("leadport: HTTP 403 Forbidden: ")
                .contains("EXPORT")
                .hasLineCount(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aBadTokenIsOneLineAndExitCodeThree() {
        Run run = cli(
                "lp_notARealTokenAtAll", "export", "--out", dir.resolve("x.csv").toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err())
                .startsWith("leadport: HTTP 401 Unauthorized: ")
                .endsWith("(check LEADPORT_TOKEN)\n")
                .hasLineCount(1);
        assertThat(dir).isEmptyDirectory();
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anImportWithFailingRowsWaitsPrintsProgressWritesBothResultFilesAndExitsOne() throws IOException {
        String tag = unique("cliimp");
        Path input = file(
                "leads.csv",
                "Mail,Vorname,Quelle\n"
                        + tag + "-1@x.io,Ann," + tag + "\n"
                        + "not-an-email,Bob," + tag + "\n"
                        + tag + "-2@x.io,Cid," + tag + "\n");
        Path mapping =
                file("mapping.json", "{\"Mail\": \"email\", \"Vorname\": \"firstName\", \"Quelle\": \"source\"}");

        Run run = cli(
                token("manager", "READ", "IMPORT"),
                "import",
                input.toString(),
                "--mapping",
                mapping.toString(),
                "--duplicate-mode",
                "update",
                "--wait",
                "--poll-ms",
                "50");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .containsPattern("Import \\d+ of leads.csv started")
                .containsPattern(
                        "import \\d+: COMPLETED_WITH_ERRORS \\(3 of 3 rows; created 2, updated 0, skipped 0, failed 1\\)");
        assertThat(run.err())
                .containsPattern("^leadport: import \\d+: 1 row failed \\(see .*leads.csv.errors.csv\\)\n$");
        List<String> errors = Files.readAllLines(dir.resolve("leads.csv.errors.csv"), StandardCharsets.UTF_8);
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("\uFEFFMail,Vorname,Quelle,");
        assertThat(errors.get(1)).startsWith("not-an-email,Bob," + tag + ",");
        List<String> success = Files.readAllLines(dir.resolve("leads.csv.success.csv"), StandardCharsets.UTF_8);
        assertThat(success).hasSize(3);
        assertThat(success.get(0)).startsWith("row_number,lead_id,outcome");
        assertThat(success.subList(1, 3)).allMatch(line -> line.contains(",CREATED"));
        assertThat(as("manager")
                        .get("/api/leads?source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void allowErrorsTurnsFailedRowsIntoSuccessAndWithoutWaitTheImportOnlyStarts() throws IOException {
        String tag = unique("cliallow");
        Path input = file("a.csv", "email,source\n" + tag + "@x.io," + tag + "\nbroken," + tag + "\n");
        String token = token("manager", "READ", "IMPORT");

        Run started = cli(token, "import", input.toString());
        Run allowed = cli(token, "import", input.toString(), "--wait", "--allow-errors", "--poll-ms", "50");

        assertThat(started.exit()).as(started.toString()).isZero();
        assertThat(started.out()).containsPattern("Import \\d+ of a.csv started\nFollow it with 'leadport jobs'");
        assertThat(allowed.exit()).as(allowed.toString()).isZero();
        assertThat(allowed.out())
                .contains("failed 1")
                .contains("a.csv.errors.csv")
                .contains("a.csv.success.csv");
        assertThat(allowed.err()).isEmpty();
    }

    @Test
    void anImportWhoseFileIsRefusedFailsWithExitCodeOneAndOneLine() throws IOException {
        Path headerOnly = file("empty.csv", "email,firstName\n");
        Path binary = dir.resolve("photo.csv");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2, 3, 0, 0, 0});
        String token = token("manager", "READ", "IMPORT");

        Run empty = cli(token, "import", headerOnly.toString(), "--wait");
        Run png = cli(token, "import", binary.toString(), "--wait");

        assertThat(empty.exit()).as(empty.toString()).isEqualTo(1);
        assertThat(empty.err())
                .startsWith("leadport: HTTP 400 Bad Request: file: ")
                .hasLineCount(1);
        assertThat(png.exit()).as(png.toString()).isEqualTo(1);
        assertThat(png.err())
                .startsWith("leadport: HTTP 400 Bad Request: file: ")
                .hasLineCount(1);
        assertThat(dir.resolve("empty.csv.errors.csv")).doesNotExist();
    }

    @Test
    void aDryRunPrintsWhatWouldHappenChangesNothingAndExitsOneWhenRowsWouldFail() throws IOException {
        String tag = unique("clidry");
        Path input = file("dry.csv", "email,source\n" + tag + "@x.io," + tag + "\nbroken," + tag + "\n");
        String token = token("manager", "READ", "IMPORT");

        Run run = cli(token, "import", input.toString(), "--dry-run");
        Run wrongMode = cli(token, "import", input.toString(), "--dry-run", "--duplicate-mode", "merge");
        Run noScope = cli(token("manager", "READ"), "import", input.toString(), "--dry-run");

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out())
                .contains("Dry run of dry.csv: 2 rows; would create 1, update 0, skip 0, fail 1")
                .containsPattern("  row 3, email: .+");
        assertThat(run.err()).isEqualTo("leadport: dry run: 1 row would fail\n");
        assertThat(as("manager")
                        .get("/api/leads?source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(wrongMode.exit()).isEqualTo(3);
        assertThat(wrongMode.err()).startsWith("leadport: HTTP 400 Bad Request: duplicateMode: 'MERGE' is not one of");
        assertThat(noScope.exit()).isEqualTo(3);
        assertThat(noScope.err()).startsWith("leadport: HTTP 403 Forbidden: ").contains("IMPORT");
        assertThat(dir.resolve("dry.csv.errors.csv")).doesNotExist();
    }

    @Test
    void aMissingFileOrABadMappingIsAUsageError() throws IOException {
        Path input = file("m.csv", "email\na@x.io\n");
        Path mapping = file("bad.json", "[\"email\"]");
        String token = token("manager", "READ", "IMPORT");

        Run missing = cli(token, "import", dir.resolve("nope.csv").toString());
        Run badMapping = cli(token, "import", input.toString(), "--mapping", mapping.toString());

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("leadport: import: there is no readable file ");
        assertThat(badMapping.exit()).isEqualTo(2);
        assertThat(badMapping.err())
                .startsWith("leadport: import: the mapping ")
                .contains("is not a JSON object");
    }

    @Test
    void aBulkUpdateFromAnExportedIdsFileChangesEveryLeadAndSavesTheResults() throws IOException {
        String tag = unique("clibulk");
        List<Long> ids = createTaggedLeads(as("manager"), tag, 3);
        String token = token("manager", "READ", "EXPORT", "BULK");
        Path exported = dir.resolve("ids.csv");
        assertThat(cli(token, "export", "--source", tag, "--fields", "email,id", "--out", exported.toString())
                        .exit())
                .isZero();

        Run run =
                cli(token, "bulk", "update", "--ids", exported.toString(), "--status", "qualified", "--poll-ms", "50");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("bulk update \\d+: COMPLETED \\(3 of 3 ids; updated 3\\)");
        List<String> results = Files.readAllLines(dir.resolve("ids.csv.results.csv"), StandardCharsets.UTF_8);
        assertThat(results).hasSize(4);
        assertThat(results.subList(1, 4)).allMatch(line -> line.contains(",UPDATED,"));
        for (long id : ids) {
            assertThat(as("manager")
                            .get("/api/leads/" + id)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("QUALIFIED");
        }
    }

    @Test
    void aBulkAssignByUsernameWithAnUnknownIdExitsOneAndListsItInTheResults() throws IOException {
        String tag = unique("cliassign");
        List<Long> ids = createTaggedLeads(as("manager"), tag, 2);
        Path idsFile = file("assign.txt", ids.get(0) + "\n" + ids.get(1) + "\n999999999\n");
        String token = token("manager", "READ", "BULK");

        Run dryRun = cli(token, "bulk", "assign", "--ids", idsFile.toString(), "--owner", "rep", "--dry-run");
        assertThat(as("manager")
                        .get("/api/leads/" + ids.get(0))
                        .json()
                        .get("ownerId")
                        .asLong())
                .isNotEqualTo(userId("rep"));
        Run run = cli(token, "bulk", "assign", "--ids", idsFile.toString(), "--owner", "rep");

        assertThat(dryRun.exit()).as(dryRun.toString()).isEqualTo(1);
        assertThat(dryRun.out()).containsPattern("bulk assign \\d+ \\(dry run\\): COMPLETED");
        assertThat(dir.resolve("assign.txt.dry-run.results.csv")).content().contains("999999999,NOT_FOUND");
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.err())
                .containsPattern("^leadport: bulk assign \\d+: 1 id failed \\(see .*assign.txt.results.csv\\)\n$");
        assertThat(Files.readAllLines(dir.resolve("assign.txt.results.csv"), StandardCharsets.UTF_8))
                .contains("999999999,NOT_FOUND,there is no lead with id 999999999")
                .hasSize(4);
        for (long id : ids) {
            assertThat(as("manager")
                            .get("/api/leads/" + id)
                            .json()
                            .get("ownerId")
                            .asLong())
                    .isEqualTo(userId("rep"));
        }
    }

    @Test
    void aBulkCallTheRoleMayNotMakeOrAnUnknownOwnerIsOneLine() throws IOException {
        Path idsFile = file("del.txt", "1\n");

        Run repDelete = cli(token("rep", "READ", "BULK"), "bulk", "delete", "--ids", idsFile.toString());
        Run unknownOwner = cli(
                token("manager", "READ", "BULK"),
                "bulk",
                "assign",
                "--ids",
                idsFile.toString(),
                "--owner",
                "nobody-" + unique("x"));
        Run noChange = cli(token("manager", "READ", "BULK"), "bulk", "update", "--ids", idsFile.toString());

        assertThat(repDelete.exit()).isEqualTo(3);
        assertThat(repDelete.err()).startsWith("leadport: HTTP 403 Forbidden: ").hasLineCount(1);
        assertThat(unknownOwner.exit()).isEqualTo(2);
        assertThat(unknownOwner.err()).startsWith("leadport: bulk assign: there is no user 'nobody-");
        assertThat(noChange.exit()).isEqualTo(2);
        assertThat(noChange.err()).startsWith("leadport: bulk update: name a change");
        assertThat(dir.resolve("del.txt.results.csv")).doesNotExist();
    }

    @Test
    void jobsListsTheRecentImportsExportsAndBulkOperations() throws IOException {
        String tag = unique("clijobs");
        String token = token("manager", "READ", "IMPORT", "EXPORT", "BULK");
        Path input = file("jobs.csv", "email,source\n" + tag + "@x.io," + tag + "\n");
        assertThat(cli(token, "import", input.toString(), "--wait", "--poll-ms", "50")
                        .exit())
                .isZero();
        assertThat(cli(
                                token,
                                "export",
                                "--source",
                                tag,
                                "--out",
                                dir.resolve("j.csv").toString())
                        .exit())
                .isZero();

        Run all = cli(token, "jobs", "--limit", "50");
        Run imports = cli(token, "jobs", "--type", "import", "--limit", "5");
        Run badType = cli(token, "jobs", "--type", "mail");

        assertThat(all.exit()).as(all.toString()).isZero();
        assertThat(all.out())
                .startsWith("STARTED (UTC)")
                .containsPattern("IMPORT +\\d+ COMPLETED ")
                .contains("EXPORT ");
        assertThat(imports.out().lines().skip(1)).isNotEmpty().allMatch(line -> line.contains(" IMPORT"));
        assertThat(badType.exit()).isEqualTo(2);
    }

    @Test
    void anExportedFileEditedAndImportedByIdUpdatesThoseLeadsAndTheSuccessFileNamesThem() throws IOException {
        String tag = unique("climatch");
        List<Long> ids = createTaggedLeads(as("manager"), tag, 2);
        String token = token("manager", "READ", "IMPORT", "EXPORT");
        Path exported = dir.resolve("by-id.csv");
        assertThat(cli(token, "export", "--source", tag, "--fields", "id,email", "--out", exported.toString())
                        .exit())
                .isZero();
        Files.writeString(exported, Files.readString(exported).replace(tag + "-", "moved-" + tag + "-"));

        Path mapping = file("by-id.json", "{\"ID\": \"id\", \"Email\": \"email\"}");

        Run run = cli(
                token,
                "import",
                exported.toString(),
                "--mapping",
                mapping.toString(),
                "--match-by",
                "id",
                "--duplicate-mode",
                "update",
                "--wait",
                "--poll-ms",
                "50");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("created 0, updated 2, skipped 0, failed 0");
        for (long id : ids) {
            assertThat(as("manager").get("/api/leads/" + id).json().get("email").asString())
                    .startsWith("moved-");
        }
        List<String> success = Files.readAllLines(dir.resolve("by-id.csv.success.csv"));
        assertThat(success).hasSize(3);
        for (long id : ids) {
            assertThat(success).anyMatch(line -> line.endsWith("," + id + ",UPDATED," + id));
        }
    }
}
