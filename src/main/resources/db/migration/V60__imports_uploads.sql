-- An upload stored once (its bytes in stored_file, kept as long as the file's retention) that later dry runs and the
-- import refer to by id instead of sending the file again.
create table import_upload (
  id uuid primary key,
  file_id uuid not null references stored_file (id) on delete cascade,
  file_name text not null,
  file_size bigint not null,
  owner_id bigint not null references app_user (id) on delete cascade,
  headers jsonb not null,
  total_rows bigint,
  -- Bumped by every edit, dropped row and replace rule: a check made at an older version no longer tells the truth.
  changes_version int not null default 0,
  created_at timestamptz not null default now()
);

-- A dry run of an upload, run at once for a small file or as a job of the job engine for a large one; its progress
-- and its result (the report, and the plan's counts a change of duplicate mode recomputes from) live here, so any
-- node can answer a poll, run the job or cancel it.
create table import_upload_check (
  id bigserial primary key,
  upload_id uuid not null references import_upload (id) on delete cascade,
  created_by bigint not null references app_user (id) on delete cascade,
  -- The mapping, options and changes version the check ran with; the duplicate mode is left out on purpose.
  fingerprint text not null,
  request jsonb not null,
  duplicate_mode text not null,
  status text not null default 'QUEUED',
  checked_rows bigint not null default 0,
  total_rows bigint,
  cancel_requested boolean not null default false,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  report jsonb,
  plan jsonb,
  -- The mapping and options as they took effect (saved value maps, detected date order), to check an edited row alone.
  settings jsonb,
  error_message text
);

-- Finds the newest finished check of the same mapping and options, which a change of duplicate mode re-uses.
create index import_upload_check_fingerprint_idx on import_upload_check (upload_id, fingerprint, id desc);

-- The upload an import was started from, whose edits the import and its error report apply.
alter table import_job add column upload_id uuid references import_upload (id) on delete set null;
