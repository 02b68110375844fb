package dev.leadport.imports.jobs;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Undoes an import in one transaction with set-based SQL: leads it created go to the recycle bin, leads it updated
 * get their previous values back. A lead someone changed after the import is left as it is and reported.
 */
@Component
public class ImportUndo {

    private static final int LISTED = 100;

    private final JdbcClient jdbc;

    ImportUndo(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A lead the undo left alone, and why. */
    public record Kept(long leadId, String action, String reason) {}

    /** What the undo did. */
    public record UndoResult(long importId, long deleted, long restored, long keptTotal, List<Kept> kept) {}

    public UndoResult undo(long importId, long actorId) {
        // Which leads changed since the import is read before anything is undone.
        String keptWhere = """
                from import_lead_change c join lead l on l.id = c.lead_id
                where c.import_id = :id and (l.updated_at <> c.changed_at or l.deleted_at is not null)
                """;
        long keptTotal = jdbc.sql("select count(*) " + keptWhere)
                .param("id", importId)
                .query(Long.class)
                .single();
        List<Kept> kept = jdbc.sql("select c.lead_id, c.action, l.deleted_at is not null as gone " + keptWhere
                        + " order by c.lead_id limit " + LISTED)
                .param("id", importId)
                .query((rs, n) -> new Kept(
                        rs.getLong("lead_id"),
                        rs.getString("action"),
                        rs.getBoolean("gone")
                                ? "the lead was deleted after the import"
                                : "the lead was changed after the import, so it was left as it is"))
                .list();
        // The leads about to be put back keep, for their history, who undid the import, when, and what it had set.
        jdbc.sql("""
                        update import_lead_change c set undone_at = now(), undone_by = :actor, after = to_jsonb(l)
                        from lead l
                        where c.import_id = :id and l.id = c.lead_id
                          and l.deleted_at is null and l.updated_at = c.changed_at
                        """).param("id", importId).param("actor", actorId).update();
        long deleted = jdbc.sql("""
                        update lead l set deleted_at = now()
                        from import_lead_change c
                        where c.import_id = :id and c.action = 'CREATED' and l.id = c.lead_id
                          and l.deleted_at is null and l.updated_at = c.changed_at
                        """).param("id", importId).update();
        long restored = jdbc.sql("""
                        update lead l set
                          first_name = c.before ->> 'first_name', last_name = c.before ->> 'last_name',
                          phone = c.before ->> 'phone', phone_e164 = c.before ->> 'phone_e164',
                          company = c.before ->> 'company', job_title = c.before ->> 'job_title',
                          status = c.before ->> 'status', source = c.before ->> 'source',
                          owner_id = (c.before ->> 'owner_id')::bigint, notes = c.before ->> 'notes',
                          custom = coalesce(c.before -> 'custom', '{}'::jsonb),
                          email = c.before ->> 'email', external_id = c.before ->> 'external_id',
                          created_at = coalesce((c.before ->> 'created_at')::timestamptz, l.created_at),
                          updated_at = now()
                        from import_lead_change c
                        where c.import_id = :id and c.action = 'UPDATED' and l.id = c.lead_id
                          and l.deleted_at is null and l.updated_at = c.changed_at
                        """).param("id", importId).update();
        // What the import did is no longer so: its success file goes with it (the undo record stays, for history).
        jdbc.sql("delete from import_row_skip where import_id = :id")
                .param("id", importId)
                .update();
        return new UndoResult(importId, deleted, restored, keptTotal, kept);
    }
}
