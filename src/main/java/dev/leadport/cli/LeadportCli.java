package dev.leadport.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The command-line client's entry: {@code leadport import|export|bulk|jobs ...}. Exit codes: 0 done, 1 a job failed
 * or finished with failed rows or ids, 2 a usage error, 3 an error answer, a refused token or no connection.
 */
public final class LeadportCli {

    static final String DEFAULT_URL = "http://localhost:8080";

    private LeadportCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs one command and returns its exit code; everything it says goes to {@code out}, every error to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            return dispatch(Arrays.asList(args), out, env);
        } catch (CliFailure failure) {
            err.println("leadport: " + failure.getMessage());
            if (failure.exitCode() == CliFailure.USAGE) {
                err.println("Run 'leadport help' for the commands and their options.");
            }
            return failure.exitCode();
        } catch (RuntimeException e) {
            // A bug of the client itself: still one line, never a stack trace.
            err.println("leadport: unexpected error: " + e);
            return CliFailure.SERVER;
        }
    }

    private static int dispatch(List<String> given, PrintStream out, Map<String, String> env) throws CliFailure {
        List<String> args = urlAfterCommand(given);
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            out.print(Usage.TEXT);
            return 0;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "export" -> {
                Arguments a = Arguments.parse("export", rest, ExportCommand.SPEC);
                yield a.flag("help") ? help(out) : new ExportCommand(server(a, env), out).run(a);
            }
            case "import" -> {
                Arguments a = Arguments.parse("import", rest, ImportCommand.SPEC);
                yield a.flag("help") ? help(out) : new ImportCommand(server(a, env), out).run(a);
            }
            case "bulk" -> {
                if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                    throw CliFailure.usage("bulk: name the operation: update, assign or delete");
                }
                String operation = rest.get(0);
                Arguments a = Arguments.parse("bulk " + operation, rest.subList(1, rest.size()), BulkCommand.SPEC);
                yield a.flag("help") ? help(out) : new BulkCommand(server(a, env), out).run(operation, a);
            }
            case "jobs" -> {
                Arguments a = Arguments.parse("jobs", rest, JobsCommand.SPEC);
                yield a.flag("help") ? help(out) : new JobsCommand(server(a, env), out).run(a);
            }
            default -> throw CliFailure.usage("unknown command '" + command + "'");
        };
    }

    /** {@code --url X} may come before the command too: it is moved behind it, where every command takes it. */
    private static List<String> urlAfterCommand(List<String> args) {
        List<String> moved = new ArrayList<>();
        int i = 0;
        while (i < args.size() && (args.get(i).equals("--url") || args.get(i).startsWith("--url="))) {
            moved.add(args.get(i));
            if (args.get(i).equals("--url") && i + 1 < args.size()) {
                moved.add(args.get(i + 1));
                i++;
            }
            i++;
        }
        if (moved.isEmpty() || i >= args.size()) {
            return args;
        }
        List<String> result = new ArrayList<>();
        result.add(args.get(i));
        if (args.get(i).equals("bulk") && i + 1 < args.size()) {
            result.add(args.get(++i));
        }
        result.addAll(moved);
        result.addAll(args.subList(i + 1, args.size()));
        return result;
    }

    private static int help(PrintStream out) {
        out.print(Usage.TEXT);
        return 0;
    }

    /** The server from {@code --url}, else LEADPORT_URL, else localhost; the token from LEADPORT_TOKEN. */
    static Server server(Arguments a, Map<String, String> env) throws CliFailure {
        String url = a.value("url").orElseGet(() -> {
            String fromEnv = env.get("LEADPORT_URL");
            return fromEnv == null || fromEnv.isBlank() ? DEFAULT_URL : fromEnv.strip();
        });
        URI base;
        try {
            base = new URI(url.endsWith("/") ? url : url + "/");
        } catch (URISyntaxException e) {
            throw CliFailure.usage("--url: '" + url + "' is not an address like " + DEFAULT_URL);
        }
        if (base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw CliFailure.usage("--url: '" + url + "' is not an address like " + DEFAULT_URL);
        }
        String token = env.get("LEADPORT_TOKEN");
        if (token == null || token.isBlank()) {
            throw CliFailure.server("LEADPORT_TOKEN is not set: make a token in Settings > API tokens and "
                    + "export LEADPORT_TOKEN=lp_...");
        }
        return new Server(base, token.strip());
    }
}
