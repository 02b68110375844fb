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
}
