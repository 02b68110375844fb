-- Files every node can read: uploads waiting to be imported, error reports, stored exports.
create table stored_file (
  id uuid primary key,
  name text not null,
  content_type text not null,
  size bigint not null default 0,
  owner_id bigint,
  created_at timestamptz not null default now(),
  expires_at timestamptz
);

create table stored_file_chunk (
  file_id uuid not null references stored_file (id) on delete cascade,
  seq int not null,
  data bytea not null,
  primary key (file_id, seq)
);

-- Serves the retention purge.
create index stored_file_expires_idx on stored_file (expires_at) where expires_at is not null;
