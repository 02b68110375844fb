package dev.leadport.imports.mapping;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a name that is an organisation's ("Steiner Mechanik AG", "Acme Inc.", "Müller &amp; Söhne GmbH", "株式会社サンプル")
 * from a person's, by the legal forms and words that organisations carry, so that it is not split into a first and a
 * last name.
 */
public final class OrganisationNames {

    /** Legal forms and words, compared as lower-case words without their dots. */
    private static final Set<String> WORDS = Set.of(
            "ag",
            "gmbh",
            "kg",
            "ohg",
            "gbr",
            "ug",
            "eg",
            "ev",
            "se",
            "inc",
            "incorporated",
            "llc",
            "llp",
            "lp",
            "ltd",
            "limited",
            "plc",
            "corp",
            "corporation",
            "co",
            "company",
            "sarl",
            "sas",
            "sa",
            "sl",
            "srl",
            "spa",
            "bv",
            "nv",
            "oy",
            "ab",
            "as",
            "aps",
            "pty",
            "kk",
            "kft",
            "zoo",
            "sro",
            "group",
            "holding",
            "holdings",
            "gruppe",
            "werke",
            "international",
            "industries",
            "enterprises",
            "solutions",
            "systems",
            "technologies",
            "services",
            "consulting",
            "partners",
            "associates",
            "foundation",
            "stiftung",
            "verein",
            "university",
            "universität",
            "hospital",
            "bank",
            "trust",
            "agency",
            "studio",
            "labs",
            "ltda",
            "cia",
            "société",
            "societe",
            "sons",
            "söhne",
            "soehne",
            "fils",
            "hermanos");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");
    private static final Set<String> JOINERS = Set.of("&", "+", "und", "and", "et", "y");
    private static final Pattern CJK_FORMS = Pattern.compile(".*(株式会社|有限会社|合同会社|有限公司|股份|公司|주식회사|\\(주\\)|㈜).*");

    private OrganisationNames() {}

    public static boolean looksLikeOrganisation(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        if (CJK_FORMS.matcher(name).matches()) {
            return true;
        }
        String[] words = SEPARATORS.split(name.strip().toLowerCase(Locale.ROOT));
        if (words.length < 2) {
            return false;
        }
        for (String word : words) {
            String bare = word.replace(".", "").replace("/", "");
            if (WORDS.contains(bare) || JOINERS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
