package dev.leadport.bulk;

/**
 * The statements that change leads, one per operation kind. Each takes the next {@code :size} PENDING results of
 * operation {@code :op} after position {@code :after} (where the previous chunk ended, so no chunk re-reads the
 * results already settled), locks their leads (still live and, for a REP, still their own), changes those that
 * differ, and settles the results with the previous values in the same statement, returning their positions. No
 * string literal here may contain a colon: Spring would read it as a named parameter.
 */
final class BulkSql {

    private BulkSql() {}

    private static String sql(String text) {
        return text.replace("{differs}", DIFFERS).replace("{gone}", GONE);
    }

    private static final String CHUNK = """
            with chunk as (
              select position, lead_id from bulk_result
              where operation_id = :op and result = 'PENDING' and position > :after
              order by position limit :size
            )""";

    private static final String GONE = "'was deleted or given to another user before the change reached it'";

    /** Whether lead {@code l} differs from the requested changes. */
    private static final String DIFFERS = """
            ((cast(:status as text) is not null and l.status <> cast(:status as text))
              or (:setSource and l.source is distinct from cast(:source as text))
              or not (l.custom @> cast(:custom as jsonb)))""";

    static final String UPDATE_CHUNK = sql(CHUNK + """
            , old as (
              select l.id, l.status, l.source, l.custom from lead l join chunk c on c.lead_id = l.id
              where l.deleted_at is null and (:all or l.owner_id = :actor)
              for update of l
            ), changed as (
              update lead l
              set status = coalesce(cast(:status as text), l.status),
                  source = case when :setSource then cast(:source as text) else l.source end,
                  custom = l.custom || cast(:custom as jsonb),
                  updated_at = now()
              from old o
              where l.id = o.id and {differs} returning l.id, l.updated_at
            )
            update bulk_result r
            set result = case when ch.id is not null then 'UPDATED' when o.id is not null then 'UNCHANGED'
                              else 'NOT_FOUND' end,
                message = case when ch.id is not null then null when o.id is not null then 'already has these values'
                               else {gone} end,
                previous = case when ch.id is not null
                                then jsonb_build_object('status', o.status, 'source', o.source, 'custom', o.custom) end,
                applied_at = ch.updated_at
            from chunk c left join old o on o.id = c.lead_id left join changed ch on ch.id = c.lead_id
            where r.operation_id = :op and r.position = c.position
              and r.position > :after and r.position <= (select max(m.position) from chunk m)
            returning r.position
            """);

    static final String ASSIGN_CHUNK = sql(CHUNK + """
            , old as (
              select l.id, l.owner_id from lead l join chunk c on c.lead_id = l.id
              where l.deleted_at is null and (:all or l.owner_id = :actor)
              for update of l
            ), changed as (
              update lead l set owner_id = :owner, updated_at = now()
              from old o
              where l.id = o.id and l.owner_id is distinct from :owner
              returning l.id, l.updated_at
            )
            update bulk_result r
            set result = case when ch.id is not null then 'ASSIGNED' when o.id is not null then 'UNCHANGED'
                              else 'NOT_FOUND' end,
                message = case when ch.id is not null then null when o.id is not null then 'already has this owner'
                               else {gone} end,
                previous = case when ch.id is not null then jsonb_build_object('ownerId', o.owner_id) end,
                applied_at = ch.updated_at
            from chunk c left join old o on o.id = c.lead_id left join changed ch on ch.id = c.lead_id
            where r.operation_id = :op and r.position = c.position
              and r.position > :after and r.position <= (select max(m.position) from chunk m)
            returning r.position
            """);

    static final String DELETE_CHUNK = sql(CHUNK + """
            , changed as (
              update lead l set deleted_at = now()
              from chunk c
              where l.id = c.lead_id and l.deleted_at is null and (:all or l.owner_id = :actor)
              returning l.id
            )
            update bulk_result r
            set result = case when ch.id is not null then 'DELETED' else 'NOT_FOUND' end,
                message = case when ch.id is null then {gone} end
            from chunk c left join changed ch on ch.id = c.lead_id
            where r.operation_id = :op and r.position = c.position
              and r.position > :after and r.position <= (select max(m.position) from chunk m)
            returning r.position
            """);

    /**
     * Restores deleted leads unless a live lead holds the same email, or another lead of the same chunk with that
     * email is restored (the most recently deleted one wins).
     */
    static final String RESTORE_CHUNK = CHUNK + """
            , old as (
              select l.id, l.email, l.deleted_at from lead l join chunk c on c.lead_id = l.id
              where l.deleted_at is not null and (:all or l.owner_id = :actor)
              for update of l
            ), ranked as (
              select o.id, o.email,
                     row_number() over (partition by lower(o.email) order by o.deleted_at desc, o.id desc) as rank,
                     exists (select 1 from lead x where x.deleted_at is null and lower(x.email) = lower(o.email))
                       as taken
              from old o
            ), restored as (
              update lead l set deleted_at = null
              from ranked k
              where l.id = k.id and (k.email is null or (k.rank = 1 and not k.taken))
              returning l.id
            )
            update bulk_result r
            set result = case when s.id is not null then 'RESTORED' when k.id is not null then 'CONFLICT'
                              else 'NOT_FOUND' end,
                message = case when s.id is not null then null
                               when k.taken then 'a live lead already has the email ' || k.email
                                                 || '; change or delete that lead first'
                               when k.id is not null then 'another deleted lead with the email ' || k.email
                                                          || ' is restored by this request'
                               else 'is no longer in the recycle bin' end
            from chunk c left join ranked k on k.id = c.lead_id left join restored s on s.id = c.lead_id
            where r.operation_id = :op and r.position = c.position
              and r.position > :after and r.position <= (select max(m.position) from chunk m)
            returning r.position
            """;

    /** Puts back the previous values of leads nobody changed since the operation ({@code updated_at} unmoved). */
    static final String UNDO_CHUNK = CHUNK + """
            , original as (
              select c.lead_id, o.previous, o.applied_at from chunk c
              join bulk_result o on o.operation_id = :undoOf and o.position = c.position
            ), reverted as (
              update lead l
              set status = case when p.previous -> 'status' is not null then p.previous ->> 'status' else l.status end,
                  source = case when p.previous -> 'source' is not null then p.previous ->> 'source' else l.source end,
                  custom = case when p.previous -> 'custom' is not null then p.previous -> 'custom' else l.custom end,
                  owner_id = case when p.previous -> 'ownerId' is not null then (p.previous ->> 'ownerId')::bigint
                                  else l.owner_id end,
                  updated_at = now()
              from original p
              where l.id = p.lead_id and l.deleted_at is null and l.updated_at = p.applied_at
                and (:all or l.owner_id = :actor)
              returning l.id
            )
            update bulk_result r
            set result = case when v.id is not null then 'RESTORED' else 'CHANGED_SINCE' end,
                message = case when v.id is null then 'was changed or deleted after the operation, so it was left as it is'
                          end
            from chunk c left join reverted v on v.id = c.lead_id
            where r.operation_id = :op and r.position = c.position
              and r.position > :after and r.position <= (select max(m.position) from chunk m)
            returning r.position
            """;

    private static final String DRY_RUN_FROM = """
            from bulk_result c left join lead l on l.id = c.lead_id and (:all or l.owner_id = :actor)
            where r.operation_id = :op and r.result = 'PENDING'
              and c.operation_id = r.operation_id and c.position = r.position
            """;

    static final String UPDATE_DRY_RUN = sql("""
            update bulk_result r
            set result = case when l.id is null or l.deleted_at is not null then 'NOT_FOUND'
                              when {differs} then 'UPDATED' else 'UNCHANGED' end,
                message = case when l.id is null or l.deleted_at is not null then 'is no longer a live lead'
                               when {differs} then 'would be updated (dry run)' else 'already has these values' end
            """ + DRY_RUN_FROM);

    static final String ASSIGN_DRY_RUN = """
            update bulk_result r
            set result = case when l.id is null or l.deleted_at is not null then 'NOT_FOUND'
                              when l.owner_id is distinct from :owner then 'ASSIGNED' else 'UNCHANGED' end,
                message = case when l.id is null or l.deleted_at is not null then 'is no longer a live lead'
                               when l.owner_id is distinct from :owner then 'would be assigned (dry run)'
                               else 'already has this owner' end
            """ + DRY_RUN_FROM;

    static final String DELETE_DRY_RUN = """
            update bulk_result r
            set result = case when l.id is null or l.deleted_at is not null then 'NOT_FOUND' else 'DELETED' end,
                message = case when l.id is null or l.deleted_at is not null then 'is no longer a live lead'
                               else 'would be deleted (dry run)' end
            """ + DRY_RUN_FROM;

    static final String RESTORE_DRY_RUN = """
            update bulk_result r
            set result = case when l.id is null or l.deleted_at is null then 'NOT_FOUND'
                              when exists (select 1 from lead x where x.deleted_at is null
                                             and lower(x.email) = lower(l.email)) then 'CONFLICT'
                              else 'RESTORED' end,
                message = case when l.id is null or l.deleted_at is null then 'is no longer in the recycle bin'
                               when exists (select 1 from lead x where x.deleted_at is null
                                              and lower(x.email) = lower(l.email))
                                 then 'a live lead already has the email ' || l.email
                               else 'would be restored (dry run)' end
            """ + DRY_RUN_FROM;
}
