package dev.leadport.imports.validation;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.leadport.imports.mapping.HeaderNames;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a country cell ("DE", "Germany", "Deutschland", "Allemagne", "United States", "USA") as the region its
 * row's phone numbers are dialled in, so a German lead's "030 2345678" is read as a German number in a US file.
 */
public final class CountryRegions {

    private static final Set<String> REGIONS = PhoneNumberUtil.getInstance().getSupportedRegions();
    private static final Map<String, String> NAMES = names();

    private CountryRegions() {}

    /** The region code for a country cell, or null when the cell names no country a phone can belong to. */
    public static String regionOf(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String text = cell.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && REGIONS.contains(upper)) {
            return upper;
        }
        return NAMES.get(HeaderNames.words(text));
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        Locale[] languages = {
            Locale.ENGLISH,
            Locale.GERMAN,
            Locale.FRENCH,
            Locale.forLanguageTag("es"),
            Locale.ITALIAN,
            Locale.forLanguageTag("nl"),
            Locale.forLanguageTag("pt")
        };
        for (String code : Locale.getISOCountries()) {
            if (!REGIONS.contains(code)) {
                continue;
            }
            Locale country = new Locale.Builder().setRegion(code).build();
            names.putIfAbsent(HeaderNames.words(country.getISO3Country()), code);
            for (Locale language : languages) {
                names.putIfAbsent(HeaderNames.words(country.getDisplayCountry(language)), code);
            }
        }
        String[][] common = {
            {"usa", "US"}, {"u s a", "US"}, {"u s", "US"}, {"united states of america", "US"}, {"america", "US"},
            {"uk", "GB"}, {"u k", "GB"}, {"great britain", "GB"}, {"england", "GB"}, {"scotland", "GB"},
            {"wales", "GB"}, {"britain", "GB"}, {"deutschland", "DE"}, {"holland", "NL"}, {"south korea", "KR"},
            {"korea", "KR"}, {"russia", "RU"}, {"czech republic", "CZ"}, {"uae", "AE"}
        };
        for (String[] pair : common) {
            names.put(pair[0], pair[1]);
        }
        return Map.copyOf(names);
    }
}
