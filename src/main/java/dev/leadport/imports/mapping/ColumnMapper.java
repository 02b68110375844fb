package dev.leadport.imports.mapping;

import dev.leadport.leads.LeadField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Suggests a target for each column of a file from its header and its first values. The header gives a score: 1.0
 * for the field's own key or label, 0.9 for a synonym another tool writes, less for a header that contains a synonym
 * or is a near miss (a typo). The values then correct it: a column of addresses is an email column whatever its
 * header, a phone header over values that are no numbers is not a phone column, a fixed-value target (status, owner,
 * a choice field) is suggested only when most values fit it, an identifier column ("AccountId", "organization_id")
 * never feeds a text field, and a name column of organisations feeds the company. Email and phone take every column
 * that fits, in column order (the first valid value of a row wins); any other target goes to one column, a filled one
 * before an empty one, then the best match. The rest are ignored and left for the user to decide.
 */
public final class ColumnMapper {

    static final double EXACT = 1.0;
    static final double SYNONYM = 0.9;
    static final double MINIMUM = 0.6;
    /** Score of a column recognised by its values alone. */
    static final double BY_CONTENT = 0.8;

    /** Share of a column's filled values that must fit for its content to decide. */
    private static final double FITS = 0.5;

    private static final double MOSTLY = 0.8;
    /** Fewer filled values than this do not outvote a header. */
    private static final int EVIDENCE = 3;

    /** Words that make a header about something else: "Email Opt Out" is not an email, "Phone Type" not a phone. */
    private static final Set<String> QUALIFIERS = Set.of(
            "opt",
            "out",
            "optout",
            "unsubscribed",
            "bounced",
            "bounce",
            "verified",
            "date",
            "time",
            "count",
            "id",
            "type",
            "label",
            "department",
            "yomi",
            "phonetic",
            "created",
            "modified",
            "updated");

    /** Words of an identifier column: "Id", "AccountId", "organization_id", "Record ID", "UUID". */
    private static final Set<String> IDENTIFIER_WORDS = Set.of("id", "ids", "uuid", "guid", "index");

    /** Numbers a person does not call: a column of them is not a phone column, whatever its values. */
    private static final Set<String> NOT_PHONES = Set.of("fax", "pager", "telex", "telefax");

    /** Single words that name their field wherever they appear in a header ("Company Phone" has a phone). */
    private static final Set<String> TELLING_WORDS = Set.of(
            "email",
            "phone",
            "mobile",
            "telephone",
            "company",
            "organization",
            "organisation",
            "surname",
            "owner",
            "notes",
            "status",
            "source",
            "telefon",
            "firma",
            "courriel",
            "telefono",
            "empresa",
            "societe");

    private static final ColumnTarget EMAIL = ColumnTarget.field(LeadField.EMAIL);
    private static final ColumnTarget PHONE = ColumnTarget.field(LeadField.PHONE);
    private static final ColumnTarget COMPANY = ColumnTarget.field(LeadField.COMPANY);
    private static final ColumnTarget EXTERNAL_ID = ColumnTarget.field(LeadField.EXTERNAL_ID);
    private static final ColumnTarget LEADPORT_ID = ColumnTarget.field(LeadField.ID);
    /**
     * Headers only Leadport's own export writes (its labels and keys, exactly as written): a file with two of them is
     * one of its exports, whose "ID" column is Leadport's id rather than another system's.
     */
    private static final Set<String> OWN_EXPORT_HEADERS = Set.of(
            "First name",
            "Last name",
            "Job title",
            "Created at",
            "Updated at",
            "External ID",
            "firstName",
            "lastName",
            "jobTitle",
            "createdAt",
            "updatedAt",
            "externalId");

    private static final Set<ColumnTarget> SEVERAL_COLUMNS = Set.of(EMAIL, PHONE);
    /** Fields that hold names, which a column of identifiers never fills. */
    private static final Set<ColumnTarget> NAMES = Set.of(
            COMPANY,
            ColumnTarget.field(LeadField.FIRST_NAME),
            ColumnTarget.field(LeadField.LAST_NAME),
            ColumnTarget.field(LeadField.JOB_TITLE));

    private final Map<ColumnTarget, Names> targets = new LinkedHashMap<>();
    private final ValueFit fit;
    private final String phoneRegion;

    /** A mapper for the standard lead fields and the given custom fields that goes by headers alone. */
    public ColumnMapper(List<CustomFieldSpec> customFields) {
        this(customFields, ValueFit.ANY, "US");
    }

    /** A mapper that also reads the values, knowing which targets take which values and the phone region. */
    public ColumnMapper(List<CustomFieldSpec> customFields, ValueFit fit, String phoneRegion) {
        HeaderSynonyms.standard().forEach((target, synonyms) -> targets.put(target, new Names(own(target), synonyms)));
        // A custom field called country keeps the country column (its row's phone region is read from it too).
        if (customFields.stream()
                .anyMatch(f -> HeaderNames.compact(f.key()).equals("country")
                        || HeaderNames.compact(f.label()).equals("country"))) {
            targets.remove(ColumnTarget.COUNTRY);
        }
        for (CustomFieldSpec field : customFields) {
            targets.putIfAbsent(
                    ColumnTarget.custom(field.key()), new Names(List.of(field.key(), field.label()), List.of()));
        }
        this.fit = fit;
        this.phoneRegion = phoneRegion;
    }

    /** Suggests a mapping for a file's headers alone. */
    public ColumnMapping suggest(List<String> headers) {
        return suggest(headers, List.of());
    }

    /** Suggests a mapping for a file's headers and its first rows (each row's fields in column order). */
    public ColumnMapping suggest(List<String> headers, List<List<String>> firstRows) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            List<String> values = column(firstRows, i);
            ColumnProfile profile = ColumnProfile.of(values, phoneRegion);
            String header = headers.get(i);
            List<String> words = List.of(HeaderNames.words(header).split(" "));
            boolean identifier = words.stream().anyMatch(IDENTIFIER_WORDS::contains);
            boolean matched = false;
            int order = 0;
            for (Map.Entry<ColumnTarget, Names> target : targets.entrySet()) {
                double score = target.getValue().score(header);
                if (score >= MINIMUM) {
                    matched = true;
                    if (keeps(target.getKey(), score, profile, values, identifier, words)) {
                        candidates.add(
                                new Candidate(i, retarget(target.getKey(), profile), score, order, profile.isFilled()));
                    }
                }
                order++;
            }
            if (!matched) {
                byContent(i, profile, words).ifPresent(candidates::add);
            }
        }
        candidates.sort(Comparator.comparing(Candidate::filled)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())
                .thenComparingInt(Candidate::column)
                .thenComparingInt(Candidate::order));
        return leadportIds(headers, assign(headers, candidates));
    }

    /** In Leadport's own export the column "ID" (or "id") is Leadport's id: an import by id matches on it. */
    private static ColumnMapping leadportIds(List<String> headers, ColumnMapping mapping) {
        long own = headers.stream().filter(OWN_EXPORT_HEADERS::contains).count();
        if (own < 2) {
            return mapping;
        }
        ColumnMapping result = mapping;
        for (ColumnMapping.Column column : mapping.columns()) {
            // Its "External ID" column keeps that name even when empty, where a filled "ID" would have taken it.
            if (column.header().equals("External ID") || column.header().equals("externalId")) {
                result = result.with(column.index(), EXTERNAL_ID);
            }
        }
        for (ColumnMapping.Column column : mapping.columns()) {
            if (HeaderNames.compact(column.header()).equals("id")) {
                result = result.with(column.index(), LEADPORT_ID);
            }
        }
        return result;
    }

    /** Whether the values (when there are enough of them) let the header's target stand. */
    private boolean keeps(
            ColumnTarget target,
            double score,
            ColumnProfile profile,
            List<String> values,
            boolean identifier,
            List<String> words) {
        boolean contact = target.equals(EMAIL) || target.equals(PHONE);
        if (target.equals(EXTERNAL_ID)) {
            return true;
        }
        if (identifier && (!contact || profile.isFilled() && contactShare(target, profile) < MOSTLY)) {
            // "AccountId" is no company and "OwnerId" no owner; "Email ID" is an email when its values are.
            return false;
        }
        if (target.equals(PHONE) && words.stream().anyMatch(NOT_PHONES::contains)) {
            return false;
        }
        if (!profile.isFilled()) {
            return true;
        }
        if (fit.constrains(target) && score < SYNONYM) {
            // A header that is the field's own name ("Status", "Owner") or another CRM's name for it ("Lead Status",
            // "Contact owner") is taken at its word: the value review maps its words and names onto Leadport's (an
            // unknown one is left empty or given to the importer, with a warning). Only a header that merely looks
            // like one ("State", "Housing_Status__c") must have values that fit.
            long filled = values.stream().filter(v -> !v.isBlank()).count();
            long fitting = values.stream()
                    .filter(v -> !v.isBlank())
                    .filter(v -> fit.fits(target, v.strip()))
                    .count();
            return fitting >= FITS * filled;
        }
        if (contact) {
            return profile.filled() < EVIDENCE || contactShare(target, profile) >= FITS;
        }
        boolean names = target.kind() == ColumnTarget.Kind.FULL_NAME || NAMES.contains(target);
        return !(names && profile.filled() >= EVIDENCE && profile.identifiers() >= MOSTLY);
    }

    private static double contactShare(ColumnTarget target, ColumnProfile profile) {
        return target.equals(EMAIL) ? profile.emails() : Math.max(profile.validPhones(), profile.phoneLike());
    }

    /** A name column of organisations feeds the company instead of being split into first and last names. */
    private static ColumnTarget retarget(ColumnTarget target, ColumnProfile profile) {
        boolean names = target.kind() == ColumnTarget.Kind.FULL_NAME;
        return names && profile.filled() >= EVIDENCE && profile.organisations() >= MOSTLY ? COMPANY : target;
    }

    /** A column whose header says nothing, recognised by its values: addresses, or valid phone numbers. */
    private static java.util.Optional<Candidate> byContent(int column, ColumnProfile profile, List<String> words) {
        if (profile.filled() < 1) {
            return java.util.Optional.empty();
        }
        if (profile.emails() >= MOSTLY) {
            return java.util.Optional.of(new Candidate(column, EMAIL, BY_CONTENT, 0, true));
        }
        boolean callable = words.stream().noneMatch(NOT_PHONES::contains);
        if (callable && profile.validPhones() >= MOSTLY) {
            return java.util.Optional.of(new Candidate(column, PHONE, BY_CONTENT, 0, true));
        }
        return java.util.Optional.empty();
    }

    private static List<String> column(List<List<String>> rows, int index) {
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            values.add(index < row.size() ? row.get(index) : "");
        }
        return values;
    }

    /**
     * Hands out targets best candidate first: a column gets one target; email and phone go to every column that
     * fits, any other target to one column only.
     */
    private static ColumnMapping assign(List<String> headers, List<Candidate> candidates) {
        ColumnMapping.Column[] columns = new ColumnMapping.Column[headers.size()];
        Set<ColumnTarget> taken = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (columns[candidate.column()] != null) {
                continue;
            }
            if (taken.add(candidate.target()) || SEVERAL_COLUMNS.contains(candidate.target())) {
                columns[candidate.column()] = new ColumnMapping.Column(
                        candidate.column(), headers.get(candidate.column()), candidate.target(), candidate.score());
            }
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == null) {
                columns[i] = new ColumnMapping.Column(i, headers.get(i), ColumnTarget.IGNORE, 0);
            }
        }
        return new ColumnMapping(Arrays.asList(columns));
    }

    private static List<String> own(ColumnTarget target) {
        if (target.kind() == ColumnTarget.Kind.FIELD) {
            LeadField field = LeadField.byKey(target.key()).orElseThrow();
            return List.of(field.key(), field.label());
        }
        return List.of(target.key());
    }

    private record Candidate(int column, ColumnTarget target, double score, int order, boolean filled) {}

    /** A target's own names and synonyms, pre-normalised. */
    private static final class Names {
        private final Set<String> own = new HashSet<>();
        private final Set<String> synonyms = new HashSet<>();
        private final List<List<String>> synonymWords = new ArrayList<>();

        Names(List<String> ownNames, List<String> synonymNames) {
            ownNames.forEach(n -> own.add(HeaderNames.compact(n)));
            for (String name : synonymNames) {
                synonyms.add(HeaderNames.compact(name));
                synonymWords.add(List.of(HeaderNames.words(name).split(" ")));
            }
            ownNames.forEach(n -> synonymWords.add(List.of(HeaderNames.words(n).split(" "))));
        }

        double score(String header) {
            String compact = HeaderNames.compact(header);
            if (compact.isEmpty()) {
                return 0;
            }
            if (own.contains(compact)) {
                return EXACT;
            }
            if (synonyms.contains(compact)) {
                return SYNONYM;
            }
            List<String> words = List.of(HeaderNames.words(header).split(" "));
            return Math.max(containment(words), nearMiss(compact));
        }

        /** "Primary Email Address" contains "email address": the more of the header it covers, the surer. */
        private double containment(List<String> words) {
            if (words.stream().anyMatch(QUALIFIERS::contains)) {
                return 0;
            }
            double best = 0;
            for (List<String> synonym : synonymWords) {
                boolean generic = synonym.size() == 1 && !TELLING_WORDS.contains(synonym.get(0));
                if (!generic && words.containsAll(synonym)) {
                    best = Math.max(best, 0.5 + 0.35 * synonym.size() / words.size());
                }
            }
            return best;
        }

        /** "Emial" or "Compnay": a typo of a name, scored by edit distance counting a swap as one edit. */
        private double nearMiss(String compact) {
            if (compact.length() < 5) {
                return 0;
            }
            double best = 0;
            for (Set<String> names : List.of(own, synonyms)) {
                for (String name : names) {
                    double similarity =
                            1.0 - (double) EditDistance.of(compact, name) / Math.max(compact.length(), name.length());
                    if (similarity >= 0.75) {
                        best = Math.max(best, 0.85 * similarity);
                    }
                }
            }
            return best;
        }
    }
}
