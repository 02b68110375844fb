-- The source filter matches a case-insensitive prefix (lower(source) like 'web%'), which lead_source_prefix_idx
-- serves for equality as well; nothing sorts or filters by the plain lower(source) order any more. One index fewer
-- is one index fewer to write for every lead an import creates.
drop index if exists lead_source_idx;
