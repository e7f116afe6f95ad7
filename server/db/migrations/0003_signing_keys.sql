-- The keys that sign QR codes (e-tickets, coupons). The newest key not retired signs; a retired key still verifies
-- for a grace period, so codes already on phones (offline wallets) keep working across a rotation. Ticket codes are
-- signed when read, so the stored payload goes.
CREATE TABLE signing_keys (
  kid text PRIMARY KEY,
  private_key text NOT NULL,
  public_key text NOT NULL,
  created_at timestamptz NOT NULL,
  retired_at timestamptz
);

ALTER TABLE tickets DROP COLUMN qr_payload;
