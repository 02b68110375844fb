-- A row that lands with a value left out or kept as typed carries a WARNING; the same row can later be reported as a
-- duplicate or fail its match under CREATE, so a row has at most one entry per kind.
alter table import_row_error drop constraint import_row_error_kind_check;
alter table import_row_error add constraint import_row_error_kind_check
  check (kind in ('ERROR', 'DUPLICATE', 'WARNING'));
alter table import_row_error drop constraint import_row_error_pkey;
alter table import_row_error add primary key (import_id, row_number, kind);

-- Rows imported with at least one warning, next to the failed ones.
alter table import_job add column warned_count bigint not null default 0;
