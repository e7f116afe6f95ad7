// Sessions: the server's own bearer token for a user, after the login exchange says who they are. Only a hash of
// the token is stored.
import { randomBytes } from 'crypto';
import type { components } from '../../typings/api';
import { newId } from '../core/ids';
import { iso, type Deps } from '../context';
import { sha256, type LoginExchange } from './login';

type Session = components['schemas']['Session'];

export const DEFAULT_SESSION_TTL_MS = 2 * 60 * 60 * 1000;

export async function createSession(deps: Deps, exchange: LoginExchange, code: string): Promise<Session> {
  const { openid } = await exchange(deps, code);
  const now = deps.now();
  const token = randomBytes(24).toString('base64url');
  const expiresAt = now + deps.options.sessionTtlMs;
  const userId = await deps.db.transaction(async (tx) => {
    // The conflict update is a no-op that makes RETURNING give the existing user's id.
    const [user] = await tx.query<{ id: string }>(
      `INSERT INTO users (id, openid, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (openid) DO UPDATE SET openid = EXCLUDED.openid RETURNING id`,
      [newId('u'), openid, new Date(now)],
    );
    await tx.query(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [sha256(token), user!.id, new Date(now), new Date(expiresAt)],
    );
    return user!.id;
  });
  return { token, userId, expiresAt: iso(expiresAt) };
}

/** The user of a live token, else undefined (unknown and expired tokens alike). */
export async function userOfToken(
  deps: Deps,
  authorization: string | undefined,
): Promise<string | undefined> {
  const token = /^Bearer (\S{1,200})$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) return undefined;
  const [row] = await deps.db.query<{ user_id: string }>(
    'SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > $2',
    [sha256(token), new Date(deps.now())],
  );
  return row?.user_id;
}
