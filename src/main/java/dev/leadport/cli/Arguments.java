package dev.leadport.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The command line of one command: its positional arguments, options with a value ({@code --out FILE} or {@code
 * --out=FILE}, repeatable ones collected in order) and flags. Anything the command does not declare is a usage
 * error naming it.
 */
final class Arguments {

    /**
     * What a command accepts.
     *
     * @param valued options that take a value (given once)
     * @param repeatable options that take a value and may be given several times
     * @param flags options without a value
     */
    record Spec(Set<String> valued, Set<String> repeatable, Set<String> flags) {

        Spec {
            valued = Set.copyOf(valued);
            repeatable = Set.copyOf(repeatable);
            flags = Set.copyOf(flags);
        }

        /** Every command takes the server address and help. */
        Spec withCommon() {
            Set<String> v = new TreeSet<>(valued);
            v.add("url");
            Set<String> f = new TreeSet<>(flags);
            f.add("help");
            return new Spec(v, repeatable, f);
        }
    }

    private final String command;
    private final List<String> positional;
    private final Map<String, List<String>> values;
    private final Set<String> flags;

    private Arguments(String command, List<String> positional, Map<String, List<String>> values, Set<String> flags) {
        this.command = command;
        this.positional = List.copyOf(positional);
        this.values = values;
        this.flags = flags;
    }

    static Arguments parse(String command, List<String> args, Spec declared) throws CliFailure {
        Spec spec = declared.withCommon();
        List<String> positional = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> flags = new TreeSet<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--") || arg.equals("-")) {
                if (!optionsEnded && arg.startsWith("-") && !arg.equals("-") && !arg.startsWith("--")) {
                    throw CliFailure.usage(command + ": unknown option " + arg + " (options start with --)");
                }
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (spec.flags().contains(name)) {
                if (inline != null) {
                    throw CliFailure.usage(command + ": --" + name + " takes no value");
                }
                flags.add(name);
            } else if (spec.valued().contains(name) || spec.repeatable().contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw CliFailure.usage(command + ": --" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                List<String> given = values.computeIfAbsent(name, k -> new ArrayList<>());
                if (!given.isEmpty() && !spec.repeatable().contains(name)) {
                    throw CliFailure.usage(command + ": --" + name + " is given twice");
                }
                given.add(value);
            } else {
                throw CliFailure.usage(command + ": unknown option --" + name + known(spec));
            }
        }
        return new Arguments(command, positional, values, flags);
    }

    private static String known(Spec spec) {
        Set<String> all = new TreeSet<>();
        all.addAll(spec.valued());
        all.addAll(spec.repeatable());
        all.addAll(spec.flags());
        return " (it takes " + String.join(", ", all.stream().map(n -> "--" + n).toList()) + ")";
    }

    String command() {
        return command;
    }

    List<String> positional() {
        return positional;
    }

    Optional<String> value(String name) {
        List<String> given = values.get(name);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    String required(String name) throws CliFailure {
        return value(name).orElseThrow(() -> CliFailure.usage(command + ": --" + name + " is required"));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The one positional argument the command takes, e.g. the file of {@code import FILE}. */
    String single(String what) throws CliFailure {
        if (positional.isEmpty()) {
            throw CliFailure.usage(command + ": name the " + what);
        }
        if (positional.size() > 1) {
            throw CliFailure.usage(command + ": unexpected argument '" + positional.get(1) + "'");
        }
        return positional.get(0);
    }

    /** Fails on any positional argument, for commands that take none. */
    void noPositional() throws CliFailure {
        if (!positional.isEmpty()) {
            throw CliFailure.usage(command + ": unexpected argument '" + positional.get(0) + "'");
        }
    }
}
