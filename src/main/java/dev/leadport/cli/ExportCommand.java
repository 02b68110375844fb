package dev.leadport.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code export [filters] --out FILE}: the streamed export, written to a temporary file and renamed when complete. */
final class ExportCommand {

    static final Arguments.Spec SPEC = new Arguments.Spec(
            Set.of(
                    "owner",
                    "source",
                    "created-from",
                    "created-to",
                    "updated-from",
                    "updated-to",
                    "q",
                    "external-id",
                    "fields",
                    "format",
                    "header",
                    "out"),
            Set.of("status"),
            Set.of("bom"));

    private static final Map<String, String> DATES = Map.of(
            "created-from", "createdFrom",
            "created-to", "createdTo",
            "updated-from", "updatedFrom",
            "updated-to", "updatedTo");

    private final Server server;
    private final PrintStream out;

    ExportCommand(Server server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    int run(Arguments a) throws CliFailure {
        a.noPositional();
        Path target = Path.of(a.required("out"));
        if (Files.isDirectory(target)) {
            throw CliFailure.usage("export: --out " + target + " is a folder; name a file");
        }
        String path = path(a, target);
        long bytes = server.download(path, target);
        out.println("Exported to " + target + " (" + bytes + " bytes)");
        return 0;
    }

    /** The export's path and query for these options; the format defaults to the output file's extension. */
    static String path(Arguments a, Path target) throws CliFailure {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (String status : a.values("status")) {
            for (String s : status.split(",")) {
                if (!s.isBlank()) {
                    query.add(Map.entry("status", s.strip()));
                }
            }
        }
        query.add(entry("owner", a.value("owner").orElse(null)));
        query.add(entry("source", a.value("source").orElse(null)));
        for (Map.Entry<String, String> date :
                DATES.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            query.add(entry(date.getValue(), date(a, date.getKey())));
        }
        query.add(entry("q", a.value("q").orElse(null)));
        query.add(entry("externalId", a.value("external-id").orElse(null)));
        query.add(entry("fields", a.value("fields").orElse(null)));
        query.add(entry("format", format(a, target)));
        query.add(entry("header", a.value("header").orElse(null)));
        if (a.flag("bom")) {
            query.add(entry("bom", "true"));
        }
        return Server.query("api/leads/import-export/export", query);
    }

    private static String format(Arguments a, Path target) throws CliFailure {
        String given = a.value("format").orElse(null);
        if (given == null) {
            return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv";
        }
        String format = given.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw CliFailure.usage("export: --format '" + given + "' is not csv or xlsx");
        }
        return format;
    }

    private static String date(Arguments a, String option) throws CliFailure {
        String given = a.value(option).orElse(null);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given.strip()).toString();
        } catch (DateTimeParseException e) {
            throw CliFailure.usage("export: --" + option + " '" + given + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new SimpleEntry<>(name, value);
    }
}
