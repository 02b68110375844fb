package dev.leadport.bench;

import java.util.List;
import java.util.SplittableRandom;

/** Realistic values for generated lead files: names from many countries, phones in the formats people type. */
final class SampleLeads {

    /** A name as shown and the ASCII form used in its email address. */
    record Name(String shown, String ascii) {}

    static final List<Name> FIRST_NAMES = List.of(
            new Name("Ann", "ann"),
            new Name("Bob", "bob"),
            new Name("José", "jose"),
            new Name("Zoë", "zoe"),
            new Name("Łukasz", "lukasz"),
            new Name("Søren", "soren"),
            new Name("Priya", "priya"),
            new Name("Mei", "mei"),
            new Name("Olumide", "olumide"),
            new Name("François", "francois"),
            new Name("Ana-María", "anamaria"),
            new Name("Jürgen", "juergen"),
            new Name("Siobhán", "siobhan"),
            new Name("Kenji", "kenji"),
            new Name("Emily", "emily"),
            new Name("Michael", "michael"),
            new Name("Fatima", "fatima"),
            new Name("Chloé", "chloe"),
            new Name("Ravi", "ravi"),
            new Name("Ava", "ava"));
    static final List<Name> LAST_NAMES = List.of(
            new Name("Smith", "smith"),
            new Name("Müller", "mueller"),
            new Name("O'Brien", "obrien"),
            new Name("García", "garcia"),
            new Name("Nguyễn", "nguyen"),
            new Name("Kowalski", "kowalski"),
            new Name("van der Berg", "vanderberg"),
            new Name("Østergaard", "ostergaard"),
            new Name("李", "li"),
            new Name("Patel", "patel"),
            new Name("Johnson", "johnson"),
            new Name("Dubois", "dubois"),
            new Name("Rossi", "rossi"),
            new Name("Tanaka", "tanaka"),
            new Name("Adeyemi", "adeyemi"),
            new Name("Brown", "brown"),
            new Name("Fernández", "fernandez"),
            new Name("Schmidt", "schmidt"));
    static final List<String> COMPANIES = List.of(
            "Acme Corp",
            "Globex, Inc.",
            "Initech",
            "Umbrella GmbH",
            "Stark Industries",
            "Wayne Enterprises",
            "Hooli",
            "Vandelay Industries",
            "Soylent & Co",
            "Massive Dynamic",
            "Cyberdyne Systems",
            "Nakatomi Trading",
            "Aperture Science",
            "Tyrell Corp.",
            "Wonka Industries",
            "Pied Piper",
            "Dunder Mifflin",
            "Bluth Company");
    static final List<String> DOMAINS = List.of(
            "example.com", "acme.io", "globex.net", "mail.example.org", "initech.co.uk", "hooli.xyz", "firma.de");
    static final List<String> TITLES = List.of(
            "CEO",
            "CTO",
            "Head of Sales",
            "Marketing Manager",
            "VP, Engineering",
            "Procurement Lead",
            "Office Manager",
            "Founder",
            "Sales Director",
            "Operations Analyst",
            "Chief \"Everything\" Officer");
    static final List<String> STATUSES = List.of(
            "New",
            "Open - Not Contacted",
            "Working - Contacted",
            "Attempted to contact",
            "In progress",
            "Connected",
            "Open deal",
            "Qualified",
            "Closed - Converted",
            "Customer",
            "Closed - Not Converted",
            "Unqualified",
            "Bad timing",
            "LOST",
            "",
            "Junk Lead",
            "Pre-Qualified",
            "won");
    static final List<String> SOURCES = List.of(
            "Web form", "Trade show", "Referral", "LinkedIn", "Cold call", "Google Ads", "Partner", "Webinar", "");
    static final List<String> OWNERS = List.of("alice", "bob.sales@leadport.dev", "carol", "dave", "");
    static final List<String> NOTES = List.of(
            "",
            "Met at \"SaaStr\", wants a demo",
            "Call back next week,\nafter the budget review",
            "Prefers email; not phone",
            "Interested in the Pro plan | asked about SSO",
            "Said: \"send the pricing, then we'll talk\"",
            "Met at the café in Zürich ☕",
            "Multi-line note:\n- budget approved\n- decision in Q3");

    static final List<String> BAD_EMAILS =
            List.of("john.smith@", "john smith@example.com", "jane@example", "@example.com", "a@@b.com");
    static final List<String> BAD_PHONES = List.of("12345", "555-CALL", "(415) 555", "n/a", "+1 000");
    static final List<String> BAD_STATUSES = List.of("Maybe later?", "TBD", "Pending review", "???");
    static final List<String> BAD_DATES = List.of("31/02/2025", "next tuesday", "2025-13-01", "soon");

    private static final int[] US_AREA_CODES = {212, 415, 646, 312, 617, 206, 512, 303, 404, 305, 718, 213};

    private SampleLeads() {}

    static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    /** A valid US number in one of the formats people type, or now and then a valid German or UK number. */
    static String phone(SplittableRandom random) {
        int area = US_AREA_CODES[random.nextInt(US_AREA_CODES.length)];
        int exchange = 200 + random.nextInt(700);
        if (exchange % 100 == 11 || exchange == 555) {
            exchange++;
        }
        int line = random.nextInt(10_000);
        return switch (random.nextInt(7)) {
            case 0 -> String.format("(%d) %d-%04d", area, exchange, line);
            case 1 -> String.format("%d-%d-%04d", area, exchange, line);
            case 2 -> String.format("+1 %d %d %04d", area, exchange, line);
            case 3 -> String.format("%d.%d.%04d", area, exchange, line);
            case 4 -> String.format("%d%d%04d", area, exchange, line);
            case 5 -> String.format("+49 30 %07d", 2_000_000 + random.nextInt(7_000_000));
            default -> String.format("+44 20 7%03d %04d", random.nextInt(1000), random.nextInt(10_000));
        };
    }

    /** A follow-up date, ISO or US month-first (days above 12 show the order). */
    static String followUp(SplittableRandom random) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        return switch (random.nextInt(3)) {
            case 0 -> String.format("2025-%02d-%02d", month, day);
            case 1 -> String.format("%d/%d/2025", month, day);
            default -> "";
        };
    }
}
