-- Rows an import skipped because their key matched a lead (an existing one, or the lead of an earlier row of the same
-- file), with the lead they matched when the importer may see it. With import_lead_change (created and updated rows)
-- they make the success file; one row per skipped row, written by the chunk's merge in one set-based statement.
create table import_row_skip (
  import_id bigint not null references import_job (id) on delete cascade,
  row_number bigint not null,
  lead_id bigint,
  primary key (import_id, row_number)
);
