package dev.leadport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line as the client reads it, without a server. */
class ArgumentsTest {

    private static final Arguments.Spec SPEC =
            new Arguments.Spec(Set.of("out", "owner"), Set.of("status"), Set.of("dry-run"));

    private static Arguments parse(String... args) throws CliFailure {
        return Arguments.parse("test", List.of(args), SPEC);
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSignAndRepeatableOnesCollectInOrder() throws CliFailure {
        Arguments a = parse("file.csv", "--out=x.csv", "--status", "NEW", "--status=QUALIFIED", "--dry-run");

        assertThat(a.positional()).containsExactly("file.csv");
        assertThat(a.value("out")).contains("x.csv");
        assertThat(a.values("status")).containsExactly("NEW", "QUALIFIED");
        assertThat(a.flag("dry-run")).isTrue();
        assertThat(a.value("owner")).isEmpty();
        assertThat(a.value("url")).isEmpty();
    }

    @Test
    void aDoubleDashEndsTheOptionsSoAFileMayStartWithDashes() throws CliFailure {
        assertThat(parse("--", "--odd.csv").positional()).containsExactly("--odd.csv");
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingItAndWhatTheCommandTakes() {
        assertThatThrownBy(() -> parse("--stauts", "NEW"))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("unknown option --stauts")
                .hasMessageContaining("--status")
                .extracting(e -> ((CliFailure) e).exitCode())
                .isEqualTo(CliFailure.USAGE);
        assertThatThrownBy(() -> parse("-o", "x")).hasMessageContaining("unknown option -o");
    }

    @Test
    void aMissingValueAValueOnAFlagAndASingleOptionGivenTwiceAreUsageErrors() {
        assertThatThrownBy(() -> parse("--out")).hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> parse("--dry-run=yes")).hasMessageContaining("--dry-run takes no value");
        assertThatThrownBy(() -> parse("--out", "a", "--out", "b")).hasMessageContaining("--out is given twice");
    }

    @Test
    void requiredOptionsAndTheSinglePositionalArgumentAreChecked() throws CliFailure {
        assertThatThrownBy(() -> parse().required("out")).hasMessageContaining("--out is required");
        assertThatThrownBy(() -> parse().single("file")).hasMessageContaining("name the file");
        assertThatThrownBy(() -> parse("a", "b").single("file")).hasMessageContaining("unexpected argument 'b'");
        assertThatThrownBy(() -> parse("a").noPositional()).hasMessageContaining("unexpected argument 'a'");
        assertThat(parse("a").single("file")).isEqualTo("a");
    }

    @Test
    void theExportQueryCarriesEveryFilterEncodedAndTheFormatFromTheFileName() throws CliFailure {
        Arguments a = Arguments.parse(
                "export",
                List.of(
                        "--status",
                        "NEW,QUALIFIED",
                        "--status",
                        "LOST",
                        "--owner",
                        "jane@x.io",
                        "--q",
                        "a&b c",
                        "--created-from",
                        "2026-01-02",
                        "--fields",
                        "email,status",
                        "--out",
                        "x.xlsx"),
                ExportCommand.SPEC);

        String path = ExportCommand.path(a, Path.of("x.xlsx"));

        assertThat(path)
                .startsWith("api/leads/import-export/export?")
                .contains("status=NEW&status=QUALIFIED&status=LOST")
                .contains("owner=jane%40x.io")
                .contains("q=a%26b+c")
                .contains("createdFrom=2026-01-02")
                .contains("fields=email%2Cstatus")
                .contains("format=xlsx")
                .doesNotContain("createdTo")
                .doesNotContain("bom");
    }

    @Test
    void aBadDateOrFormatIsRefusedBeforeAnyCall() throws CliFailure {
        Arguments date = Arguments.parse("export", List.of("--created-to", "31.12.2026"), ExportCommand.SPEC);
        assertThatThrownBy(() -> ExportCommand.path(date, Path.of("x.csv")))
                .hasMessageContaining("--created-to '31.12.2026' is not a date");
        Arguments format = Arguments.parse("export", List.of("--format", "pdf"), ExportCommand.SPEC);
        assertThatThrownBy(() -> ExportCommand.path(format, Path.of("x.csv")))
                .hasMessageContaining("--format 'pdf' is not csv or xlsx");
    }

    @Test
    void theImportSendsItsOptionsAsFormFieldsAndChecksTheHeaderRow() throws CliFailure {
        Arguments a = Arguments.parse(
                "import",
                List.of("f.csv", "--duplicate-mode", "update", "--date-order", "dmy", "--header-row", "3", "--wait"),
                ImportCommand.SPEC);

        assertThat(ImportCommand.fields(a))
                .containsExactly(
                        Map.entry("duplicateMode", "UPDATE"),
                        Map.entry("dateOrder", "DMY"),
                        Map.entry("headerRow", "3"));
        assertThat(a.flag("wait")).isTrue();
        Arguments zero = Arguments.parse("import", List.of("f.csv", "--header-row", "0"), ImportCommand.SPEC);
        assertThatThrownBy(() -> ImportCommand.fields(zero))
                .hasMessageContaining("--header-row '0' is not a row number");
        Arguments poll = Arguments.parse("import", List.of("f.csv", "--poll-ms", "soon"), ImportCommand.SPEC);
        assertThatThrownBy(() -> Jobs.pollMillis(poll)).hasMessageContaining("--poll-ms 'soon'");
        assertThat(ImportCommand.sibling(Path.of("in", "leads.csv"), ".errors.csv"))
                .isEqualTo(Path.of("in", "leads.csv.errors.csv"));
    }

    @Test
    void theEntryPrintsOneLineAndReturnsTwoForUsageErrorsAndThreeWithoutAToken() {
        Run usage = run(Map.of("LEADPORT_TOKEN", "lp_x"), "frobnicate");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).startsWith("leadport: unknown command 'frobnicate'\n");
        assertThat(usage.out()).isEmpty();

        Run noToken = run(Map.of(), "export", "--out", "x.csv");
        assertThat(noToken.exit()).isEqualTo(3);
        assertThat(noToken.err())
                .startsWith("leadport: LEADPORT_TOKEN is not set")
                .hasLineCount(1);

        Run badUrl = run(Map.of("LEADPORT_TOKEN", "lp_x"), "export", "--out", "x.csv", "--url", "localhost:8080");
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--url: 'localhost:8080' is not an address");

        Run urlFirst = run(Map.of("LEADPORT_TOKEN", "lp_x"), "--url", "ftp://x", "bulk", "delete", "--ids", "x");
        assertThat(urlFirst.err()).startsWith("leadport: --url: 'ftp://x' is not an address");

        Run help = run(Map.of(), "help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("export --out FILE").contains("Exit codes");
    }

    @Test
    void aServerThatIsNotThereIsOneLineAndExitCodeThree() {
        Run refused = run(
                Map.of("LEADPORT_TOKEN", "lp_x", "LEADPORT_URL", "http://127.0.0.1:9"),
                "export",
                "--out",
                System.getProperty("java.io.tmpdir") + "/leadport-cli-refused.csv");

        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("leadport: cannot reach http://127.0.0.1:9/ (connection refused)\n");
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), "leadport-cli-refused.csv"))
                .doesNotExist();
    }

    record Run(int exit, String out, String err) {}

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LeadportCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
