-- Staff in WeChat: invitations the DMO issues (a code works once, until it expires), the WeChat users they made
-- merchant staff (one merchant) or gate staff (one attraction), who let a ticket in, and the audit log of every
-- staff action.
CREATE TABLE staff_invitations (
  code text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('merchant', 'gate')),
  scope_id text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_by text REFERENCES users (id),
  used_at timestamptz
);

CREATE TABLE staff (
  user_id text PRIMARY KEY REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('merchant', 'gate')),
  scope_id text NOT NULL,
  bound_at timestamptz NOT NULL,
  revoked_at timestamptz
);

ALTER TABLE tickets ADD COLUMN used_at timestamptz;
ALTER TABLE tickets ADD COLUMN used_by text REFERENCES users (id);
-- Today's check-ins of an attraction's products.
CREATE INDEX tickets_used_at ON tickets (used_at) WHERE used_at IS NOT NULL;

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
