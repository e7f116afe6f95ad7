// Who a login code belongs to. Only this exchange names a user: in production WeChat's code2Session (issue: real
// WeChat), in development a stand-in that maps the code to a development openid and never to a user id.
import { createHash, randomBytes } from 'crypto';
import { ApiError } from '../core/errors';
import type { Deps } from '../context';

export interface LoginIdentity {
  openid: string;
}

export type LoginExchange = (deps: Deps, code: string) => Promise<LoginIdentity>;

/**
 * The tests' fake wx.login hands out `user-<name>-<n>`: the same person logging in again must be the same user, as
 * code2Session returns the same openid. Any other code (e.g. a real one from DevTools) is a new person. Every code
 * works once, across instances (a unique row).
 */
const PERSON_CODE = /^user-(.+)-[^-]+$/;

export const developmentLogin: LoginExchange = async (deps, code) => {
  const used = await deps.db.query(
    `INSERT INTO used_login_codes (code_hash, used_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
    [sha256(code), new Date(deps.now())],
  );
  if (used.length === 0) throw new ApiError(401, 'CODE_USED', 'This login code was already used.');
  const person = PERSON_CODE.exec(code)?.[1] ?? randomBytes(12).toString('hex');
  return { openid: developmentOpenid(person) };
};

/** The openid development's exchange gives a person (tests look users up by it). */
export const developmentOpenid = (person: string): string => `dev_${sha256(person).slice(0, 28)}`;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Production until WeChat's code2Session is wired (its own issue): no code names anyone, so no one can sign in
 * as someone else through a stand-in.
 */
export const loginNotConfigured: LoginExchange = async () => {
  throw new ApiError(503, 'LOGIN_NOT_CONFIGURED', 'WeChat login is not configured on this server.');
};
