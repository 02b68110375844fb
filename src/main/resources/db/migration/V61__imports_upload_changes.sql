-- The user's changes to an upload, applied on the fly wherever its rows are read (dry run, import, error report).
-- One edited cell: the value that replaces the file's (column by its index in the header row).
create table import_upload_edit (
  upload_id uuid not null references import_upload (id) on delete cascade,
  row_number bigint not null,
  column_index int not null,
  value text not null,
  primary key (upload_id, row_number, column_index)
);

-- A row the user dropped: never imported, never checked.
create table import_upload_drop (
  upload_id uuid not null references import_upload (id) on delete cascade,
  row_number bigint not null,
  primary key (upload_id, row_number)
);

-- "Replace this value everywhere in this column": kept as a rule, not expanded into one edit per row.
create table import_upload_rule (
  id bigserial primary key,
  upload_id uuid not null references import_upload (id) on delete cascade,
  column_index int not null,
  from_value text not null,
  to_value text not null
);

-- Serves the rules of one upload, in the order they were made.
create index import_upload_rule_upload_idx on import_upload_rule (upload_id, id);

-- The rows with problems of the upload's last check, with the values they were checked with, so the review grid is
-- paged with SQL and an edited row is checked again without reading the file. state: ERROR, WARNING or OK (fixed).
create table import_upload_problem_row (
  upload_id uuid not null references import_upload (id) on delete cascade,
  row_number bigint not null,
  fields jsonb not null,
  state text not null,
  problems jsonb not null,
  dropped boolean not null default false,
  primary key (upload_id, row_number)
);
