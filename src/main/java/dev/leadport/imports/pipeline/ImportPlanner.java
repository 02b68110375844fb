package dev.leadport.imports.pipeline;

import dev.leadport.imports.DuplicateMode;
import dev.leadport.imports.MatchKey;
import dev.leadport.users.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Works out, for a staged file, what an import would do, with the same duplicate rules as {@link LeadMerger}: the
 * validation (dry run) calls it on rows staged inside a transaction that is then rolled back.
 */
@Component
public class ImportPlanner {

    private final JdbcClient jdbc;

    ImportPlanner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The counts of a plan; {@code unknownIds} are rows matching by id whose id names no lead the importer may see
     * (they fail in every mode).
     */
    public record Plan(long valid, long duplicatesInFile, long matchesExisting, long matchesOthers, long unknownIds) {

        public long wouldCreate() {
            return valid - duplicatesInFile - matchesExisting - unknownIds;
        }

        public long wouldUpdate(DuplicateMode mode) {
            return mode == DuplicateMode.UPDATE ? matchesExisting - matchesOthers : 0;
        }

        public long wouldSkip(DuplicateMode mode) {
            return duplicatesInFile + (mode == DuplicateMode.SKIP ? matchesExisting : 0);
        }

        /** Valid rows that would still fail: existing emails in CREATE mode, other users' leads for a REP. */
        public long wouldFail(DuplicateMode mode) {
            return unknownIds
                    + switch (mode) {
                        case CREATE -> matchesExisting;
                        case UPDATE -> matchesOthers;
                        case SKIP -> 0;
                    };
        }
    }

    public Plan plan(long importId, MatchKey matchBy, CurrentUser actor) {
        MatchSql key = MatchSql.of(matchBy);
        // By id, a lead the importer may not see is no match but an unknown id, as in the merge.
        String visible = matchBy == MatchKey.ID ? " and (:seesAll or m.owner_id = :actor)" : "";
        String unknown = matchBy == MatchKey.ID ? "s.match_id is not null and m.id is null" : "false";
        return jdbc.sql("""
                        select count(*) as valid,
                               count(*) filter (where dup) as duplicates,
                               count(*) filter (where not dup and matched) as matches,
                               count(*) filter (where not dup and matched and not own) as others,
                               count(*) filter (where not dup and unknown) as unknown
                        from (
                          select s.%1$s is not null and %2$s as dup,
                                 m.id is not null as matched,
                                 (:seesAll or m.owner_id = :actor) as own,
                                 %3$s as unknown
                          from import_staging s
                          left join lead m on %4$s%5$s
                          where s.import_id = :id
                        ) x
                        """.formatted(key.staged(), key.duplicate(), unknown, key.matches("m"), visible))
                .param("id", importId)
                .param("actor", actor.id())
                .param("seesAll", actor.seesAllLeads())
                .query((rs, n) -> new Plan(
                        rs.getLong("valid"),
                        rs.getLong("duplicates"),
                        rs.getLong("matches"),
                        rs.getLong("others"),
                        rs.getLong("unknown")))
                .single();
    }
}
