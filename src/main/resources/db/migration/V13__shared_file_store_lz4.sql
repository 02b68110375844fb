-- Stored files are mostly CSV text: lz4 compresses it about as well as the default pglz at a fraction of the CPU,
-- which an import pays twice (storing the upload, reading it back). Only new chunks are affected. A server built
-- without lz4 keeps pglz.
do $$
begin
  alter table stored_file_chunk alter column data set compression lz4;
exception when feature_not_supported then
  raise notice 'lz4 is not available on this server; stored files keep the default compression';
end $$;
