-- Changes to one lead that no import or bulk operation records: creates, edits and deletes through the API or the
-- lead page. Together with import_lead_change and bulk_result they make up the lead's history.
create table lead_change (
  id bigint generated always as identity primary key,
  lead_id bigint not null,
  kind text not null check (kind in ('CREATED', 'EDITED', 'DELETED')),
  actor_id bigint references app_user (id),
  changed_at timestamptz not null default now(),
  -- The fields that changed, by their API names (custom fields as custom.<key>); a create has no before.
  before jsonb,
  after jsonb
);

-- A lead's history, oldest first.
create index lead_change_lead_idx on lead_change (lead_id, id);

-- The leads list sorted by a column: each index holds the sort key and the id, so keyset paging in either direction
-- is one index scan. Name, email and company sort case-insensitively with empty values first.
create index lead_sort_name_idx on lead (lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), id)
  where deleted_at is null;
create index lead_sort_email_idx on lead (lower(coalesce(email, '')), id) where deleted_at is null;
create index lead_sort_company_idx on lead (lower(coalesce(company, '')), id) where deleted_at is null;
-- Source filter by case-insensitive prefix (LIKE 'web%'), independent of the database's collation.
create index lead_source_prefix_idx on lead (lower(source) text_pattern_ops, id) where deleted_at is null;
