-- Failed sign-ins per username and client address within the current window (LoginThrottle). Shared by all nodes,
-- so a guesser gets the allowance once, whichever node answers; rows of ended windows are deleted as failures come.
create table login_failure (
  key text primary key,
  failures int not null,
  window_start timestamptz not null
);

create index login_failure_window_idx on login_failure (window_start);
