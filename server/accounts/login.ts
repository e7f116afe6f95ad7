// Who a login code belongs to. Only this exchange names a user: WeChat's code2Session (the simulator's in
// development and tests), or, where no WeChat is configured, a stand-in that maps the code to a development
// openid and never to a user id.
import { createHash, randomBytes } from 'crypto';
import { ApiError } from '../core/errors';
import type { Deps } from '../context';
import { WeChatApiError, type WeChatApiClient } from '../wechat/api-client';

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

/** WeChat's answers to code2Session, as the contract's errors. */
function loginError(error: WeChatApiError): ApiError {
  switch (error.errcode) {
    case 40029:
      return new ApiError(401, 'CODE_INVALID', 'This login code is not valid.');
    case 40163:
      return new ApiError(401, 'CODE_USED', 'This login code was already used.');
    case 45011:
      return new ApiError(429, 'RATE_LIMITED', 'Too many logins; try again in a minute.', {
        retryAfterSeconds: 60,
      });
    case 40226:
      return new ApiError(403, 'USER_BLOCKED', 'WeChat does not allow this user to sign in.');
    default:
      // -1 (WeChat busy), no answer, or the server's own appid/secret refused (40013, 40125): not the user's doing.
      return new ApiError(503, 'LOGIN_UNAVAILABLE', 'WeChat login is not answering; try again in a moment.');
  }
}

/** code2Session: the code is WeChat's to judge (valid five minutes, once). */
export function wechatLogin(client: WeChatApiClient): LoginExchange {
  return async (_deps, code) => {
    try {
      return { openid: (await client.code2Session(code)).openid };
    } catch (error) {
      if (error instanceof WeChatApiError) throw loginError(error);
      throw error;
    }
  };
}

/** Production without WeChat configured: no code names anyone, so no one can sign in as someone else. */
export const loginNotConfigured: LoginExchange = async () => {
  throw new ApiError(503, 'LOGIN_NOT_CONFIGURED', 'WeChat login is not configured on this server.');
};
