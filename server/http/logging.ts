// The server's logs: pino JSON lines, each request's lines carrying its id. No secrets and no personal data: a request
// is logged as its method and path only (no headers, no body, no query string, which can hold a position), and the
// credential headers are redacted too, should anything ever log headers.
import { randomUUID } from 'crypto';
import type { IncomingMessage } from 'http';
import type { FastifyServerOptions } from 'fastify';

export type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a proxy or client may name a request by: short, and safe in a header and a log line. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The one logger configuration of serve.ts and main.ts. */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body'], censor: '[redacted]' },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: req.url?.split('?')[0] }),
    },
  };
}

/** Fastify's genReqId: the incoming x-request-id when it is a safe token (a proxy's trace id), else a fresh one. */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}
