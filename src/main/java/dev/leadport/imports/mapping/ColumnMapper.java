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
 * Suggests a target for each column of a file from its header: 1.0 for the field's own key or label, 0.9 for a
 * synonym another tool writes, less for a header that contains a synonym or is a near miss (a typo). Each target
 * goes to the column that matches it best; the rest are ignored and left for the user to decide.
 */
public final class ColumnMapper {

    static final double EXACT = 1.0;
    static final double SYNONYM = 0.9;
    static final double MINIMUM = 0.6;

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
            "created",
            "modified",
            "updated");

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
            "source");

    private final Map<ColumnTarget, Names> targets = new LinkedHashMap<>();

    /** A mapper for the standard lead fields and the given custom fields. */
    public ColumnMapper(List<CustomFieldSpec> customFields) {
        HeaderSynonyms.standard().forEach((target, synonyms) -> targets.put(target, new Names(own(target), synonyms)));
        for (CustomFieldSpec field : customFields) {
            targets.putIfAbsent(
                    ColumnTarget.custom(field.key()), new Names(List.of(field.key(), field.label()), List.of()));
        }
    }

    /** Suggests a mapping for a file's headers. */
    public ColumnMapping suggest(List<String> headers) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            int order = 0;
            for (Map.Entry<ColumnTarget, Names> target : targets.entrySet()) {
                double score = target.getValue().score(headers.get(i));
                if (score >= MINIMUM) {
                    candidates.add(new Candidate(i, target.getKey(), score, order));
                }
                order++;
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score)
                .reversed()
                .thenComparingInt(Candidate::column)
                .thenComparingInt(Candidate::order));
        return assign(headers, candidates);
    }

    /** Hands out targets best match first, so a target goes to one column only and a column gets one target. */
    private static ColumnMapping assign(List<String> headers, List<Candidate> candidates) {
        ColumnMapping.Column[] columns = new ColumnMapping.Column[headers.size()];
        Set<ColumnTarget> taken = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (columns[candidate.column()] == null && taken.add(candidate.target())) {
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

    private record Candidate(int column, ColumnTarget target, double score, int order) {}

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
