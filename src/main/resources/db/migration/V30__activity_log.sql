-- The activity and audit trail: one row per event (an operation starting or ending, a sign-in, a refused request,
-- a user change). Rows are never changed; an operation's current state is its newest row.
create table activity_entry (
  id bigint generated always as identity primary key,
  recorded_at timestamptz not null,
  category text not null check (category in ('OPERATION', 'SECURITY')),
  type text not null,
  operation_id text not null,
  status text not null,
  actor_id bigint,
  actor_username text,
  started_at timestamptz,
  finished_at timestamptz,
  parameters jsonb not null default '{}'::jsonb,
  total bigint not null default 0,
  processed bigint not null default 0,
  created bigint not null default 0,
  updated bigint not null default 0,
  skipped bigint not null default 0,
  failed bigint not null default 0,
  duration_ms bigint,
  rows_per_second double precision,
  error_summary text,
  links jsonb not null default '{}'::jsonb,
  -- File names, user name and error message in lower case: what the activity search (q) looks through.
  search_text text not null default ''
);

-- Activity list newest first, and its date range filter.
create index activity_entry_recorded_idx on activity_entry (recorded_at, id);
-- "Latest entry of this operation" (the list shows one row per operation) and the detail view.
create index activity_entry_operation_idx on activity_entry (type, operation_id, id);
-- A REP's own activity.
create index activity_entry_actor_idx on activity_entry (actor_id, id);
-- Free-text search q (LIKE '%term%') over file names, user names and error messages.
create index activity_entry_search_idx on activity_entry using gin (search_text gin_trgm_ops);

-- Append-only at the database: updates, deletes and truncates are refused, except deletes made by the retention
-- purge, which sets the transaction-local setting leadport.purge = on.
create function activity_entry_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('leadport.purge', true) = 'on' then
    return old;
  end if;
  raise exception 'The activity log is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger activity_entry_no_change before update or delete on activity_entry
  for each row execute function activity_entry_append_only();
create trigger activity_entry_no_truncate before truncate on activity_entry
  for each statement execute function activity_entry_append_only();
