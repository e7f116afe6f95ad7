// Sessions of the dev API: a stand-in for code2Session. Every code works once; a token lives sessionTtlMs.
import { createHash, randomBytes } from 'crypto';
import type { components } from '../typings/api';
import { ApiError } from './types';

type Session = components['schemas']['Session'];

export const DEFAULT_SESSION_TTL_MS = 2 * 60 * 60 * 1000;

/**
 * The tests' fake wx.login hands out `user-<name>-<n>`: the same person logging in again must be the same user, as
 * code2Session would return the same openid. Any other code (e.g. a real one from DevTools) is a new user.
 */
const PERSON_CODE = /^user-(.+)-[^-]+$/;

export class SessionStore {
  private readonly usedCodes = new Set<string>();
  private readonly sessions = new Map<string, { userId: string; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  create(code: string): Session {
    if (this.usedCodes.has(code)) throw new ApiError(401, 'CODE_USED', 'This login code was already used.');
    this.usedCodes.add(code);
    const person = PERSON_CODE.exec(code)?.[1];
    const userId = person === undefined ? `u-${randomBytes(8).toString('hex')}` : `u-${stableId(person)}`;
    const token = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.sessions.set(token, { userId, expiresAt });
    return { token, userId, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The user of a live token, else undefined (unknown and expired tokens alike). */
  userOf(authorization: string | undefined): string | undefined {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (token === undefined) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(token);
      return undefined;
    }
    return session.userId;
  }
}

/** Readable when the name is a plain word (u-alice), hashed otherwise so a userId always fits the Id pattern. */
function stableId(name: string): string {
  return /^[A-Za-z0-9_]{1,40}$/.test(name)
    ? name
    : createHash('sha256').update(name).digest('hex').slice(0, 16);
}
