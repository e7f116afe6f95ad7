// What the server does about careless and hostile clients: security headers, rate limits on the routes worth
// abusing (login, order creation, coupon claims), timeouts and router limits, and Fastify's own refusals (a bad URL,
// a too long parameter, a broken request) answered in the contract's Error shape like every other error.
import { createHash } from 'crypto';
import { STATUS_CODES } from 'http';
import type { Socket } from 'net';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import type { TrustProxy } from '../config';
import { loadContract } from '../core/contract';
import { ApiError } from '../core/errors';
import { REQUEST_ID_HEADER, requestId } from './logging';

export interface RouteLimit {
  max: number;
  windowMs: number;
}

export interface RateLimits {
  login: RouteLimit;
  orders: RouteLimit;
  claims: RouteLimit;
}

export interface ProtectionOptions {
  /** Limits by route; false: none. Default: DEFAULT_RATE_LIMITS in production, none in development. */
  rateLimits?: Partial<RateLimits> | false;
  /** Which proxies' X-Forwarded-For to believe: the login limit counts by the client's address. */
  trustProxy?: TrustProxy;
}

/**
 * Per minute. Login counts by address, where a carrier's NAT can put many people; orders and claims count by
 * session. Development has none by default: everything there (the test suite too) comes from 127.0.0.1.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  login: { max: 30, windowMs: 60_000 },
  orders: { max: 10, windowMs: 60_000 },
  claims: { max: 20, windowMs: 60_000 },
};

const LIMITED_ROUTES: Record<string, { limit: keyof RateLimits; bySession: boolean }> = {
  'POST /v1/auth/session': { limit: 'login', bySession: false },
  'POST /v1/orders': { limit: 'orders', bySession: true },
  'POST /v1/offers/:id/claim': { limit: 'claims', bySession: true },
  // Guessing invitation codes.
  'POST /v1/staff/bind': { limit: 'login', bySession: true },
};

/** Files (assets, policy PDFs) are shown by viewers a JSON API's CSP would break, and are meant to be embedded. */
const FILE_HEADERS = {
  contentSecurityPolicy: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
} as const;

const FRAMEWORK_CODES: Record<number, string> = {
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
};

/** Fastify's constructor options for timeouts, the router's limits, request ids and Fastify's own errors. */
export function serverOptions(options: ProtectionOptions): FastifyServerOptions {
  return {
    // Headers and body within 30 s, else 408 (Node checks every 30 s: a slow client is cut off after 30 to 60 s).
    requestTimeout: 30_000,
    // A socket with nothing moving for a minute is closed.
    connectionTimeout: 60_000,
    // Ids are at most 64 characters; a parameter over 100 is refused with 414 before any handler runs (the
    // property tests count on 100, Fastify's default, made explicit here).
    routerOptions: { maxParamLength: 100 },
    genReqId: requestId,
    ...(options.trustProxy !== undefined && { trustProxy: options.trustProxy }),
    // While closing, requests already on a kept-alive connection are served (with Connection: close) rather than
    // refused with Fastify's own 503 body.
    return503OnClosing: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  };
}

/** The contract's Error body for an error Fastify raised itself (routing, parsing, limits). */
export function frameworkErrorBody(status: number, message: string): { code: string; message: string } {
  if (status >= 500) return { code: 'INTERNAL', message: 'Unexpected error in the server.' };
  return { code: FRAMEWORK_CODES[status] ?? 'BAD_REQUEST', message };
}

export function registerProtection(
  app: FastifyInstance,
  options: { dev: boolean; publicOrigin?: string; rateLimits?: ProtectionOptions['rateLimits'] },
): void {
  const limits = rateLimitsOf(options);
  const filePaths = new Set(
    loadContract()
      .operations.filter((op) => op.response(200)?.kind === 'binary')
      .map((op) => op.path.replace(/\{(\w+)\}/g, ':$1')),
  );
  // Runs before the plugins' own onRoute hooks (they are added when the plugins load), so they see these settings.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/assets/') || filePaths.has(route.url)) route.helmet = FILE_HEADERS;
    const method = Array.isArray(route.method) ? route.method.join(',') : route.method;
    const limited = LIMITED_ROUTES[`${method} ${route.url}`];
    if (limits && limited) {
      const { max, windowMs } = limits[limited.limit];
      // Login counts by the plugin's default key, the client's address.
      const key = limited.bySession && { keyGenerator: sessionKey };
      route.config = { ...route.config, rateLimit: { max, timeWindow: windowMs, ...key } };
    }
  });

  void app.register(helmet, {
    // A JSON API loads nothing and is framed by nothing.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
    // HSTS over plain http would be ignored at best; development serves http on loopback.
    ...(!options.publicOrigin?.startsWith('https://') && { strictTransportSecurity: false }),
  });
  if (limits) {
    void app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new ApiError(429, 'RATE_LIMITED', `Too many requests: retry in ${context.after}.`, {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        }),
    });
  }
}

function rateLimitsOf(options: {
  dev: boolean;
  rateLimits?: ProtectionOptions['rateLimits'];
}): RateLimits | undefined {
  if (options.rateLimits === false || (options.dev && options.rateLimits === undefined)) return undefined;
  return { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
}

/** The session's bearer token, hashed (keys stay short and hold no credential), else the client's address. */
function sessionKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  if (!authorization) return `address:${request.ip}`;
  return `session:${createHash('sha256').update(authorization).digest('base64url')}`;
}

/** Fastify's refusals outside any route (a bad URL, a too long parameter): hooks do not run for these. */
function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  void reply
    .code(status)
    .header(REQUEST_ID_HEADER, request.id)
    .send(frameworkErrorBody(status, error.message));
}

/** Node's refusals before Fastify sees a request (timeouts, oversized headers, broken HTTP), in the Error shape. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'The request did not arrive in time.']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request line or headers are too large.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify(frameworkErrorBody(status, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
