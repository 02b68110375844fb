-- One line per problem of a kept row of an upload's problem index: the review grid's filters and its counts per
-- column and per reason read this narrow table through its indexes instead of unpacking every row's JSON.
create table import_upload_problem (
  upload_id uuid not null references import_upload (id) on delete cascade,
  row_number bigint not null,
  -- The column's header; '' for a problem of the whole row (a ragged row).
  column_name text not null,
  reason text not null
);

-- Serves the filter by column in row order (a page without a sort) and the rows with a problem per column.
create index import_upload_problem_column_idx on import_upload_problem (upload_id, column_name, row_number);

-- Serves the filter by reason alone and the rows with a problem per reason.
create index import_upload_problem_reason_idx on import_upload_problem (upload_id, reason, row_number);
