-- A lead's history: what bulk operations did to it. lead_id is written once when the results are listed, so the
-- results' later updates stay HOT.
create index bulk_result_lead_idx on bulk_result (lead_id) where lead_id is not null;
