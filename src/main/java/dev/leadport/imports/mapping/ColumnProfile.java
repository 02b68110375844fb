package dev.leadport.imports.mapping;

import dev.leadport.leads.EmailAddress;
import dev.leadport.leads.PhoneNumber;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What a column's first values look like, read from the rows the reader already holds when the mapping is suggested:
 * how many are filled, and which share of the filled ones are email addresses, phone numbers, identifiers or
 * organisation names.
 */
record ColumnProfile(
        int filled, double emails, double validPhones, double phoneLike, double identifiers, double organisations) {

    static final ColumnProfile UNKNOWN = new ColumnProfile(0, 0, 0, 0, 0, 0);

    /** Digits with the punctuation people type in numbers: "+1 (415) 555-0101", "001-539-402-2596x12". */
    private static final Pattern PHONE_LIKE =
            Pattern.compile("[+(]?[\\d][\\d\\s().\\-/]{5,}[\\d](\\s*(x|ext\\.?)\\s*\\d+)?");
    /** "0015e00000AbCdEf", "3Ec97aAc0Aa6c3D", "zcrm_5725767000000412001", "7123": a number, or a long code. */
    private static final Pattern IDENTIFIER =
            Pattern.compile("\\d{1,12}|(?=.*\\d.*\\d.*\\d)(?=.*[A-Za-z])[A-Za-z0-9]{12,}|zcrm_\\d+");

    static ColumnProfile of(List<String> values, String phoneRegion) {
        List<String> filled =
                values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (filled.isEmpty()) {
            return UNKNOWN;
        }
        return new ColumnProfile(
                filled.size(),
                share(filled, v -> EmailAddress.parse(v).problem().isEmpty()),
                share(filled, v -> PhoneNumber.parse(v, phoneRegion).problem().isEmpty()),
                share(filled, v -> PHONE_LIKE.matcher(v).matches()),
                share(filled, v -> IDENTIFIER.matcher(v).matches()),
                share(filled, OrganisationNames::looksLikeOrganisation));
    }

    boolean isFilled() {
        return filled > 0;
    }

    private static double share(List<String> values, Predicate<String> test) {
        return (double) values.stream().filter(test).count() / values.size();
    }
}
