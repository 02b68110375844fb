package dev.leadport.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded excerpt of a value a user supplied, for the places that echo or keep it (problem details, the activity
 * log): a 5 MB value must not come back as 10 MB of error, nor fill an append-only log.
 */
public final class Excerpt {

    /** Characters of a user-supplied value kept in an error message or a log entry. */
    public static final int DEFAULT = 200;

    private Excerpt() {}

    /** The value itself when it is short, else its start and how long it was. */
    public static String of(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end) + "… (" + value.length() + " characters)";
    }

    public static String of(String value) {
        return of(value, DEFAULT);
    }

    /** Any value as text (null stays null), bounded. */
    public static String of(Object value) {
        return value == null ? null : of(String.valueOf(value));
    }

    /**
     * A copy of a JSON-like value (maps, lists, strings, numbers) with every string bounded to {@code max}
     * characters and every list or map to {@code maxItems} entries.
     */
    public static Object bounded(Object value, int max, int maxItems) {
        if (value instanceof String s) {
            return of(s, max);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.entrySet().stream()
                    .limit(maxItems)
                    .forEach(e -> copy.put(of(String.valueOf(e.getKey()), max), bounded(e.getValue(), max, maxItems)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = list.stream()
                    .limit(maxItems)
                    .map(v -> bounded(v, max, maxItems))
                    .toList();
            return list.size() > maxItems ? appendCount(copy, list.size()) : copy;
        }
        return value;
    }

    private static List<Object> appendCount(List<Object> items, int total) {
        List<Object> copy = new java.util.ArrayList<>(items);
        copy.add("… (" + total + " items)");
        return copy;
    }
}
