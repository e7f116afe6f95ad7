// The session token: wx.login -> POST /v1/auth/session. One login at a time, however many callers need it.
import { envConfig } from '../config/env';
import { defineKey, read, remove, write } from './storage';
import { send } from './transport';
import { fail, ok, type Result } from './result';

interface Session {
  token: string;
  expiresAt: string;
}

const sessionKey = defineKey<Session>('session', 1, { encrypt: true });
let current: Session | undefined;
let loaded = false;
let inFlight: Promise<Result<string>> | undefined;

function wxLoginCode(): Promise<string | undefined> {
  return new Promise((resolve) => {
    wx.login({ success: (res) => resolve(res.code || undefined), fail: () => resolve(undefined) });
  });
}

async function exchange(): Promise<Result<string>> {
  const code = await wxLoginCode();
  if (!code) return fail({ kind: 'auth', code: 'LOGIN_FAILED' });
  const res = await send({
    url: `${envConfig().apiBaseUrl}/v1/auth/session`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: { code },
    timeoutMs: 10000,
  });
  if (res.kind === 'network') return fail({ kind: 'network', reason: res.reason });
  const data = res.data as Partial<Session> | undefined;
  // A server outage is not a refused login: the user is told the service is down, not to sign in again.
  if (res.status >= 500)
    return fail({ kind: 'http', status: res.status, code: `HTTP_${res.status}`, message: '' });
  if (res.status !== 201 && res.status !== 200) return fail({ kind: 'auth', code: 'SESSION_REJECTED' });
  if (!data || typeof data.token !== 'string' || typeof data.expiresAt !== 'string') {
    return fail({ kind: 'decode', path: 'session' });
  }
  current = { token: data.token, expiresAt: data.expiresAt };
  await write(sessionKey, current);
  return ok(current.token);
}

/** The token if one is held (loaded from storage on first use); never logs in. */
export async function currentToken(): Promise<string | undefined> {
  if (!loaded) {
    loaded = true;
    current = current ?? (await read(sessionKey));
  }
  return current?.token;
}

/**
 * A fresh session. `staleToken` is the token a 401 came back for: if another caller has already replaced it,
 * the new one is returned without a second login.
 */
export async function renewSession(staleToken?: string): Promise<Result<string>> {
  const token = await currentToken();
  if (token && token !== staleToken) return ok(token);
  if (!inFlight) {
    inFlight = exchange().finally(() => {
      inFlight = undefined;
    });
  }
  return inFlight;
}

export async function ensureSession(): Promise<Result<string>> {
  const token = await currentToken();
  return token ? ok(token) : renewSession();
}

export async function signOut(): Promise<void> {
  current = undefined;
  await remove(sessionKey);
}
