-- Uploads are deleted when their retention passes; the import's record stays, without its file.
alter table import_job alter column file_id drop not null;
alter table import_job drop constraint import_job_file_id_fkey;
alter table import_job add constraint import_job_file_id_fkey
  foreign key (file_id) references stored_file (id) on delete set null;
