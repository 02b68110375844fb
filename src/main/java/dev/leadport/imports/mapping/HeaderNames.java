package dev.leadport.imports.mapping;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Header text reduced to what matters for matching: "E-mail_Address", "eMailAddress" and "e-mail address" all
 * become "e mail address" (words) and "emailaddress" (compact).
 */
public final class HeaderNames {

    private HeaderNames() {}

    /** Lower-case words without accents or punctuation, camelCase split, single spaces. */
    public static String words(String header) {
        String split = header.replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2").replaceAll("(\\p{L})(\\d)", "$1 $2");
        String unaccented = Normalizer.normalize(split, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return unaccented
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{Nd}]+", " ")
                .replaceAll("\\be mail\\b", "email")
                .strip();
    }

    /** The words run together, so "e mail" and "email" compare equal. */
    static String compact(String header) {
        return words(header).replace(" ", "");
    }
}
