-- WeChat for real: what WeChat Pay reported for each paid order, in place of the development sandbox's table, and the
-- visit-day reminders users subscribed to.

-- One row per order WeChat Pay took money for: the charge (the destination's currency on Global, CNY domestic),
-- what the payer paid in CNY and, on Global, WeChat's rate ×10^8. Transaction ids are unique across orders.
CREATE TABLE payments (
  order_id text PRIMARY KEY REFERENCES orders (id),
  transaction_id text NOT NULL UNIQUE,
  amount bigint NOT NULL CHECK (amount >= 0),
  currency text NOT NULL,
  payer_total bigint,
  payer_currency text,
  rate bigint,
  paid_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL,
  -- When the platform was told the goods were delivered (upload_shipping_info): it holds the funds until then.
  shipping_uploaded_at timestamptz
);

-- The sandbox's payments were never money: the orders they paid keep their history and state.
DROP TABLE sandbox_payments;

-- The sandbox's notification job is gone: a pending one would name a handler that no longer exists.
DELETE FROM jobs WHERE kind = 'payment.notify';

-- A visit-day reminder the user accepted (one subscribe message per order): when it is due, and what became of it.
CREATE TABLE reminders (
  order_id text PRIMARY KEY REFERENCES orders (id),
  template_id text NOT NULL,
  send_at timestamptz NOT NULL,
  sent_at timestamptz,
  -- sent, refused (WeChat: the user's subscription is used up or withdrawn), or void (the order was refunded).
  outcome text CHECK (outcome IN ('sent', 'refused', 'void'))
);
