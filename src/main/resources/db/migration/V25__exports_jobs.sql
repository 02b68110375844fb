-- A background export: what was asked, by whom, how far it got, and the stored file once written.
create table export_job (
  id bigint generated always as identity primary key,
  actor_id bigint not null references app_user (id),
  status text not null,
  -- Filter, fields, format, BOM, header style and neutralisation, as the API received them (checked).
  request jsonb not null,
  -- Leads the filter selected when the job started; rows_written grows while the file is written.
  total bigint,
  rows_written bigint not null default 0,
  -- The file stays the export's until its retention passes; the job keeps its record without it.
  file_id uuid references stored_file (id) on delete set null,
  file_name text,
  file_size bigint,
  expires_at timestamptz,
  error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);

-- A user's export jobs, newest first.
create index export_job_actor_idx on export_job (actor_id, id);
