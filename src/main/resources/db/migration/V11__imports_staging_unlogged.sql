-- Staging rows are scratch space: unlogged, they cost no WAL. If PostgreSQL itself crashes, the table comes back
-- empty; a resumed import then still lands every row exactly once (merged rows are in lead, logged), but reports a
-- later repeat of an earlier chunk's email as an existing lead rather than as a duplicate within the file.
alter table import_staging set unlogged;
