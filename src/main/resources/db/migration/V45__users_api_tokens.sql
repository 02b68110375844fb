-- Personal API tokens (ApiTokens). Only the SHA-256 of the secret is kept; the secret is shown once, at creation.
create table api_token (
  id bigserial primary key,
  user_id bigint not null references app_user (id),
  name text not null,
  -- The first characters of the secret ("lp_Ab12Cd"), so a user can tell their tokens apart.
  hint text not null,
  token_hash text not null unique,
  scopes text[] not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz,
  last_used_address text
);

-- Settings lists a user's tokens.
create index api_token_user_idx on api_token (user_id, created_at desc);

-- Addresses each token was used from, so a use from a new one is audited once.
create table api_token_address (
  token_id bigint not null references api_token (id) on delete cascade,
  address text not null,
  first_seen_at timestamptz not null,
  primary key (token_id, address)
);
