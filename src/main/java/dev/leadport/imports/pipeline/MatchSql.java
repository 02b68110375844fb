package dev.leadport.imports.pipeline;

import dev.leadport.imports.MatchKey;

/**
 * The SQL of a match key over a staged row {@code s}: its key column, the condition that a lead {@code m} is the live
 * lead it matches, and how messages name it. Shared by {@link LeadMerger} and {@link ImportPlanner}, so the dry run
 * and the import agree on what matches.
 */
record MatchSql(MatchKey key, String staged, String words, String column) {

    static MatchSql of(MatchKey key) {
        return switch (key) {
            case EMAIL -> new MatchSql(key, "email_key", "email", "email");
            case ID -> new MatchSql(key, "match_id", "id", "id");
            case EXTERNAL_ID -> new MatchSql(key, "external_id", "external id", "externalId");
        };
    }

    /** The live lead {@code alias} that the staged row {@code s} matches by this key. */
    String matches(String alias) {
        return switch (key) {
            case EMAIL ->
                alias + ".email is not null and lower(" + alias + ".email) = s.email_key and " + alias
                        + ".deleted_at is null";
            case ID -> alias + ".id = s.match_id and " + alias + ".deleted_at is null";
            case EXTERNAL_ID -> alias + ".external_id = s.external_id and " + alias + ".deleted_at is null";
        };
    }

    /** The staged row {@code s} repeats the key of an earlier row of the same file (a null key repeats nothing). */
    String duplicate() {
        return "exists (select 1 from import_staging d where d.import_id = s.import_id and d." + staged + " = s."
                + staged + " and d.row_number < s.row_number)";
    }

    String notDuplicate() {
        return "not " + duplicate();
    }
}
