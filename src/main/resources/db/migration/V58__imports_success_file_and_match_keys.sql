-- Rows an import skipped because their key matched a lead (an existing one, or the lead of an earlier row of the same
-- file), with the lead they matched when the importer may see it. With import_lead_change (created and updated rows)
-- they make the success file; one row per skipped row, written by the chunk's merge in one set-based statement.
create table import_row_skip (
  import_id bigint not null references import_job (id) on delete cascade,
  row_number bigint not null,
  lead_id bigint,
  primary key (import_id, row_number)
);

-- The other system's record id (HubSpot's Record ID, a Salesforce Id): shown, searched, filtered, exported, and an
-- import's match key. A nullable column without a default is a catalog change only, however big the table; the
-- length check is NOT VALID so adding it reads no rows (every write is checked from now on, and no row has a value
-- yet). Its unique index is built in V59 without blocking writes.
alter table lead add column external_id text;
alter table lead add constraint lead_external_id_length check (char_length(external_id) <= 255) not valid;

-- What an import matches existing leads by, besides the email: Leadport's own id and the external id.
alter table import_staging add column match_id bigint, add column external_id text,
  add column created_at timestamptz, add column updated_at timestamptz;

-- Earlier rows of the same file with the same id or external id (duplicates within the file for those match keys,
-- and two rows giving one external id to different leads); partial, so a file without them costs nothing.
create index import_staging_match_id_idx on import_staging (import_id, match_id, row_number) where match_id is not null;
create index import_staging_external_id_idx on import_staging (import_id, external_id, row_number)
  where external_id is not null;
