-- When an undo put a lead back as it was before the import, who undid it, and the values the import had set
-- (the lead as the undo found it): the lead's history shows the import's change and the undo with both sides.
alter table import_lead_change
  add column undone_at timestamptz,
  add column undone_by bigint,
  add column after jsonb;

-- A lead's history: what imports did to it.
create index import_lead_change_lead_idx on import_lead_change (lead_id);
