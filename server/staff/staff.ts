// Staff accounts: the DMO issues an invitation for one merchant or one attraction (a POI); the WeChat user who
// enters it first becomes that merchant's or attraction's staff, until revoked. Every step is audited.
import type { components } from '../../typings/api';
import type { Seed } from '../content/seed';
import { ApiError } from '../core/errors';
import { readableCode } from '../core/ids';
import type { Tx } from '../db/database';
import type { Work } from '../work';
import { audit } from './audit';

type Schemas = components['schemas'];
export type StaffRole = Schemas['StaffProfile']['role'];

export interface Staff {
  userId: string;
  role: StaffRole;
  scopeId: string;
  since: number;
}

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The places a role may be bound to: attractions that sell tickets, merchants of offers. */
export function scopesOf(seed: Seed, role: StaffRole): Map<string, Schemas['LocalizedText']> {
  const scopes = new Map<string, Schemas['LocalizedText']>();
  if (role === 'merchant') {
    for (const { merchant } of seed.offers) if (merchant.poiId) scopes.set(merchant.poiId, merchant.name);
    return scopes;
  }
  for (const { poiId } of seed.products) {
    const poi = seed.pois.find((p) => p.id === poiId);
    if (poi) scopes.set(poi.id, poi.name);
  }
  return scopes;
}

export async function invite(
  tx: Tx,
  seed: Seed,
  at: number,
  actor: string,
  invitation: { role: StaffRole; scopeId: string; ttlMs: number },
): Promise<{ code: string; expiresAt: number }> {
  const { role, scopeId, ttlMs } = invitation;
  const scopes = scopesOf(seed, role);
  if (!scopes.has(scopeId)) {
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `${scopeId} is not a ${role} place; known: ${[...scopes.keys()].join(', ')}.`,
    );
  }
  const code = readableCode(10);
  const expiresAt = at + ttlMs;
  await tx.query(
    `INSERT INTO staff_invitations (code, role, scope_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
    [code, role, scopeId, new Date(at), new Date(expiresAt)],
  );
  await audit(tx, { at, actor, action: 'staff.invite', subject: scopeId, detail: { role, expiresAt } });
  return { code, expiresAt };
}

interface InvitationRow {
  role: StaffRole;
  scope_id: string;
  expires_at: Date;
  used_by: string | null;
}

/** Binds the user with an invitation; binding again with the code they used returns their profile. */
export async function bind(w: Work, userId: string, code: string): Promise<Schemas['StaffProfile']> {
  const [invitation] = await w.tx.query<InvitationRow & Record<string, unknown>>(
    'SELECT role, scope_id, expires_at, used_by FROM staff_invitations WHERE code = $1 FOR UPDATE',
    [code.toUpperCase()],
  );
  if (!invitation) throw new ApiError(404, 'INVITATION_UNKNOWN', 'No such invitation code.');
  if (invitation.used_by === userId) return profile(w, await requireStaff(w, userId));
  if (invitation.used_by !== null) throw new ApiError(409, 'INVITATION_USED', 'This invitation was used.');
  if (invitation.expires_at.getTime() < w.now) {
    throw new ApiError(410, 'INVITATION_EXPIRED', 'This invitation expired; ask for a new one.');
  }
  await w.tx.query('UPDATE staff_invitations SET used_by = $2, used_at = $3 WHERE code = $1', [
    code.toUpperCase(),
    userId,
    new Date(w.now),
  ]);
  await w.tx.query(
    `INSERT INTO staff (user_id, role, scope_id, bound_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (user_id) DO UPDATE SET role = $2, scope_id = $3, bound_at = $4, revoked_at = NULL`,
    [userId, invitation.role, invitation.scope_id, new Date(w.now)],
  );
  await audit(w.tx, {
    at: w.now,
    actor: userId,
    action: 'staff.bind',
    subject: invitation.scope_id,
    detail: { role: invitation.role },
  });
  return profile(w, { userId, role: invitation.role, scopeId: invitation.scope_id, since: w.now });
}

/** The user's staff role, or 403 NOT_STAFF (never bound, or revoked); `role` narrows to one role. */
export async function requireStaff(w: Work, userId: string, role?: StaffRole): Promise<Staff> {
  const [row] = await w.tx.query<{ role: StaffRole; scope_id: string; bound_at: Date }>(
    'SELECT role, scope_id, bound_at FROM staff WHERE user_id = $1 AND revoked_at IS NULL',
    [userId],
  );
  if (!row || (role !== undefined && row.role !== role)) {
    throw new ApiError(403, 'NOT_STAFF', role ? `Only ${role} staff may do this.` : 'Not staff.');
  }
  return { userId, role: row.role, scopeId: row.scope_id, since: row.bound_at.getTime() };
}

export async function revoke(tx: Tx, at: number, actor: string, userId: string): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE staff SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING 1',
    [userId, new Date(at)],
  );
  if (rows.length > 0) await audit(tx, { at, actor, action: 'staff.revoke', subject: userId });
  return rows.length > 0;
}

export function profile(w: Work, staff: Staff): Schemas['StaffProfile'] {
  return {
    role: staff.role,
    scopeId: staff.scopeId,
    scopeName: scopesOf(w.seed, staff.role).get(staff.scopeId) ?? {
      'zh-CN': staff.scopeId,
      en: staff.scopeId,
    },
    since: new Date(staff.since).toISOString(),
  };
}
