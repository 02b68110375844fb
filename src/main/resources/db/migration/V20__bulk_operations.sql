-- One bulk update, assign, delete, restore or undo: what was asked, by whom, and how far it got.
create table bulk_operation (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('UPDATE', 'ASSIGN', 'DELETE', 'RESTORE', 'UNDO')),
  status text not null,
  actor_id bigint not null references app_user (id),
  dry_run boolean not null default false,
  -- The changes, new owner or undone operation, as the API received them (checked).
  request jsonb not null default '{}'::jsonb,
  requested int not null,
  -- Checkpoint: results up to this position are final, so a restarted job resumes after it.
  processed int not null default 0,
  undo_of bigint references bulk_operation (id),
  undone_by bigint references bulk_operation (id),
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);

-- Operations of one user, newest first.
create index bulk_operation_actor_idx on bulk_operation (actor_id, id);

-- The outcome per requested id, in request order; PENDING until the chunk holding it ran.
create table bulk_result (
  operation_id bigint not null references bulk_operation (id) on delete cascade,
  position int not null,
  lead_ref text not null,
  lead_id bigint,
  result text not null,
  message text,
  -- Values before the change (status, source, custom or owner_id) for undo.
  previous jsonb,
  -- The lead's updated_at right after the change; undo skips leads whose updated_at moved on since.
  applied_at timestamptz,
  primary key (operation_id, position)
);

-- Purge of the recycle bin looks for leads deleted before the cut-off.
create index lead_deleted_idx on lead (deleted_at) where deleted_at is not null;
