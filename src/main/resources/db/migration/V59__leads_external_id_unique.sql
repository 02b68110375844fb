-- One lead per external id, counting the recycle bin too (so restoring a lead never collides with a live one), and
-- the index every lookup by external id uses: the filter externalId=, the search q, an import matching by it.
-- CONCURRENTLY: built without holding a write lock on a big lead table; Flyway runs this file outside a transaction.
create unique index concurrently if not exists lead_external_id_key on lead (external_id) where external_id is not null;
