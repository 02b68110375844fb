-- A bulk request stores one result row per listed id, in the same transaction that creates its operation, and
-- operations are never deleted. The foreign key's per-row check cost about a third of inserting 100,000 results
-- (measured with 100,000 unknown ids), for an integrity the repository already guarantees.
alter table bulk_result drop constraint bulk_result_operation_id_fkey;
