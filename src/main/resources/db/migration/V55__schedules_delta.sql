-- Delta schedules: each run exports only the leads created or changed since the last run that delivered, and lists
-- the leads deleted since in a second file (ScheduleRepository.safeWatermark explains the watermark).
alter table export_schedule
  add column delta boolean not null default false,
  -- Where the next delta run starts; moved only when a run delivered, null until the first one did.
  add column delta_since timestamptz;

alter table export_schedule_run
  -- The watermark this run exported from (null: every lead).
  add column changed_since timestamptz,
  add column deleted_count bigint,
  add column deleted_file_id uuid,
  add column deleted_file_name text;
