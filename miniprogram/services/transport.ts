// The one place wx.request is called: a queue that keeps at most 10 requests in flight (the platform's limit)
// and maps every outcome to a raw response or a network error. Retries and auth live in http.ts.
import type { NetworkReason } from './result';

export const MAX_IN_FLIGHT = 10;

export interface RawRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export type RawResponse =
  { kind: 'response'; status: number; data: unknown } | { kind: 'network'; reason: NetworkReason };

let active = 0;
const waiting: Array<() => void> = [];

function release(): void {
  active--;
  const next = waiting.shift();
  if (next) next();
}

function acquire(): Promise<void> {
  if (active < MAX_IN_FLIGHT) {
    active++;
    return Promise.resolve();
  }
  return new Promise((resolve) =>
    waiting.push(() => {
      active++;
      resolve();
    }),
  );
}

export function networkReason(errMsg: string): NetworkReason {
  if (/timeout|timed out/i.test(errMsg)) return 'timeout';
  if (/interrupted|abort/i.test(errMsg)) return 'interrupted';
  return 'offline';
}

export async function send(req: RawRequest): Promise<RawResponse> {
  await acquire();
  try {
    return await new Promise<RawResponse>((resolve) => {
      wx.request({
        url: req.url,
        method: req.method,
        header: req.headers,
        data: req.body as WechatMiniprogram.IAnyObject | undefined,
        timeout: req.timeoutMs,
        dataType: 'json',
        success: (res) => resolve({ kind: 'response', status: res.statusCode, data: res.data }),
        fail: (err) => resolve({ kind: 'network', reason: networkReason(err.errMsg) }),
      });
    });
  } finally {
    release();
  }
}
