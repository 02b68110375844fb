package dev.leadport.imports.pipeline;

import dev.leadport.imports.DuplicateMode;
import dev.leadport.imports.ImportsProperties;
import dev.leadport.imports.MatchKey;
import dev.leadport.users.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges one chunk of staged rows into the lead table with set-based SQL, in the caller's transaction: rows that
 * repeat an earlier key (email, id or external id) of the same file are reported as duplicates, rows whose key
 * matches nothing become leads ({@code INSERT ... ON CONFLICT DO NOTHING}, so a concurrent import of the same email
 * never duplicates it), and matches are skipped, updated ({@code UPDATE ... FROM}, empty cells keep the old value) or
 * failed, by mode. A row that would give a lead an email or external id another lead holds fails, naming the column.
 * Every lead created or changed is recorded in import_lead_change for undo, every skipped row in import_row_skip.
 */
@Component
public class LeadMerger {

    /** Staged rows of the chunk. */
    private static final String IN_CHUNK = "s.import_id = :id and s.row_number > :from and s.row_number <= :to";

    private static final String NOT_FAILED = "not exists (select 1 from import_row_error e where e.import_id ="
            + " s.import_id and e.row_number = s.row_number and e.kind = 'ERROR')";

    private static final String VISIBLE = "(:seesAll or m.owner_id = :actor)";

    private final JdbcClient jdbc;
    private final ImportsProperties properties;

    LeadMerger(JdbcClient jdbc, ImportsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * How a chunk merges: the duplicate mode, the match key, and whether the file gives external ids (only then, or
     * with a key other than the email, can a row collide with another lead's email or external id).
     */
    public record Rules(DuplicateMode mode, MatchKey key, boolean externalIds) {

        public Rules(DuplicateMode mode) {
            this(mode, MatchKey.EMAIL, false);
        }

        boolean checksCollisions() {
            return key != MatchKey.EMAIL || externalIds;
        }
    }

    public record Merged(long created, long updated, long duplicates, long failed) {}

    public Merged merge(long importId, long fromRow, long toRow, DuplicateMode mode, CurrentUser actor) {
        return merge(importId, fromRow, toRow, new Rules(mode), actor);
    }

    public Merged merge(long importId, long fromRow, long toRow, Rules rules, CurrentUser actor) {
        // The create sorts a chunk by email (a fixed lock order); at the default 4 MB that sort spills to disk.
        jdbc.sql("set local work_mem = '" + properties.chunkWorkMem().toKilobytes() + "kB'")
                .update();
        Chunk chunk = new Chunk(importId, fromRow, toRow, rules, MatchSql.of(rules.key()), actor);
        long duplicates = reportDuplicates(chunk);
        long failed = 0;
        long updated = 0;
        if (rules.key() == MatchKey.ID) {
            failed += reportUnknownIds(chunk);
        }
        if (rules.mode() == DuplicateMode.CREATE) {
            failed += reportExisting(chunk);
        }
        if (rules.mode() == DuplicateMode.UPDATE && !actor.seesAllLeads() && rules.key() != MatchKey.ID) {
            failed += reportOthersLeads(chunk);
        }
        if (rules.checksCollisions()) {
            failed += new Collisions(jdbc, chunk).report();
        }
        if (rules.mode() == DuplicateMode.UPDATE) {
            updated = update(chunk);
        }
        long created = create(chunk);
        return new Merged(created, updated, duplicates, failed);
    }

    /** One chunk's bounds, rules and actor, and the SQL conditions that follow from them. */
    record Chunk(long importId, long fromRow, long toRow, Rules rules, MatchSql key, CurrentUser actor) {

        JdbcClient.StatementSpec bind(JdbcClient jdbc, String sql) {
            return jdbc.sql(sql)
                    .param("id", importId)
                    .param("from", fromRow)
                    .param("to", toRow)
                    .param("seesAll", actor.seesAllLeads())
                    .param("actor", actor.id());
        }

        /** Rows not failed by an earlier step of this merge (only collisions and unknown ids fail rows twice over). */
        String notFailed() {
            return rules.checksCollisions() ? " and " + NOT_FAILED : "";
        }
    }

    private long reportDuplicates(Chunk c) {
        String key = c.key().staged();
        return c.bind(jdbc, """
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'DUPLICATE', null,
                               'Same %2$s as row ' || first.row_number || ' of this file; skipped'
                        from import_staging s
                        cross join lateral (
                          select min(d.row_number) as row_number from import_staging d
                          where d.import_id = s.import_id and d.%1$s = s.%1$s) first
                        where %3$s and s.%1$s is not null and first.row_number < s.row_number
                        """.formatted(key, c.key().words(), IN_CHUNK)).update();
    }

    /** An id that names no lead the importer may see: another user's lead is no more named than a missing one. */
    private long reportUnknownIds(Chunk c) {
        return c.bind(jdbc, """
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'ERROR', 'id',
                               'No lead with id ' || s.match_id || '; not imported (leave the id empty to create a'
                               || ' new lead)'
                        from import_staging s
                        where %s and s.match_id is not null and %s
                          and not exists (select 1 from lead m where %s and %s)
                        """.formatted(
                                IN_CHUNK, c.key().notDuplicate(), c.key().matches("m"), VISIBLE))
                .update();
    }

    /** The existing lead's id is named only to an importer who may see it; a REP learns nothing of others' leads. */
    private long reportExisting(Chunk c) {
        return c.bind(jdbc, """
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'ERROR', '%4$s',
                               'A lead with this %5$s exists already'
                               || case when %6$s then ' (lead ' || m.id || ')' else '' end
                               || '; import with Update or Skip to handle existing leads'
                        from import_staging s
                        join lead m on %1$s
                        where %2$s and %3$s%7$s
                        """.formatted(
                                c.key().matches("m"),
                                IN_CHUNK,
                                c.key().notDuplicate(),
                                c.key().column(),
                                c.key().words(),
                                VISIBLE,
                                c.notFailed()))
                .update();
    }

    private long reportOthersLeads(Chunk c) {
        return c.bind(jdbc, """
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'ERROR', '%4$s',
                               'A lead with this %5$s belongs to another user; not updated'
                        from import_staging s
                        join lead m on %1$s
                        where %2$s and %3$s and m.owner_id is distinct from :actor%6$s
                        """.formatted(
                                c.key().matches("m"),
                                IN_CHUNK,
                                c.key().notDuplicate(),
                                c.key().column(),
                                c.key().words(),
                                c.notFailed()))
                .update();
    }

    private long update(Chunk c) {
        String ownRule = c.actor().seesAllLeads() ? "" : " and l.owner_id = :actor";
        // Matched by id or external id, a row may change the email too; matched by email, the email stays as stored.
        String email = c.rules().key() == MatchKey.EMAIL ? "l.email" : "coalesce(t.email, l.email)";
        return c.bind(jdbc, """
                        with targets as (
                          select s.*, l.id as target_id, coalesce(s.updated_at, now()) as changed_at
                          from import_staging s
                          join lead l on %1$s
                          where %2$s and s.%3$s is not null and %4$s%5$s %6$s
                            and not exists (select 1 from import_lead_change c
                                            where c.import_id = s.import_id and c.lead_id = l.id)
                          order by l.id
                          for update of l
                        ), before as (
                          insert into import_lead_change (import_id, lead_id, row_number, action, before, changed_at)
                          select :id, t.target_id, t.row_number, 'UPDATED', to_jsonb(l), t.changed_at
                          from targets t join lead l on l.id = t.target_id
                        )
                        update lead l set
                          first_name = coalesce(t.first_name, l.first_name),
                          last_name = coalesce(t.last_name, l.last_name),
                          email = %7$s,
                          phone = coalesce(t.phone, l.phone),
                          phone_e164 = coalesce(t.phone_e164, l.phone_e164),
                          company = coalesce(t.company, l.company),
                          job_title = coalesce(t.job_title, l.job_title),
                          status = coalesce(t.status, l.status),
                          source = coalesce(t.source, l.source),
                          owner_id = coalesce(t.owner_id, l.owner_id),
                          notes = coalesce(t.notes, l.notes),
                          custom = l.custom || coalesce(t.custom, '{}'::jsonb),
                          external_id = coalesce(t.external_id, l.external_id),
                          created_at = coalesce(t.created_at, l.created_at),
                          updated_at = t.changed_at
                        from targets t
                        where l.id = t.target_id
                        """.formatted(
                                c.key().matches("l"),
                                IN_CHUNK,
                                c.key().staged(),
                                c.key().notDuplicate(),
                                c.notFailed(),
                                ownRule,
                                email))
                .update();
    }

    /**
     * Creates the chunk's new leads; a row whose email (or external id) belongs to a lead is a no-op through the
     * conflict clause, which checks the unique indexes once per row anyway. Then records, in one statement, the leads
     * created and the rows skipped.
     */
    private long create(Chunk c) {
        String key = c.key().staged();
        // A row with an id names an existing lead: it is updated, skipped or failed, never created.
        String keyed = c.rules().key() == MatchKey.ID ? " and s.match_id is null" : "";
        c.bind(jdbc, """
                        insert into lead (id, first_name, last_name, email, phone, phone_e164, company, job_title,
                                          status, source, owner_id, notes, custom, external_id, created_at,
                                          updated_at)
                        select s.lead_id, s.first_name, s.last_name, s.email, s.phone, s.phone_e164, s.company,
                               s.job_title, coalesce(s.status, 'NEW'), s.source, coalesce(s.owner_id, :actor),
                               s.notes, coalesce(s.custom, '{}'::jsonb), s.external_id, coalesce(s.created_at, now()),
                               coalesce(s.updated_at, now())
                        from import_staging s
                        where %1$s and (s.%2$s is null or %3$s)%4$s%5$s
                        order by s.email_key
                        on conflict do nothing
                        """.formatted(IN_CHUNK, key, c.key().notDuplicate(), keyed, c.notFailed()))
                .update();
        // A staged row's lead id was drawn for it alone, so the lead exists exactly when this chunk created it. Every
        // other valid row that neither failed nor updated a lead was skipped: it is recorded, with the lead it matched,
        // for the success file.
        return c.bind(jdbc, """
                        with created as (
                          insert into import_lead_change (import_id, lead_id, row_number, action, changed_at)
                          select s.import_id, l.id, s.row_number, 'CREATED', l.updated_at
                          from import_staging s
                          join lead l on l.id = s.lead_id
                          where %1$s
                          returning row_number
                        ), skipped as (
                          insert into import_row_skip (import_id, row_number, lead_id)
                          select s.import_id, s.row_number, (select m.id from lead m where %2$s and %3$s)
                          from import_staging s
                          where %1$s and s.row_number not in (select row_number from created)
                            and %4$s
                            and not exists (select 1 from import_lead_change u where u.import_id = s.import_id
                                            and u.row_number = s.row_number and u.action = 'UPDATED'
                                            and u.lead_id = (select m.id from lead m where %2$s))
                        )
                        select count(*) from created
                        """.formatted(IN_CHUNK, c.key().matches("m"), VISIBLE, NOT_FAILED))
                .query(Long.class)
                .single();
    }
}
