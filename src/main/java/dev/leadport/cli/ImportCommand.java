package dev.leadport.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code import FILE}: uploads the file, and with {@code --wait} follows the job to its end and writes {@code
 * FILE.errors.csv} (rows that failed or landed with a warning, the reason appended) and {@code FILE.success.csv}
 * next to it. {@code --dry-run} runs the validation instead and writes nothing to the leads.
 */
final class ImportCommand {

    static final Arguments.Spec SPEC = new Arguments.Spec(
            Set.of(
                    "mapping",
                    "duplicate-mode",
                    "match-by",
                    "default-region",
                    "date-order",
                    "encoding",
                    "header-row",
                    "poll-ms"),
            Set.of(),
            Set.of("dry-run", "wait", "allow-errors"));

    static final String BASE = "api/leads/import-export/";

    private final Server server;
    private final PrintStream out;

    ImportCommand(Server server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    int run(Arguments a) throws CliFailure {
        Path file = Path.of(a.single("file to import"));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw CliFailure.usage("import: there is no readable file " + file);
        }
        Map<String, String> fields = fields(a);
        long pollMillis = Jobs.pollMillis(a);
        if (a.flag("dry-run")) {
            return dryRun(file, fields, a.flag("allow-errors"));
        }
        JsonNode job = upload("import", file, fields);
        long id = job.path("id").asLong();
        out.println("Import " + id + " of " + file.getFileName() + " started");
        if (!a.flag("wait")) {
            out.println("Follow it with 'leadport jobs' or GET /" + BASE + "imports/" + id);
            return 0;
        }
        JsonNode done = follow(id, pollMillis);
        return finish(file, done, a.flag("allow-errors"));
    }

    /** The upload's form fields for these options; the mapping file must hold a JSON object. */
    static Map<String, String> fields(Arguments a) throws CliFailure {
        Map<String, String> fields = new LinkedHashMap<>();
        if (a.value("mapping").isPresent()) {
            fields.put("mapping", mapping(Path.of(a.value("mapping").get())));
        }
        a.value("duplicate-mode")
                .ifPresent(m -> fields.put("duplicateMode", m.strip().toUpperCase(Locale.ROOT)));
        a.value("match-by")
                .ifPresent(m ->
                        fields.put("matchBy", m.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        a.value("default-region").ifPresent(r -> fields.put("defaultRegion", r.strip()));
        a.value("date-order").ifPresent(d -> fields.put("dateOrder", d.strip().toUpperCase(Locale.ROOT)));
        a.value("encoding").ifPresent(e -> fields.put("encoding", e.strip()));
        if (a.value("header-row").isPresent()) {
            String row = a.value("header-row").get().strip();
            if (!row.matches("[1-9][0-9]{0,5}")) {
                throw CliFailure.usage("import: --header-row '" + row + "' is not a row number (1, 2, ...)");
            }
            fields.put("headerRow", row);
        }
        return fields;
    }

    private static String mapping(Path path) throws CliFailure {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.usage("import: cannot read the mapping " + path + ": " + e.getMessage());
        }
        try {
            JsonNode mapping = Server.JSON.readTree(text);
            if (!mapping.isObject()) {
                throw CliFailure.usage("import: the mapping " + path
                        + " is not a JSON object of column to field, e.g. {\"E-mail Address\": \"email\"}");
            }
            return Server.JSON.writeValueAsString(mapping);
        } catch (JacksonException e) {
            throw CliFailure.usage(
                    "import: the mapping " + path + " is not JSON: " + Problem.oneLine(e.getOriginalMessage()));
        }
    }

    private JsonNode upload(String endpoint, Path file, Map<String, String> fields) throws CliFailure {
        try {
            return server.postFile(BASE + endpoint, file, fields);
        } catch (CliFailure failure) {
            // The server read the file and refused it (not a table, empty, too large): the import failed.
            boolean fileRefused = failure.status() == 413
                    || (failure.status() == 400 && failure.fields().contains("file"));
            throw fileRefused ? failure.asJobFailure() : failure;
        }
    }

    private int dryRun(Path file, Map<String, String> fields, boolean allowErrors) throws CliFailure {
        JsonNode report = upload("validate", file, fields);
        // Rows the validation refuses and rows the merge would refuse (CREATE mode meeting an existing email).
        long failing =
                report.path("invalidRows").asLong() + report.path("wouldFail").asLong();
        out.println("Dry run of " + file.getFileName() + ": "
                + report.path("totalRows").asLong()
                + " rows; would create " + report.path("wouldCreate").asLong() + ", update "
                + report.path("wouldUpdate").asLong() + ", skip "
                + report.path("wouldSkip").asLong() + ", fail "
                + failing + "; " + report.path("rowsWithWarnings").asLong() + " with warnings");
        for (JsonNode error : report.path("errors")) {
            out.println("  row " + error.path("row").asLong()
                    + (error.path("column").isString()
                            ? ", " + error.path("column").asString()
                            : "") + ": "
                    + Problem.oneLine(error.path("reason").asString()));
        }
        long more = report.path("errorsTotal").asLong() - report.path("errors").size();
        if (more > 0) {
            out.println("  ... and " + more + " more");
        }
        if (failing > 0 && !allowErrors) {
            throw CliFailure.jobFailed("dry run: " + Jobs.count(failing, "row") + " would fail");
        }
        return 0;
    }

    private JsonNode follow(long id, long pollMillis) throws CliFailure {
        String last = null;
        while (true) {
            JsonNode job = server.get(BASE + "imports/" + id);
            String line = progress(job);
            if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            if (Jobs.isFinal(job.path("status").asString())) {
                return job;
            }
            Jobs.pause(pollMillis);
        }
    }

    static String progress(JsonNode job) {
        String status = job.path("status").asString();
        StringBuilder line = new StringBuilder("import " + job.path("id").asLong() + ": " + status);
        if (job.path("percent").isNumber() && !Jobs.isFinal(status)) {
            line.append(' ').append(job.path("percent").asInt()).append('%');
        }
        line.append(" (").append(job.path("processedRows").asLong());
        if (job.path("totalRows").isNumber()) {
            line.append(" of ").append(job.path("totalRows").asLong());
        }
        line.append(" rows; created ")
                .append(job.path("created").asLong())
                .append(", updated ")
                .append(job.path("updated").asLong())
                .append(", skipped ")
                .append(job.path("skipped").asLong())
                .append(", failed ")
                .append(job.path("failed").asLong());
        if (job.path("rowsWithWarnings").asLong() > 0) {
            line.append(", ").append(job.path("rowsWithWarnings").asLong()).append(" with warnings");
        }
        return line.append(')').toString();
    }

    private int finish(Path file, JsonNode job, boolean allowErrors) throws CliFailure {
        long id = job.path("id").asLong();
        String status = job.path("status").asString();
        boolean failed = status.equals("FAILED") || status.equals("CANCELLED");
        Path errors = sibling(file, ".errors.csv");
        try {
            server.download(BASE + "imports/" + id + "/errors", errors);
            out.println("Failed rows and warnings: " + errors);
        } catch (CliFailure e) {
            if (!failed) {
                throw e;
            }
            out.println("No error report: " + e.getMessage());
        }
        Path success = sibling(file, ".success.csv");
        try {
            server.download(BASE + "imports/" + id + "/success", success);
            out.println("Imported rows: " + success);
        } catch (CliFailure e) {
            if (e.status() == 404 && !e.getMessage().contains("no longer kept")) {
                out.println("No success file: this server has none (" + e.getMessage() + ")");
            } else if (!failed) {
                throw e;
            } else {
                out.println("No success file: " + e.getMessage());
            }
        }
        if (failed) {
            String reason = job.path("errorMessage").isString()
                    ? ": " + job.path("errorMessage").asString()
                    : "";
            throw CliFailure.jobFailed(
                    "import " + id + " " + status.toLowerCase(Locale.ROOT) + Problem.oneLine(reason));
        }
        long failedRows = job.path("failed").asLong();
        if (failedRows > 0 && !allowErrors) {
            throw CliFailure.jobFailed(
                    "import " + id + ": " + Jobs.count(failedRows, "row") + " failed (see " + errors + ")");
        }
        return 0;
    }

    /** {@code leads.csv} -> {@code leads.csv.errors.csv}, in the same folder. */
    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }
}
