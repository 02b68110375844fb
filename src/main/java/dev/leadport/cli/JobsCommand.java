package dev.leadport.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code jobs}: the recent imports, exports and bulk operations, newest first, from the activity log (one row per
 * operation in its latest state; a REP sees their own).
 */
final class JobsCommand {

    static final Arguments.Spec SPEC = new Arguments.Spec(Set.of("limit"), Set.of("type"), Set.of());

    private static final Map<String, List<String>> TYPES = Map.of(
            "import", List.of("IMPORT", "IMPORT_UNDO"),
            "export", List.of("EXPORT", "SCHEDULED_EXPORT"),
            "bulk", List.of("BULK_UPDATE", "BULK_ASSIGN", "BULK_DELETE", "BULK_RESTORE", "BULK_UNDO"));

    private final Server server;
    private final PrintStream out;

    JobsCommand(Server server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    int run(Arguments a) throws CliFailure {
        a.noPositional();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (String type : types(a)) {
            query.add(Map.entry("type", type));
        }
        query.add(Map.entry("size", String.valueOf(limit(a))));
        JsonNode page = server.get(Server.query("api/leads/import-export/activity", query));
        if (page.path("items").isEmpty()) {
            out.println("No jobs yet.");
            return 0;
        }
        out.printf("%-20s %-16s %8s %-22s %-12s %s%n", "STARTED (UTC)", "TYPE", "ID", "STATUS", "BY", "COUNTS");
        for (JsonNode item : page.path("items")) {
            out.printf(
                    "%-20s %-16s %8s %-22s %-12s %s%n",
                    time(item),
                    item.path("type").asString(),
                    shortId(item.path("operationId").asString()),
                    item.path("status").asString(),
                    item.path("actorUsername").isString()
                            ? item.path("actorUsername").asString()
                            : "-",
                    counts(item.path("counts")));
        }
        return 0;
    }

    static Set<String> types(Arguments a) throws CliFailure {
        List<String> given = a.values("type");
        Set<String> types = new LinkedHashSet<>();
        for (String kind : given.isEmpty() ? List.of("import", "export", "bulk") : given) {
            List<String> named = TYPES.get(kind.strip().toLowerCase(Locale.ROOT));
            if (named == null) {
                throw CliFailure.usage("jobs: --type '" + kind + "' is not import, export or bulk");
            }
            types.addAll(named);
        }
        return types;
    }

    private static int limit(Arguments a) throws CliFailure {
        String given = a.value("limit").orElse("20").strip();
        if (!given.matches("\\d{1,3}") || Integer.parseInt(given) < 1 || Integer.parseInt(given) > 200) {
            throw CliFailure.usage("jobs: --limit '" + given + "' is not a number from 1 to 200");
        }
        return Integer.parseInt(given);
    }

    /** Imports and bulk operations have numbers; a direct export's id is a UUID, shown by its first 8 characters. */
    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String time(JsonNode item) {
        String text = item.path("startedAt").isString()
                ? item.path("startedAt").asString()
                : item.path("recordedAt").asString("");
        try {
            return Instant.parse(text)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString()
                    .replace('T', ' ')
                    .replace("Z", "");
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String counts(JsonNode counts) {
        if (!counts.isObject()) {
            return "";
        }
        return counts.path("processed").asLong() + " of " + counts.path("total").asLong() + "; created "
                + counts.path("created").asLong() + ", updated "
                + counts.path("updated").asLong() + ", skipped "
                + counts.path("skipped").asLong() + ", failed "
                + counts.path("failed").asLong();
    }
}
