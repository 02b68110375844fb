-- Export schedules: which leads (filter, fields, format), when (recurrence in a time zone) and to whom.
create table export_schedule (
  id bigint generated always as identity primary key,
  owner_id bigint not null references app_user (id),
  name text not null,
  filter jsonb not null,
  fields jsonb not null,
  format text not null check (format in ('CSV', 'XLSX')),
  recurrence_type text not null check (recurrence_type in ('DAILY', 'WEEKLY', 'MONTHLY', 'CRON')),
  at_time time,
  days_of_week text,
  day_of_month int,
  cron text,
  time_zone text not null,
  recipients jsonb not null default '[]'::jsonb,
  paused boolean not null default false,
  next_run_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- A user's own schedules.
create index export_schedule_owner_idx on export_schedule (owner_id, id);

-- One row per occurrence; the unique key makes a re-delivered occurrence update its row rather than run twice.
create table export_schedule_run (
  id bigint generated always as identity primary key,
  schedule_id bigint not null references export_schedule (id) on delete cascade,
  scheduled_for timestamptz not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  status text not null check (status in ('RUNNING', 'RETRYING', 'COMPLETED', 'FAILED')),
  attempts int not null default 1,
  row_count bigint,
  file_id uuid,
  file_name text,
  file_size bigint,
  delivery text check (delivery in ('ATTACHMENT', 'LINK', 'NONE')),
  error text,
  constraint export_schedule_run_once unique (schedule_id, scheduled_for)
);
