// Typed API calls over transport.ts: statusCode checked, one error model, retries only where safe,
// one shared re-login on 401, shared identical GETs, and stale-while-revalidate for GETs that ask for it.
import { envConfig } from '../config/env';
import { clock } from './clock';
import { fail, ok, type ApiError, type Result } from './result';
import { currentToken, ensureSession, renewSession } from './session';
import { defineKey, read, write } from './storage';
import { send, type RawResponse } from './transport';

export type Decoder<T> = (raw: unknown) => { ok: true; value: T } | { ok: false; path: string };

export interface CacheOptions<T> {
  /** Called with the network's answer after a cached value was returned first. */
  onRevalidate?: (result: Result<T>) => void;
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** An absolute URL to call instead of the API's `path` (the develop build's WeChat simulator). */
  url?: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  decode: Decoder<T>;
  /** Marks a write as safe to retry; sent as Idempotency-Key and kept across every retry of this call. */
  idempotencyKey?: string;
  /** A write the server treats as idempotent without a key (e.g. asking again for the same payment params). */
  retrySafe?: boolean;
  /** 'required' logs in first; 'optional' sends a token when one is held. */
  auth?: 'none' | 'optional' | 'required';
  timeoutMs?: number;
  retries?: number;
  cache?: CacheOptions<T>;
}

export const RETRY = { baseDelayMs: 400, maxDelayMs: 4000, defaultRetries: 2, defaultTimeoutMs: 10000 };

interface CachedResponse {
  data: unknown;
  storedAt: number;
}
const cacheKey = (url: string) => defineKey<CachedResponse>(`http:${url}`, 1);

const sharedGets = new Map<string, Promise<Result<unknown>>>();

export function buildUrl(path: string, query?: RequestOptions<unknown>['query']): string {
  const params = Object.keys(query ?? {})
    .filter((k) => query?.[k] !== undefined)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(query?.[k]))}`);
  return `${envConfig().apiBaseUrl}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

function httpError(res: Extract<RawResponse, { kind: 'response' }>): ApiError {
  const body = (res.data ?? {}) as { code?: unknown; message?: unknown; details?: { field?: unknown } };
  const code = typeof body.code === 'string' ? body.code : `HTTP_${res.status}`;
  if (res.status === 401) return { kind: 'auth', code };
  const field = typeof body.details?.field === 'string' ? body.details.field : undefined;
  const message = typeof body.message === 'string' ? body.message : '';
  return field
    ? { kind: 'http', status: res.status, code, message, field }
    : { kind: 'http', status: res.status, code, message };
}

function backoff(attempt: number): number {
  const exp = Math.min(RETRY.maxDelayMs, RETRY.baseDelayMs * 2 ** attempt);
  return Math.round(exp / 2 + (Math.random() * exp) / 2);
}

const transient = (res: RawResponse) =>
  res.kind === 'network' || res.status >= 500 || res.status === 429 || res.status === 408;

/** One call with its retries and re-login; answers the raw 2xx body (decoding is per caller). */
async function attempt(opts: RequestOptions<unknown>, url: string): Promise<Result<unknown>> {
  const method = opts.method ?? 'GET';
  const retryable = method === 'GET' || opts.idempotencyKey !== undefined || opts.retrySafe === true;
  const retries = retryable ? (opts.retries ?? RETRY.defaultRetries) : 0;
  let renewed = false;
  if (opts.auth === 'required') {
    const session = await ensureSession();
    if (!session.ok) return session;
  }
  for (let n = 0; ; n++) {
    const token = opts.auth === 'none' ? undefined : await currentToken();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    const res = await send({
      url,
      method,
      headers,
      body: opts.body,
      timeoutMs: opts.timeoutMs ?? RETRY.defaultTimeoutMs,
    });
    if (res.kind === 'response' && res.status === 401 && opts.auth !== 'none' && !renewed) {
      // One shared re-login for every request that got 401, then this request once more.
      renewed = true;
      const session = await renewSession(token);
      if (!session.ok) return session;
      n--;
      continue;
    }
    if (transient(res) && n < retries) {
      await clock.sleep(backoff(n));
      continue;
    }
    if (res.kind === 'network') return fail({ kind: 'network', reason: res.reason });
    if (res.status < 200 || res.status >= 300) return fail(httpError(res));
    return ok(res.data);
  }
}

function decodeWith<T>(decode: Decoder<T>, raw: Result<unknown>): Result<T> {
  if (!raw.ok) return raw;
  const decoded = decode(raw.data);
  return decoded.ok ? ok(decoded.value) : fail({ kind: 'decode', path: decoded.path });
}

/** Identical GETs in flight share one request; each caller decodes the shared body itself. */
function network(opts: RequestOptions<unknown>, url: string): Promise<Result<unknown>> {
  if ((opts.method ?? 'GET') !== 'GET') return attempt(opts, url);
  const existing = sharedGets.get(url);
  if (existing) return existing;
  const pending = attempt(opts, url).finally(() => sharedGets.delete(url));
  sharedGets.set(url, pending);
  return pending;
}

/** Every call settles with a Result; nothing here rejects. */
export async function request<T>(opts: RequestOptions<T>): Promise<Result<T>> {
  const url = opts.url ?? buildUrl(opts.path, opts.query);
  const untyped = opts as RequestOptions<unknown>;
  if (!opts.cache || (opts.method ?? 'GET') !== 'GET')
    return decodeWith(opts.decode, await network(untyped, url));
  const key = cacheKey(url);
  // The cache holds the raw body, so a revisit decodes it exactly as a fresh response.
  const refresh = network(untyped, url).then(async (raw) => {
    const result = decodeWith(opts.decode, raw);
    if (raw.ok && result.ok) await write(key, { data: raw.data, storedAt: clock.now() });
    return result;
  });
  const cached = await read(key);
  const decoded = cached ? opts.decode(cached.data) : undefined;
  if (!decoded?.ok) return refresh;
  const onRevalidate = opts.cache.onRevalidate;
  // Delivered on a later task so the caller has painted the cached value before the fresh one arrives.
  void refresh.then((result) => setTimeout(() => onRevalidate?.(result), 0));
  return { ok: true, data: decoded.value, fromCache: true };
}

let keyCounter = 0;
/** A fresh key for one user intent; keep it for every retry of that intent. */
export function newIdempotencyKey(): string {
  keyCounter = (keyCounter + 1) % 1679616;
  const random = Math.floor(Math.random() * 2 ** 52).toString(36);
  return `wf-${clock.now().toString(36)}-${keyCounter.toString(36)}-${random}`;
}
