package dev.leadport.imports.pipeline;

import dev.leadport.imports.DuplicateMode;
import dev.leadport.imports.MatchKey;
import dev.leadport.imports.pipeline.LeadMerger.Chunk;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fails the rows of a chunk that would give a lead an email or an external id that another lead holds, or that an
 * earlier row of the same file gives to a different lead, so the merge never trips a unique index: each check is
 * one set-based statement, run only when the file can collide (a match key other than the email, or external ids).
 * A row "writes" when it is created (its key matches nothing) or updates the lead it matched (UPDATE mode); only the
 * lead it writes may hold the value already. The other lead is named only to an importer who may see it.
 */
final class Collisions {

    private static final String IN_CHUNK = "s.import_id = :id and s.row_number > :from and s.row_number <= :to";

    private final JdbcClient jdbc;
    private final Chunk chunk;

    Collisions(JdbcClient jdbc, Chunk chunk) {
        this.jdbc = jdbc;
        this.chunk = chunk;
    }

    long report() {
        MatchKey key = chunk.rules().key();
        long failed = 0;
        if (key != MatchKey.EMAIL) {
            failed += taken(
                    "email",
                    "s.email_key is not null",
                    "o.email is not null and lower(o.email) = s.email_key and o.deleted_at is null",
                    "'The email ' || s.email || ' belongs to another lead'");
            failed += inFile("email", "email_key", "email");
        }
        if (chunk.rules().externalIds()) {
            // The external id is unique over the recycle bin too: a deleted lead keeps it until it is purged.
            failed += taken(
                    "externalId",
                    "s.external_id is not null",
                    "o.external_id = s.external_id",
                    "'The external id ' || s.external_id || ' belongs to another lead'"
                            + " || case when o.deleted_at is not null then ' in the recycle bin' else '' end");
        }
        if (key != MatchKey.EXTERNAL_ID && chunk.rules().externalIds()) {
            failed += inFile("externalId", "external_id", "external id");
        }
        return failed;
    }

    /** The lead the row writes: the one its key matched, in UPDATE mode; none for a row that creates a lead. */
    private String target() {
        return chunk.rules().mode() == DuplicateMode.UPDATE
                ? "(select m.id from lead m where " + chunk.key().matches("m") + ")"
                : "null";
    }

    /** Rows that write: not repeats of an earlier key, not failed, and (but in UPDATE mode) matching no lead. */
    private String writes() {
        String unmatched = chunk.rules().mode() == DuplicateMode.UPDATE
                ? ""
                : " and not exists (select 1 from lead m where " + chunk.key().matches("m") + ")";
        return IN_CHUNK + " and " + chunk.key().notDuplicate() + chunk.notFailed() + unmatched;
    }

    private long taken(String column, String given, String holds, String message) {
        return chunk.bind(jdbc, """
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'ERROR', '%1$s',
                               %2$s
                               || case when o.deleted_at is null and (:seesAll or o.owner_id = :actor)
                                       then ' (lead ' || o.id || ')' else '' end
                               || '; not imported'
                        from import_staging s
                        join lead o on %3$s
                        where %4$s and %5$s and o.id is distinct from %6$s
                        """.formatted(column, message, holds, given, writes(), target()))
                .update();
    }

    /** A value an earlier row of the file gives to a different lead (a different key, or none). */
    private long inFile(String column, String staged, String words) {
        String key = chunk.key().staged();
        return chunk.bind(jdbc, """
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'ERROR', '%1$s',
                               'Same %2$s as row ' || earlier.row_number
                               || ' of this file, which is another lead; not imported'
                        from import_staging s
                        cross join lateral (
                          select min(d.row_number) as row_number from import_staging d
                          where d.import_id = s.import_id and d.%3$s = s.%3$s and d.row_number < s.row_number
                            and d.%4$s is distinct from s.%4$s) earlier
                        where %5$s and s.%3$s is not null and earlier.row_number is not null
                        """.formatted(column, words, staged, key, writes()))
                .update();
    }
}
