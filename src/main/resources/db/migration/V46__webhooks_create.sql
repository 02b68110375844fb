-- Webhook endpoints an ADMIN registers, and the outbox of deliveries to them (WebhookDeliveries).
create table webhook_endpoint (
  id bigserial primary key,
  url text not null,
  -- The HMAC key deliveries are signed with; the receiver holds a copy.
  secret text not null,
  events text[] not null,
  created_by bigint not null references app_user (id),
  created_at timestamptz not null
);

create table webhook_delivery (
  id bigserial primary key,
  endpoint_id bigint not null references webhook_endpoint (id) on delete cascade,
  event text not null,
  operation_type text not null,
  operation_id text not null,
  payload text not null,
  status text not null,
  attempts int not null default 0,
  last_status_code int,
  last_error text,
  last_attempt_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null
);

-- The delivery log of one endpoint, newest first.
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, id desc);
