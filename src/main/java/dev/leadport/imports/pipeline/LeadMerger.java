package dev.leadport.imports.pipeline;

import dev.leadport.imports.DuplicateMode;
import dev.leadport.imports.ImportsProperties;
import dev.leadport.users.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges one chunk of staged rows into the lead table with set-based SQL, in the caller's transaction: rows that
 * repeat an earlier email of the same file are reported as duplicates, new emails become leads
 * ({@code INSERT ... ON CONFLICT DO NOTHING}, so a concurrent import of the same email never duplicates it), and
 * matches are skipped, updated ({@code UPDATE ... FROM}, empty cells keep the old value) or failed, by mode. Every
 * lead created or changed is recorded in import_lead_change for undo.
 */
@Component
public class LeadMerger {

    /** Staged rows of the chunk that are not the first of their email in the file. */
    private static final String IN_CHUNK = "s.import_id = :id and s.row_number > :from and s.row_number <= :to";

    private static final String NOT_DUPLICATE = "not exists (select 1 from import_staging d where d.import_id ="
            + " s.import_id and d.email_key = s.email_key and d.row_number < s.row_number)";

    private final JdbcClient jdbc;
    private final ImportsProperties properties;

    LeadMerger(JdbcClient jdbc, ImportsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public record Merged(long created, long updated, long duplicates, long failed) {}

    public Merged merge(long importId, long fromRow, long toRow, DuplicateMode mode, CurrentUser actor) {
        // The create sorts a chunk by email (a fixed lock order); at the default 4 MB that sort spills to disk.
        jdbc.sql("set local work_mem = '" + properties.chunkWorkMem().toKilobytes() + "kB'")
                .update();
        long duplicates = reportDuplicates(importId, fromRow, toRow);
        long failed = 0;
        long updated = 0;
        if (mode == DuplicateMode.CREATE) {
            failed += reportExisting(importId, fromRow, toRow, actor);
        }
        if (mode == DuplicateMode.UPDATE) {
            if (!actor.seesAllLeads()) {
                failed += reportOthersLeads(importId, fromRow, toRow, actor);
            }
            updated = update(importId, fromRow, toRow, actor);
        }
        long created = create(importId, fromRow, toRow, actor);
        return new Merged(created, updated, duplicates, failed);
    }

    private long reportDuplicates(long importId, long fromRow, long toRow) {
        return jdbc.sql("""
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'DUPLICATE', null,
                               'Same email as row ' || first.row_number || ' of this file; skipped'
                        from import_staging s
                        cross join lateral (
                          select min(d.row_number) as row_number from import_staging d
                          where d.import_id = s.import_id and d.email_key = s.email_key) first
                        where %s and s.email_key is not null and first.row_number < s.row_number
                        """.formatted(IN_CHUNK))
                .param("id", importId)
                .param("from", fromRow)
                .param("to", toRow)
                .update();
    }

    /** The existing lead's id is named only to an importer who may see it; a REP learns nothing of others' leads. */
    private long reportExisting(long importId, long fromRow, long toRow, CurrentUser actor) {
        return jdbc.sql("""
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'ERROR', 'email',
                               'A lead with this email exists already'
                               || case when :seesAll or m.owner_id = :actor then ' (lead ' || m.id || ')' else '' end
                               || '; import with Update or Skip to handle existing leads'
                        from import_staging s
                        join lead m on m.email is not null and lower(m.email) = s.email_key and m.deleted_at is null
                        where %s and %s
                        """.formatted(IN_CHUNK, NOT_DUPLICATE))
                .param("id", importId)
                .param("from", fromRow)
                .param("to", toRow)
                .param("seesAll", actor.seesAllLeads())
                .param("actor", actor.id())
                .update();
    }

    private long reportOthersLeads(long importId, long fromRow, long toRow, CurrentUser actor) {
        return jdbc.sql("""
                        insert into import_row_error (import_id, row_number, kind, columns, message)
                        select s.import_id, s.row_number, 'ERROR', 'email',
                               'A lead with this email belongs to another user; not updated'
                        from import_staging s
                        join lead m on m.email is not null and lower(m.email) = s.email_key and m.deleted_at is null
                        where %s and %s and m.owner_id is distinct from :actor
                        """.formatted(IN_CHUNK, NOT_DUPLICATE))
                .param("id", importId)
                .param("from", fromRow)
                .param("to", toRow)
                .param("actor", actor.id())
                .update();
    }

    private long update(long importId, long fromRow, long toRow, CurrentUser actor) {
        String ownRule = actor.seesAllLeads() ? "" : " and l.owner_id = :actor";
        return jdbc.sql("""
                        with targets as (
                          select s.*, l.id as target_id
                          from import_staging s
                          join lead l on l.email is not null and lower(l.email) = s.email_key and l.deleted_at is null
                          where %s and s.email_key is not null and %s %s
                            and not exists (select 1 from import_lead_change c
                                            where c.import_id = s.import_id and c.lead_id = l.id)
                          order by l.id
                          for update of l
                        ), before as (
                          insert into import_lead_change (import_id, lead_id, row_number, action, before, changed_at)
                          select :id, t.target_id, t.row_number, 'UPDATED', to_jsonb(l), now()
                          from targets t join lead l on l.id = t.target_id
                        )
                        update lead l set
                          first_name = coalesce(t.first_name, l.first_name),
                          last_name = coalesce(t.last_name, l.last_name),
                          phone = coalesce(t.phone, l.phone),
                          phone_e164 = coalesce(t.phone_e164, l.phone_e164),
                          company = coalesce(t.company, l.company),
                          job_title = coalesce(t.job_title, l.job_title),
                          status = coalesce(t.status, l.status),
                          source = coalesce(t.source, l.source),
                          owner_id = coalesce(t.owner_id, l.owner_id),
                          notes = coalesce(t.notes, l.notes),
                          custom = l.custom || coalesce(t.custom, '{}'::jsonb),
                          updated_at = now()
                        from targets t
                        where l.id = t.target_id
                        """.formatted(IN_CHUNK, NOT_DUPLICATE, ownRule))
                .param("id", importId)
                .param("from", fromRow)
                .param("to", toRow)
                .param("actor", actor.id())
                .update();
    }

    /**
     * Creates the chunk's new leads; a row whose email belongs to a live lead is a no-op through the conflict clause,
     * which checks the email index once per row anyway.
     */
    private long create(long importId, long fromRow, long toRow, CurrentUser actor) {
        jdbc.sql("""
                        insert into lead (id, first_name, last_name, email, phone, phone_e164, company, job_title,
                                          status, source, owner_id, notes, custom)
                        select s.lead_id, s.first_name, s.last_name, s.email, s.phone, s.phone_e164, s.company,
                               s.job_title, coalesce(s.status, 'NEW'), s.source, coalesce(s.owner_id, :actor),
                               s.notes, coalesce(s.custom, '{}'::jsonb)
                        from import_staging s
                        where %s and (s.email_key is null or %s)
                        order by s.email_key
                        on conflict (lower(email)) where email is not null and deleted_at is null do nothing
                        """.formatted(IN_CHUNK, NOT_DUPLICATE))
                .param("id", importId)
                .param("from", fromRow)
                .param("to", toRow)
                .param("actor", actor.id())
                .update();
        // A staged row's lead id was drawn for it alone, so the lead exists exactly when this chunk created it. Every
        // other valid row that neither failed nor updated a lead was skipped: it is recorded, with the lead it matched,
        // for the success file.
        return jdbc.sql("""
                        with created as (
                          insert into import_lead_change (import_id, lead_id, row_number, action, changed_at)
                          select s.import_id, l.id, s.row_number, 'CREATED', l.updated_at
                          from import_staging s
                          join lead l on l.id = s.lead_id
                          where %1$s
                          returning row_number
                        ), skipped as (
                          insert into import_row_skip (import_id, row_number, lead_id)
                          select s.import_id, s.row_number,
                                 (select m.id from lead m
                                  where m.email is not null and lower(m.email) = s.email_key and m.deleted_at is null
                                    and (:seesAll or m.owner_id = :actor))
                          from import_staging s
                          where %1$s and s.row_number not in (select row_number from created)
                            and not exists (select 1 from import_row_error e where e.import_id = s.import_id
                                            and e.row_number = s.row_number and e.kind = 'ERROR')
                            and not exists (select 1 from import_lead_change u where u.import_id = s.import_id
                                            and u.row_number = s.row_number and u.action = 'UPDATED'
                                            and u.lead_id = (select m.id from lead m where m.email is not null
                                                             and lower(m.email) = s.email_key
                                                             and m.deleted_at is null))
                        )
                        select count(*) from created
                        """.formatted(IN_CHUNK))
                .param("id", importId)
                .param("from", fromRow)
                .param("to", toRow)
                .param("seesAll", actor.seesAllLeads())
                .param("actor", actor.id())
                .query(Long.class)
                .single();
    }
}
