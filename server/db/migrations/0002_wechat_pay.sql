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

-- Refunds go to WeChat Pay: its refund id, and the outcomes it reports. The sandbox's refunds due at a time are
-- completed here as the sandbox would have completed them.
ALTER TABLE refunds ADD COLUMN refund_id text;
ALTER TABLE refunds DROP CONSTRAINT refunds_status_check;
ALTER TABLE refunds ADD CONSTRAINT refunds_status_check CHECK (status IN ('PROCESSING', 'SUCCESS', 'ABNORMAL', 'CLOSED'));
INSERT INTO order_history (order_id, seq, status, at)
  SELECT o.id, (SELECT max(h.seq) + 1 FROM order_history h WHERE h.order_id = o.id), 'REFUNDED', r.due_at
  FROM orders o JOIN refunds r ON r.order_id = o.id WHERE o.status = 'REFUNDING';
UPDATE orders SET status = 'REFUNDED' WHERE status = 'REFUNDING';
UPDATE refunds SET status = 'SUCCESS', completed_at = due_at WHERE status = 'PROCESSING';
ALTER TABLE refunds ALTER COLUMN due_at DROP NOT NULL;
DROP INDEX refunds_due;
DELETE FROM jobs WHERE kind = 'refund.complete';
