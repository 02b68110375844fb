package dev.leadport.exports;

import dev.leadport.shared.InvalidInputException;
import java.util.Locale;

/** Whether the header row names fields by their label ("First name") or their key ("firstName"). */
public enum HeaderStyle {
    LABELS,
    KEYS;

    static HeaderStyle parse(String text) {
        if (text == null || text.isBlank()) {
            return LABELS;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "labels", "label" -> LABELS;
            case "keys", "key" -> KEYS;
            default -> throw new InvalidInputException("header", "'" + text + "' is not labels or keys");
        };
    }
}
