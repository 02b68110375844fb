package dev.leadport.imports;

import dev.leadport.shared.InvalidInputException;
import java.util.Locale;

/**
 * What identifies an existing lead in an import: its email (case-insensitively), Leadport's own id (the {@code id}
 * column Leadport's export writes), or the other system's external id. A row whose key matches a lead is skipped,
 * updated or failed by the duplicate mode; a row without a key, or whose external id or email matches nothing,
 * becomes a new lead.
 */
public enum MatchKey {
    EMAIL,
    ID,
    EXTERNAL_ID;

    /** The {@code matchBy} parameter; blank means EMAIL. */
    public static MatchKey parse(String text) {
        if (text == null || text.isBlank()) {
            return EMAIL;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("matchBy", "'" + text + "' is not one of EMAIL, ID, EXTERNAL_ID");
        }
    }
}
