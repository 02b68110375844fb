package dev.leadport.imports.validation;

import dev.leadport.shared.InvalidInputException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of problem that leave one value of a row out (or keep it as typed) instead of failing the row. An import
 * may make chosen kinds strict: a row with such a problem then fails as before.
 */
public enum WarningKind {
    /** A phone libphonenumber cannot validate: kept as typed, with no E.164 form. */
    PHONE,
    /** An owner that is no user (or a user a REP may not name): the lead goes to the importer. */
    OWNER,
    /** A status word that is no status, synonym or mapped value: left empty (a new lead is New). */
    STATUS,
    /** A custom value that does not fit its field (date, number, yes/no, option): left out. */
    CUSTOM;

    /** Reads "owner, phone" or ["OWNER","PHONE"]-like lists; unknown names are a clear error. */
    public static Set<WarningKind> parseAll(Iterable<String> names) {
        Set<WarningKind> kinds = EnumSet.noneOf(WarningKind.class);
        if (names == null) {
            return kinds;
        }
        for (String name : names) {
            for (String part : name.split(",")) {
                String word = part.strip();
                if (word.isEmpty()) {
                    continue;
                }
                try {
                    kinds.add(valueOf(word.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(
                            "strict", "'" + word + "' is not one of phone, owner, status, custom");
                }
            }
        }
        return kinds;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
