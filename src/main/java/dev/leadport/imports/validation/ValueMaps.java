package dev.leadport.imports.validation;

import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.HeaderNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user's value maps: per target (status, owner, a choice or yes/no custom field), what a file's value becomes.
 * An empty target value means "leave empty". File values match case- and punctuation-insensitively.
 */
public final class ValueMaps {

    public static final ValueMaps NONE = new ValueMaps(Map.of());

    /** Files repeat a handful of values; each distinct text is normalised once (up to a bound). */
    private static final int REMEMBERED = 1_000;

    private final Map<ColumnTarget, Map<String, String>> given;
    private final Map<ColumnTarget, Map<String, String>> byWords = new HashMap<>();
    private final Map<String, String> words = new ConcurrentHashMap<>();

    /** {@code given}: target to (file value to target value), as the user sent it. */
    public ValueMaps(Map<ColumnTarget, Map<String, String>> given) {
        Map<ColumnTarget, Map<String, String>> copy = new LinkedHashMap<>();
        given.forEach((target, values) -> {
            if (!values.isEmpty()) {
                copy.put(target, Map.copyOf(values));
                Map<String, String> normalised = new HashMap<>();
                values.forEach((from, to) -> normalised.put(HeaderNames.words(from), to == null ? "" : to.strip()));
                byWords.put(target, normalised);
            }
        });
        this.given = Map.copyOf(copy);
    }

    /** What the user mapped this file value to ({@code ""}: leave empty), or empty when they did not map it. */
    public Optional<String> lookup(ColumnTarget target, String text) {
        Map<String, String> values = byWords.get(target);
        if (values == null || text == null) {
            return Optional.empty();
        }
        String key = words.get(text);
        if (key == null) {
            key = HeaderNames.words(text);
            if (words.size() < REMEMBERED) {
                words.put(text, key);
            }
        }
        return Optional.ofNullable(values.get(key));
    }

    /** The maps as the user gave them, keyed by target as written in mappings ("status", "custom:tier"). */
    public Map<String, Map<String, String>> toSaved() {
        Map<String, Map<String, String>> saved = new LinkedHashMap<>();
        given.forEach((target, values) -> saved.put(target.toString(), values));
        return saved;
    }
}
