package dev.leadport.corpus;

import java.util.List;
import java.util.SplittableRandom;

/** Made-up people, companies and phone numbers for the generated corpus files, the same for the same seed. */
final class Fake {

    /** A person: names as shown and the ASCII form used in their email address. */
    record Person(String first, String last, String asciiFirst, String asciiLast) {
        String full() {
            return first + " " + last;
        }
    }

    private static final String[][] FIRST = {
        {"Victor", "victor"},
        {"Maureen", "maureen"},
        {"Ralph", "ralph"},
        {"Terri", "terri"},
        {"Ann", "ann"},
        {"José", "jose"},
        {"Zoë", "zoe"},
        {"Łukasz", "lukasz"},
        {"Søren", "soren"},
        {"Priya", "priya"},
        {"Olumide", "olumide"},
        {"François", "francois"},
        {"Jürgen", "juergen"},
        {"Siobhán", "siobhan"},
        {"Emily", "emily"},
        {"Michael", "michael"},
        {"Fatima", "fatima"},
        {"Chloé", "chloe"},
        {"Ravi", "ravi"},
        {"Dana", "dana"},
        {"Kristine", "kristine"},
        {"Marcus", "marcus"},
        {"Leslie", "leslie"},
        {"Ivan", "ivan"}
    };
    private static final String[][] LAST = {
        {"Cochran", "cochran"}, {"Fuentes", "fuentes"}, {"Murillo", "murillo"}, {"Perry", "perry"},
        {"Müller", "mueller"}, {"O'Brien", "obrien"}, {"García", "garcia"}, {"Kowalski", "kowalski"},
        {"van der Berg", "vanderberg"}, {"Østergaard", "ostergaard"}, {"Patel", "patel"}, {"Dubois", "dubois"},
        {"Rossi", "rossi"}, {"Adeyemi", "adeyemi"}, {"Brown", "brown"}, {"Fernández", "fernandez"},
        {"Schmidt", "schmidt"}, {"Blackwell", "blackwell"}, {"Norton", "norton"}, {"Heath", "heath"}
    };
    static final List<String> COMPANIES = List.of(
            "Grimes, Madden and Huff",
            "Crosby Inc",
            "Velasquez-Hardin",
            "Barrett Ltd",
            "Maddox Group",
            "Steiner Mechanik AG",
            "Acme Inc.",
            "Reynolds-Clay",
            "Bailey & Brock LLC",
            "Müller & Söhne GmbH",
            "Initech",
            "Dupont et Fils SARL",
            "Hooli",
            "Nakatomi Trading Co.",
            "Pied Piper");
    static final List<String> TITLES = List.of(
            "CEO",
            "Head of Sales",
            "Marketing Manager",
            "VP, Engineering",
            "Office Manager",
            "Founder",
            "Procurement Lead",
            "Sales Director");
    static final List<String> DOMAINS =
            List.of("example.com", "example.org", "mail.example.net", "acme.example", "firma.example.de");
    static final List<String> US_STATES = List.of("MI", "CA", "NY", "TX", "WA", "IL", "MA", "GA", "FL", "CO");
    private static final int[] US_AREA_CODES = {212, 415, 646, 312, 617, 206, 512, 303, 404, 305, 718, 213};

    private final SplittableRandom random;

    Fake(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double share) {
        return random.nextDouble() < share;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    Person person() {
        String[] first = FIRST[random.nextInt(FIRST.length)];
        String[] last = LAST[random.nextInt(LAST.length)];
        return new Person(first[0], last[0], first[1], last[1]);
    }

    /** An address unique within a file thanks to the row number. */
    String email(Person person, int row) {
        return person.asciiFirst() + "." + person.asciiLast() + row + "@" + pick(DOMAINS);
    }

    String company() {
        return pick(COMPANIES);
    }

    /** A US number valid in the numbering plan, in one of the ways people type it. */
    String validUsPhone() {
        int area = US_AREA_CODES[random.nextInt(US_AREA_CODES.length)];
        int exchange = 200 + random.nextInt(700);
        if (exchange % 100 == 11 || exchange == 555) {
            exchange++;
        }
        int line = random.nextInt(10_000);
        return switch (random.nextInt(5)) {
            case 0 -> String.format("(%d) %d-%04d", area, exchange, line);
            case 1 -> String.format("%d-%d-%04d", area, exchange, line);
            case 2 -> String.format("+1 %d %d %04d", area, exchange, line);
            case 3 -> String.format("%d.%d.%04d", area, exchange, line);
            default -> String.format("%d%d%04d", area, exchange, line);
        };
    }

    /**
     * What Python's Faker writes for an en_US phone: any area code (many outside the numbering plan), dots, an
     * extension, a 001- prefix for dialling from abroad.
     */
    String fakerPhone() {
        int area = 200 + random.nextInt(800);
        int exchange = 200 + random.nextInt(800);
        int line = random.nextInt(10_000);
        String extension = random.nextInt(3) == 0 ? "x" + (1 + random.nextInt(99_999)) : "";
        return switch (random.nextInt(6)) {
            case 0 -> String.format("+1-%d-%d-%04d%s", area, exchange, line, extension);
            case 1 -> String.format("001-%d-%d-%04d%s", area, exchange, line, extension);
            case 2 -> String.format("%d.%d.%04d%s", area, exchange, line, extension);
            case 3 -> String.format("(%d)%d-%04d%s", area, exchange, line, extension);
            case 4 -> String.format("%d-%d-%04d%s", area, exchange, line, extension);
            default -> String.format("%d%d%04d", area, exchange, line);
        };
    }

    String id(String prefix, int length) {
        String alphabet = "0123456789abcdefABCDEF";
        StringBuilder id = new StringBuilder(prefix);
        while (id.length() < prefix.length() + length) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    String date() {
        return String.format("2025-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
    }
}
