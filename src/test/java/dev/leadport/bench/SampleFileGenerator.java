package dev.leadport.bench;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.leadport.imports.mapping.CustomFieldSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes realistic lead files for demos, tests and benchmarks: international names, phones in many formats, other
 * CRMs' status words, notes with commas, quotes and line breaks, and a chosen share of each kind of defect. The same
 * seed gives the same file. Streams, so a million rows take seconds and little memory.
 *
 * <p>Usage: {@code --rows 1000000 --out leads.csv [--defects 0.05] [--defect BAD_EMAIL=0.01] [--seed 42]
 * [--format csv|xlsx]}
 */
public final class SampleFileGenerator {

    /** The kinds of broken row a generated file can contain, one per defective row. */
    public enum Defect {
        BAD_EMAIL,
        BAD_PHONE,
        MISSING_CONTACT,
        DUPLICATE_EMAIL,
        BAD_STATUS,
        BAD_DATE,
        RAGGED_ROW,
        OVERLONG_FIELD
    }

    /** The file formats written. */
    public enum Format {
        CSV,
        XLSX
    }

    /** What to write: row count, share of rows with each defect (0..1), seed and format. */
    public record Settings(long rows, Map<Defect, Double> defectShares, long seed, Format format) {
        public Settings {
            defectShares = Map.copyOf(defectShares);
            double total = defectShares.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            if (rows < 0 || total > 1 || defectShares.values().stream().anyMatch(s -> s < 0)) {
                throw new IllegalArgumentException("rows must be >= 0 and defect shares add up to at most 1");
            }
        }

        /** A clean file of {@code rows} rows. */
        public static Settings clean(long rows, long seed) {
            return new Settings(rows, Map.of(), seed, Format.CSV);
        }

        /** {@code share} of the rows defective, spread evenly over all defect kinds. */
        public static Settings withDefects(long rows, double share, long seed) {
            Map<Defect, Double> shares = new EnumMap<>(Defect.class);
            Arrays.stream(Defect.values()).forEach(d -> shares.put(d, share / Defect.values().length));
            return new Settings(rows, shares, seed, Format.CSV);
        }

        public Settings inFormat(Format newFormat) {
            return new Settings(rows, defectShares, seed, newFormat);
        }
    }

    /** What was written: data rows and how many rows carry each defect. */
    public record Summary(long rows, Map<Defect, Long> defects) {
        public Summary {
            defects = Map.copyOf(defects);
        }
    }

    static final List<String> HEADERS = List.of(
            "First Name",
            "Last Name",
            "Email",
            "Phone",
            "Company",
            "Title",
            "Lead Status",
            "Lead Source",
            "Lead Owner",
            "Notes",
            "Next Follow-up");

    /** The custom field the "Next Follow-up" column maps to. */
    static final CustomFieldSpec FOLLOW_UP =
            CustomFieldSpec.of("nextFollowUp", "Next Follow-up", CustomFieldSpec.Type.DATE);

    private static final int EXCEL_MAX_ROWS = 1_048_576;
    private static final int RECENT_EMAILS = 1_000;

    private final Settings settings;
    private final SplittableRandom random;
    private final String[] recentEmails = new String[RECENT_EMAILS];
    private long cleanRows;
    private final Map<Defect, Long> counts = new EnumMap<>(Defect.class);

    private SampleFileGenerator(Settings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    /** Writes a file as {@code settings} describe and tells what it contains. */
    public static Summary generate(Path out, Settings settings) throws IOException {
        SampleFileGenerator generator = new SampleFileGenerator(settings);
        if (settings.format() == Format.XLSX) {
            generator.writeXlsx(out);
        } else {
            generator.writeCsv(out);
        }
        return new Summary(settings.rows(), generator.counts);
    }

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> options = Arguments.parse(args);
        Path out = Path.of(Arguments.single(options, "out", "leads.csv"));
        long rows = Long.parseLong(Arguments.single(options, "rows", "1000"));
        long seed = Long.parseLong(Arguments.single(options, "seed", "42"));
        Format format =
                Format.valueOf(Arguments.single(options, "format", "csv").toUpperCase(Locale.ROOT));
        Settings settings =
                Settings.withDefects(rows, Double.parseDouble(Arguments.single(options, "defects", "0")), seed);
        Map<Defect, Double> shares = new EnumMap<>(Defect.class);
        shares.putAll(settings.defectShares());
        for (String defect : options.getOrDefault("defect", List.of())) {
            String[] kindAndShare = defect.split("=", 2);
            shares.put(Defect.valueOf(kindAndShare[0].toUpperCase(Locale.ROOT)), Double.parseDouble(kindAndShare[1]));
        }
        long started = System.nanoTime();
        Summary summary = generate(out, new Settings(rows, shares, seed, format));
        System.out.printf(
                "Wrote %d rows to %s in %d ms; defects: %s%n",
                summary.rows(), out, (System.nanoTime() - started) / 1_000_000, summary.defects());
    }

    private void writeCsv(Path out) throws IOException {
        try (CsvWriter csv = CsvWriter.builder().bufferSize(64 * 1024).build(out)) {
            csv.writeRecord(HEADERS);
            for (long row = 0; row < settings.rows(); row++) {
                csv.writeRecord(nextRow(row));
            }
        }
    }

    private void writeXlsx(Path out) throws IOException {
        if (settings.rows() >= EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException("a sheet holds at most " + (EXCEL_MAX_ROWS - 1) + " data rows");
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            Workbook workbook = new Workbook(stream, "Leadport", "1.0");
            Worksheet sheet = workbook.newWorksheet("Leads");
            writeCells(sheet, 0, HEADERS);
            for (int row = 1; row <= settings.rows(); row++) {
                writeCells(sheet, row, nextRow(row - 1));
                if (row % 10_000 == 0) {
                    sheet.flush(); // keeps memory flat: written rows leave the heap
                }
            }
            workbook.finish();
        }
    }

    private static void writeCells(Worksheet sheet, int row, List<String> values) {
        for (int column = 0; column < values.size(); column++) {
            sheet.value(row, column, values.get(column));
        }
    }

    private List<String> nextRow(long index) {
        SampleLeads.Name first = SampleLeads.pick(SampleLeads.FIRST_NAMES, random);
        SampleLeads.Name last = SampleLeads.pick(SampleLeads.LAST_NAMES, random);
        String email =
                first.ascii() + "." + last.ascii() + "." + index + "@" + SampleLeads.pick(SampleLeads.DOMAINS, random);
        List<String> row = new ArrayList<>(Arrays.asList(
                first.shown(),
                last.shown(),
                random.nextInt(10) == 0 ? email.toUpperCase(Locale.ROOT) : email,
                random.nextInt(5) == 0 ? "" : SampleLeads.phone(random),
                SampleLeads.pick(SampleLeads.COMPANIES, random),
                SampleLeads.pick(SampleLeads.TITLES, random),
                SampleLeads.pick(SampleLeads.STATUSES, random),
                SampleLeads.pick(SampleLeads.SOURCES, random),
                SampleLeads.pick(SampleLeads.OWNERS, random),
                SampleLeads.pick(SampleLeads.NOTES, random),
                SampleLeads.followUp(random)));
        Defect defect = nextDefect();
        if (defect == Defect.DUPLICATE_EMAIL && cleanRows == 0) {
            defect = null; // nothing to duplicate yet
        }
        if (defect == null) {
            rememberEmail(row.get(2));
        } else {
            counts.merge(defect, 1L, Long::sum);
            spoil(row, defect);
        }
        return row;
    }

    private Defect nextDefect() {
        double draw = random.nextDouble();
        double cumulative = 0;
        for (Defect defect : Defect.values()) {
            cumulative += settings.defectShares().getOrDefault(defect, 0.0);
            if (draw < cumulative) {
                return defect;
            }
        }
        return null;
    }

    private void spoil(List<String> row, Defect defect) {
        switch (defect) {
            case BAD_EMAIL -> row.set(2, SampleLeads.pick(SampleLeads.BAD_EMAILS, random));
            case BAD_PHONE -> row.set(3, SampleLeads.pick(SampleLeads.BAD_PHONES, random));
            case MISSING_CONTACT -> {
                row.set(2, "");
                row.set(3, "");
            }
            case DUPLICATE_EMAIL -> row.set(2, duplicateEmail());
            case BAD_STATUS -> row.set(6, SampleLeads.pick(SampleLeads.BAD_STATUSES, random));
            case BAD_DATE -> row.set(10, SampleLeads.pick(SampleLeads.BAD_DATES, random));
            case RAGGED_ROW -> {
                if (random.nextBoolean()) {
                    row.remove(row.size() - 1);
                } else {
                    row.add("unexpected extra value");
                }
            }
            case OVERLONG_FIELD -> row.set(9, "Very long note. ".repeat(626));
        }
    }

    /** An earlier clean row's email in other letter case, as happens when two exports are concatenated. */
    private String duplicateEmail() {
        String earlier = recentEmails[random.nextInt((int) Math.min(cleanRows, RECENT_EMAILS))];
        return random.nextBoolean() ? earlier.toLowerCase(Locale.ROOT) : earlier.toUpperCase(Locale.ROOT);
    }

    private void rememberEmail(String email) {
        recentEmails[(int) (cleanRows % RECENT_EMAILS)] = email;
        cleanRows++;
    }

    /** The custom fields a generated file's extra columns map to. */
    static List<CustomFieldSpec> customFields() {
        return Collections.singletonList(FOLLOW_UP);
    }
}
