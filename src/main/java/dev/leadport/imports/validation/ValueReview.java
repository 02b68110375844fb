package dev.leadport.imports.validation;

import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.mapping.EditDistance;
import dev.leadport.imports.mapping.HeaderNames;
import dev.leadport.leads.CustomFieldType;
import dev.leadport.leads.CustomFieldValues;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadStatus;
import dev.leadport.users.UserAccount;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says what each value of a fixed-value column becomes: the user's own mapping, a value that is already valid, a
 * built-in synonym of another CRM's word, a suggestion with its confidence, or unknown (left empty; an unknown owner
 * falls back to the importer).
 */
public final class ValueReview {

    static final String MAPPED = "mapped";
    static final String VALID = "valid";
    static final String SYNONYM = "synonym";
    static final String SUGGESTED = "suggested";
    static final String UNKNOWN = "unknown";

    private static final double SUGGESTION_SIMILARITY = 0.75;

    /** The value a cell becomes ({@code ""}: left empty), how that was decided and how sure it is. */
    public record Becomes(String value, String how, double confidence) {}

    private final ValueMaps maps;
    private final OwnerResolver owners;
    private final List<CustomFieldSpec> customFields;

    public ValueReview(ValueMaps maps, OwnerResolver owners, List<CustomFieldSpec> customFields) {
        this.maps = maps;
        this.owners = owners;
        this.customFields = List.copyOf(customFields);
    }

    /** Whether a column of this target has a fixed set of values worth reviewing one by one. */
    public static boolean reviewed(ColumnTarget target, List<CustomFieldSpec> customFields) {
        if (target.equals(ColumnTarget.field(LeadField.STATUS)) || target.equals(ColumnTarget.field(LeadField.OWNER))) {
            return true;
        }
        return target.kind() == ColumnTarget.Kind.CUSTOM
                && spec(target, customFields)
                        .map(s -> s.type() == CustomFieldSpec.Type.CHOICE || s.type() == CustomFieldSpec.Type.BOOLEAN)
                        .orElse(false);
    }

    public Becomes of(ColumnTarget target, String text) {
        Optional<String> mapped = maps.lookup(target, text);
        if (mapped.isPresent()) {
            return new Becomes(mapped.get(), MAPPED, 1.0);
        }
        if (target.equals(ColumnTarget.field(LeadField.STATUS))) {
            return status(text);
        }
        if (target.equals(ColumnTarget.field(LeadField.OWNER))) {
            return owner(text);
        }
        CustomFieldSpec field = spec(target, customFields).orElseThrow();
        return field.type() == CustomFieldSpec.Type.BOOLEAN ? bool(text) : choice(field, text);
    }

    private static Becomes status(String text) {
        Optional<LeadStatus> exact = LeadStatus.parse(text);
        if (exact.isPresent()) {
            return new Becomes(exact.get().name(), VALID, 1.0);
        }
        String words = HeaderNames.words(text);
        LeadStatus synonym = StatusMapper.builtInWords().get(words);
        if (synonym != null) {
            return new Becomes(synonym.name(), SYNONYM, 0.9);
        }
        return best(words, StatusMapper.builtInWords());
    }

    private Becomes owner(String text) {
        Optional<UserAccount> user = owners.find(text);
        if (user.isPresent()) {
            return new Becomes(user.get().username(), VALID, 1.0);
        }
        Map<String, String> names = owners.namesToUsernames();
        return best(HeaderNames.words(text), names);
    }

    private static Becomes bool(String text) {
        return CustomFieldValues.read(CustomFieldType.BOOLEAN, List.of(), text, CustomFieldValues.Reading.STRICT)
                .toOptional()
                .map(v -> new Becomes(v.toString(), VALID, 1.0))
                .orElseGet(() -> new Becomes(null, UNKNOWN, 0));
    }

    private static Becomes choice(CustomFieldSpec field, String text) {
        for (String option : field.options()) {
            if (option.equalsIgnoreCase(text.strip())) {
                return new Becomes(option, VALID, 1.0);
            }
        }
        Map<String, String> options = new java.util.HashMap<>();
        field.options().forEach(o -> options.put(HeaderNames.words(o), o));
        return best(HeaderNames.words(text), options);
    }

    /** The closest known word by edit distance, as a suggestion, or unknown when none is close enough. */
    private static <T> Becomes best(String words, Map<String, T> known) {
        String compact = words.replace(" ", "");
        double bestSimilarity = 0;
        T best = null;
        for (Map.Entry<String, T> entry : known.entrySet()) {
            String candidate = entry.getKey().replace(" ", "");
            if (compact.isEmpty() || candidate.isEmpty()) {
                continue;
            }
            double similarity =
                    compact.length() >= 4 && (candidate.startsWith(compact) || compact.startsWith(candidate))
                            ? 0.8
                            : 1.0
                                    - (double) EditDistance.of(compact, candidate)
                                            / Math.max(compact.length(), candidate.length());
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = entry.getValue();
            }
        }
        if (best == null || bestSimilarity < SUGGESTION_SIMILARITY) {
            return new Becomes(null, UNKNOWN, 0);
        }
        String value = best instanceof LeadStatus status ? status.name() : best.toString();
        return new Becomes(value, SUGGESTED, Math.round(bestSimilarity * 85) / 100.0);
    }

    private static Optional<CustomFieldSpec> spec(ColumnTarget target, List<CustomFieldSpec> customFields) {
        return customFields.stream().filter(s -> s.key().equals(target.key())).findFirst();
    }
}
