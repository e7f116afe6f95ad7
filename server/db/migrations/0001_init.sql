-- The first schema: everything the dev API used to keep in memory. Money is integer minor units beside its currency;
-- instants are timestamptz; days at the destination are `date` (read in the destination's time zone).

CREATE TABLE users (
  id text PRIMARY KEY,
  -- Who WeChat says the person is (code2Session's openid): the only way to reach an existing user.
  openid text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);

CREATE TABLE sessions (
  -- sha256 of the bearer token: a leaked table does not leak live tokens.
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Login codes work once (development's login exchange; WeChat enforces it for real codes).
CREATE TABLE used_login_codes (
  code_hash text PRIMARY KEY,
  used_at timestamptz NOT NULL
);

-- Published content: one row per record of a content file, the whole set replaced in one transaction.
CREATE TABLE content_records (
  kind text NOT NULL,
  id text NOT NULL,
  position integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (kind, id)
);

CREATE TABLE content_assets (
  path text PRIMARY KEY,
  media_type text NOT NULL,
  bytes bytea NOT NULL
);

-- One row: bumped on every content change so each instance knows its cache is stale.
CREATE TABLE content_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Places taken per product-day by live orders (unpaid within expiry, paid, fulfilled). The capacity comes from the
-- content's calendar rules; the conditional UPDATE in orders/inventory.ts never lets held exceed it.
CREATE TABLE stock (
  product_id text NOT NULL,
  day date NOT NULL,
  held integer NOT NULL DEFAULT 0 CHECK (held >= 0),
  PRIMARY KEY (product_id, day)
);

-- Coupons claimed per offer (the offer's stock is in content) and per person (the offer's per-user limit).
CREATE TABLE offer_claims (
  offer_id text PRIMARY KEY,
  claimed integer NOT NULL DEFAULT 0 CHECK (claimed >= 0)
);
CREATE TABLE user_offer_claims (
  user_id text NOT NULL REFERENCES users (id),
  offer_id text NOT NULL,
  claimed integer NOT NULL CHECK (claimed >= 0),
  PRIMARY KEY (user_id, offer_id)
);

CREATE TABLE quotes (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  plan_id text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  trip_days integer NOT NULL,
  premium bigint NOT NULL,
  currency text NOT NULL,
  per_traveller jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE orders (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('tickets', 'insurance')),
  status text NOT NULL CHECK (
    status IN ('PENDING_PAYMENT', 'PAID', 'FULFILLED', 'REFUNDING', 'REFUNDED', 'CANCELLED', 'EXPIRED')
  ),
  items jsonb NOT NULL,
  currency text NOT NULL,
  subtotal bigint NOT NULL,
  discount bigint NOT NULL,
  total bigint NOT NULL CHECK (total >= 0),
  cny_currency text NOT NULL,
  total_cny bigint NOT NULL,
  coupon_id text,
  contact jsonb NOT NULL,
  -- Places this order takes of each product-day while holds_stock (people, not tickets).
  holds_stock boolean NOT NULL DEFAULT false,
  quote_id text REFERENCES quotes (id),
  policy_draft jsonb,
  prepay_id text,
  prepay_valid_until timestamptz,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX orders_by_user ON orders (user_id, created_at DESC);
CREATE INDEX orders_due_expiry ON orders (expires_at) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE order_history (
  order_id text NOT NULL REFERENCES orders (id),
  seq integer NOT NULL,
  status text NOT NULL,
  at timestamptz NOT NULL,
  PRIMARY KEY (order_id, seq)
);

CREATE TABLE idempotency_keys (
  user_id text NOT NULL,
  operation text NOT NULL,
  key text NOT NULL,
  -- sha256 of the request's canonical form: the same key with another body is a conflict.
  fingerprint text NOT NULL,
  resource_id text NOT NULL,
  status integer NOT NULL,
  response jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, operation, key)
);

CREATE TABLE coupons (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  offer_id text NOT NULL,
  code text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('unused', 'used', 'expired')),
  claimed_at timestamptz NOT NULL,
  used_at timestamptz,
  -- The unpaid order a ticket_checkout coupon is applied to.
  reserved_by text REFERENCES orders (id),
  terms jsonb NOT NULL
);
CREATE INDEX coupons_by_user ON coupons (user_id, claimed_at DESC);
CREATE UNIQUE INDEX coupons_one_reservation ON coupons (reserved_by) WHERE reserved_by IS NOT NULL;

CREATE TABLE policies (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  order_id text NOT NULL UNIQUE REFERENCES orders (id),
  quote_id text NOT NULL REFERENCES quotes (id),
  plan_id text NOT NULL,
  policy_number text NOT NULL UNIQUE,
  start_date date NOT NULL,
  end_date date NOT NULL,
  insured jsonb NOT NULL,
  holder jsonb NOT NULL,
  premium bigint NOT NULL,
  currency text NOT NULL,
  terms_version text NOT NULL,
  issued_at timestamptz NOT NULL,
  cancelled_at timestamptz
);
CREATE INDEX policies_by_user ON policies (user_id, issued_at DESC);
-- One policy in force per quote: buying the same quote twice would insure the same people for the same trip twice.
CREATE UNIQUE INDEX policies_one_per_quote ON policies (quote_id) WHERE cancelled_at IS NULL;

CREATE TABLE tickets (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  order_id text NOT NULL REFERENCES orders (id),
  -- Which unit of which order item: a ticket is issued once however often the order is fulfilled.
  item_index integer NOT NULL,
  unit integer NOT NULL,
  product_id text NOT NULL,
  title jsonb NOT NULL,
  ticket_type_id text NOT NULL,
  holder_type text NOT NULL,
  code text NOT NULL UNIQUE,
  qr_payload text NOT NULL,
  visit_date date NOT NULL,
  valid_until date NOT NULL,
  status text NOT NULL CHECK (status IN ('valid', 'used', 'refunded', 'expired')),
  UNIQUE (order_id, item_index, unit)
);
CREATE INDEX tickets_by_user ON tickets (user_id, visit_date);
CREATE INDEX tickets_valid_by_day ON tickets (valid_until) WHERE status = 'valid';

CREATE TABLE refunds (
  id text PRIMARY KEY,
  -- One refund per order (the whole order is refunded).
  order_id text NOT NULL UNIQUE REFERENCES orders (id),
  amount bigint NOT NULL,
  currency text NOT NULL,
  status text NOT NULL CHECK (status IN ('PROCESSING', 'SUCCESS')),
  reason text NOT NULL,
  requested_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  completed_at timestamptz
);
CREATE INDEX refunds_due ON refunds (due_at) WHERE status = 'PROCESSING';

-- Payments the provider reported; the notification id is unique so a redelivery changes nothing.
CREATE TABLE payment_notifications (
  id text PRIMARY KEY,
  order_id text NOT NULL REFERENCES orders (id),
  received_at timestamptz NOT NULL
);

-- What the development sandbox's WeChat Pay knows: the orders its sheet said "Pay" for.
CREATE TABLE sandbox_payments (
  order_id text PRIMARY KEY REFERENCES orders (id),
  paid_at timestamptz NOT NULL
);

-- Work that must happen later and survive a restart; taken FOR UPDATE SKIP LOCKED by any instance and deleted
-- in the same transaction as its effects.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  key text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  UNIQUE (kind, key)
);
CREATE INDEX jobs_due ON jobs (run_at);
