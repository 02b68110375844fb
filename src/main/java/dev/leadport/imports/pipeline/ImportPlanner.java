package dev.leadport.imports.pipeline;

import dev.leadport.imports.DuplicateMode;
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

    public record Plan(long valid, long duplicatesInFile, long matchesExisting, long matchesOthers) {

        public long wouldCreate() {
            return valid - duplicatesInFile - matchesExisting;
        }

        public long wouldUpdate(DuplicateMode mode) {
            return mode == DuplicateMode.UPDATE ? matchesExisting - matchesOthers : 0;
        }

        public long wouldSkip(DuplicateMode mode) {
            return duplicatesInFile + (mode == DuplicateMode.SKIP ? matchesExisting : 0);
        }

        /** Valid rows that would still fail: existing emails in CREATE mode, other users' leads for a REP. */
        public long wouldFail(DuplicateMode mode) {
            return switch (mode) {
                case CREATE -> matchesExisting;
                case UPDATE -> matchesOthers;
                case SKIP -> 0;
            };
        }
    }

    public Plan plan(long importId, CurrentUser actor) {
        return jdbc.sql("""
                        select count(*) as valid,
                               count(*) filter (where dup) as duplicates,
                               count(*) filter (where not dup and matched) as matches,
                               count(*) filter (where not dup and matched and not own) as others
                        from (
                          select s.email_key is not null and exists (
                                   select 1 from import_staging d where d.import_id = s.import_id
                                   and d.email_key = s.email_key and d.row_number < s.row_number) as dup,
                                 m.id is not null as matched,
                                 (:seesAll or m.owner_id = :actor) as own
                          from import_staging s
                          left join lead m on s.email_key is not null and m.email is not null and lower(m.email) = s.email_key
                                          and m.deleted_at is null
                          where s.import_id = :id
                        ) x
                        """)
                .param("id", importId)
                .param("actor", actor.id())
                .param("seesAll", actor.seesAllLeads())
                .query((rs, n) -> new Plan(
                        rs.getLong("valid"), rs.getLong("duplicates"), rs.getLong("matches"), rs.getLong("others")))
                .single();
    }
}
