package dev.leadport.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code bulk update|assign|delete --ids FILE}: one bulk operation on the listed leads, followed to its end, with every
 * id's result saved as {@code FILE.results.csv} next to the ids file.
 */
final class BulkCommand {

    static final Arguments.Spec SPEC = new Arguments.Spec(
            Set.of("ids", "status", "source", "owner", "poll-ms"), Set.of("set"), Set.of("dry-run", "allow-errors"));

    /** The totals that count ids the operation could not act on. */
    private static final List<String> FAILED = List.of("notFound", "forbidden", "invalid", "conflict");

    private final Server server;
    private final PrintStream out;

    BulkCommand(Server server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    int run(String operation, Arguments a) throws CliFailure {
        if (!List.of("update", "assign", "delete").contains(operation)) {
            throw CliFailure.usage("bulk: '" + operation + "' is not update, assign or delete");
        }
        a.noPositional();
        Path idsFile = Path.of(a.required("ids"));
        long pollMillis = Jobs.pollMillis(a);
        List<String> ids = IdsFile.read(idsFile);
        Map<String, Object> body = body(operation, a);
        body.put("ids", ids);
        String path = "api/leads/bulk/" + operation + (a.flag("dry-run") ? "?dryRun=true" : "");

        JsonNode started = server.post(path, body);
        long id = started.path("operationId").asLong();
        String name = "bulk " + operation + " " + id + (a.flag("dry-run") ? " (dry run)" : "");
        JsonNode operationView = follow(name, started, pollMillis);
        // A dry run's results do not replace those of the real run.
        Path results = ImportCommand.sibling(idsFile, a.flag("dry-run") ? ".dry-run.results.csv" : ".results.csv");
        server.download("api/leads/bulk/" + id + "/results.csv", results);
        out.println("Results per id: " + results);

        String status = operationView.path("status").asString();
        if (status.equals("FAILED") || status.equals("CANCELLED")) {
            String error = operationView.path("error").isString()
                    ? ": " + operationView.path("error").asString()
                    : "";
            throw CliFailure.jobFailed(name + " " + status.toLowerCase(Locale.ROOT) + Problem.oneLine(error));
        }
        JsonNode totals = operationView.path("totals");
        long failed = FAILED.stream().mapToLong(k -> totals.path(k).asLong()).sum();
        if (failed > 0 && !a.flag("allow-errors")) {
            throw CliFailure.jobFailed(name + ": " + Jobs.count(failed, "id") + " failed (see " + results + ")");
        }
        return 0;
    }

    /** Prints the operation's progress whenever it changes until it ends (at once for a small one) and returns it. */
    private JsonNode follow(String name, JsonNode started, long pollMillis) throws CliFailure {
        JsonNode operation = started;
        String last = progress(operation);
        out.println(name + ": " + last);
        while (!Jobs.isFinal(operation.path("status").asString())) {
            Jobs.pause(pollMillis);
            operation =
                    server.get("api/leads/bulk/" + operation.path("operationId").asLong() + "?results=0");
            String line = progress(operation);
            if (!line.equals(last)) {
                out.println(name + ": " + line);
                last = line;
            }
        }
        return operation;
    }

    /** The request body without the ids: the changes of an update, the owner of an assign. */
    Map<String, Object> body(String operation, Arguments a) throws CliFailure {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (operation) {
            case "update" -> {
                refuse(a, "owner");
                body.put("changes", changes(a));
            }
            case "assign" -> {
                refuse(a, "status", "source", "set");
                body.put("ownerId", ownerId(a.required("owner")));
            }
            default -> refuse(a, "status", "source", "owner", "set");
        }
        return body;
    }

    static Map<String, Object> changes(Arguments a) throws CliFailure {
        Map<String, Object> changes = new LinkedHashMap<>();
        a.value("status").ifPresent(s -> changes.put("status", s.strip()));
        a.value("source").ifPresent(s -> changes.put("source", s));
        Map<String, Object> custom = new LinkedHashMap<>();
        for (String set : a.values("set")) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw CliFailure.usage(a.command() + ": --set '" + set + "' is not key=value");
            }
            custom.put(set.substring(0, eq).strip(), set.substring(eq + 1));
        }
        if (!custom.isEmpty()) {
            changes.put("custom", custom);
        }
        if (changes.isEmpty()) {
            throw CliFailure.usage(a.command() + ": name a change: --status S, --source S or --set field=value");
        }
        return changes;
    }

    private static void refuse(Arguments a, String... options) throws CliFailure {
        for (String option : options) {
            if (a.value(option).isPresent() || !a.values(option).isEmpty()) {
                throw CliFailure.usage(a.command() + " takes no --" + option);
            }
        }
    }

    /** The owner's id: given as a number, or looked up by username or email. */
    private long ownerId(String owner) throws CliFailure {
        String wanted = owner.strip();
        if (wanted.matches("\\d{1,18}")) {
            return Long.parseLong(wanted);
        }
        for (JsonNode user : server.get("api/users")) {
            String username = user.path("username").asString("");
            String email = user.path("email").isString() ? user.path("email").asString() : "";
            if (username.equalsIgnoreCase(wanted) || (!email.isEmpty() && email.equalsIgnoreCase(wanted))) {
                return user.path("id").asLong();
            }
        }
        throw CliFailure.usage("bulk assign: there is no user '" + owner + "'");
    }

    static String progress(JsonNode operation) {
        StringBuilder line = new StringBuilder(operation.path("status").asString());
        JsonNode totals = operation.path("totals");
        line.append(" (")
                .append(operation.path("processed").asLong())
                .append(" of ")
                .append(totals.path("requested").asLong())
                .append(" ids");
        for (Map.Entry<String, JsonNode> total : totals.properties()) {
            if (!total.getKey().equals("requested") && total.getValue().asLong() > 0) {
                line.append("; ")
                        .append(total.getKey())
                        .append(' ')
                        .append(total.getValue().asLong());
            }
        }
        return line.append(')').toString();
    }
}
