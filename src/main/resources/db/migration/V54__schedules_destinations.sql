-- Scheduled exports delivered to an SFTP server or an HTTPS URL besides mail (DestinationRules).
-- destination holds what the API shows; destination_secrets the passwords, keys and header values, which no answer
-- or log line ever holds.
alter table export_schedule
  add column destination jsonb,
  add column destination_secrets jsonb;

alter table export_schedule_run
  drop constraint export_schedule_run_delivery_check,
  add constraint export_schedule_run_delivery_check
    check (delivery in ('ATTACHMENT', 'LINK', 'NONE', 'SFTP', 'HTTPS')),
  -- Where the destination put the files, e.g. sftp://user@host:22/incoming (no secrets).
  add column delivered_to text;
