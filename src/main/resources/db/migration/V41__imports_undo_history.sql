-- When an undo put a lead back as it was before the import, and who undid it: the lead's history shows the undo.
alter table import_lead_change add column undone_at timestamptz, add column undone_by bigint;

-- A lead's history: what imports did to it.
create index import_lead_change_lead_idx on import_lead_change (lead_id);
