-- Every mail Leadport sends goes through this outbox first, so a job never waits for or fails on SMTP. A
-- db-scheduler task sends PENDING mails with retries; without SMTP configured mails stay HELD for the UI.
create table mail_outbox (
  id bigint generated always as identity primary key,
  created_at timestamptz not null,
  -- Whose mail it is: the user it is about (the actor or a schedule's owner); decides who sees it in the outbox.
  user_id bigint references app_user (id),
  recipient text not null,
  subject text not null,
  body text not null,
  -- A stored_file to attach; no foreign key, as files expire on their own retention.
  attachment_file_id uuid,
  attachment_name text,
  status text not null check (status in ('PENDING', 'HELD', 'SENT', 'FAILED')),
  attempts int not null default 0,
  last_attempt_at timestamptz,
  last_error text,
  sent_at timestamptz,
  operation_type text,
  operation_id text
);

-- The outbox list: a user's own mails newest first (ADMINs page over the primary key).
create index mail_outbox_user_idx on mail_outbox (user_id, id);
