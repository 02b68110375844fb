package dev.leadport.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the form {@code --name value}, repeatable. */
final class Arguments {

    private Arguments() {}

    static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>())
                    .add(args[++i]);
        }
        return options;
    }

    static String single(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.getOrDefault(name, List.of());
        return values.isEmpty() ? fallback : values.get(values.size() - 1);
    }
}
