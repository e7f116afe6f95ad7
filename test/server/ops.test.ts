// Operating the server, over real HTTP on loopback: health, readiness, metrics, request ids and logs, security
// headers, rate limits, and Fastify's own refusals in the contract's Error shape.
import http from 'http';
import { loggerOptions } from '../../server/http/logging';
import { orderBody } from './commerce';
import { useServer, type ErrorBody, type Schemas } from './helpers';

const ORIGIN = 'https://api.example.com';
const logLines: string[] = [];
// Development (demo content) on an https public origin, logging into logLines.
const server = useServer({
  publicOrigin: ORIGIN,
  logger: { ...loggerOptions('info'), stream: { write: (line: string) => void logLines.push(line) } },
});
const { api } = server;
// Production mode on an empty database: nothing published, no public origin, low limits.
const bare = useServer({
  dev: false,
  demoContent: false,
  rateLimits: { login: { max: 3, windowMs: 60_000 }, orders: { max: 2, windowMs: 60_000 } },
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request exactly as written (fetch would encode the path and refuses to set Host). */
function raw(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/** The contract's Error: code and message, details optional, nothing else. */
function expectContractError(body: unknown, code: string): void {
  const { code: actual, message, details, ...rest } = body as ErrorBody;
  expect(actual).toBe(code);
  expect(typeof message).toBe('string');
  expect(details === undefined || (typeof details === 'object' && details !== null)).toBe(true);
  expect(rest).toEqual({});
}

describe('health and readiness', () => {
  it('is alive', async () => {
    const { status, body } = await api('/healthz');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
  });

  it('is ready with the database answering and content published', async () => {
    const { status, body } = await api('/readyz');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ready' });
  });

  it('is not ready while no content is published, and sends no HSTS over http', async () => {
    const { status, body, headers } = await bare.api('/readyz');
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', reason: 'no content is published yet' });
    expect(headers.get('strict-transport-security')).toBeNull();
  });

  it('is not ready when the database is behind this release', async () => {
    const { db } = bare.app.wayfarer.deps;
    const [last] = await db.query<{ version: number; name: string }>(
      'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations) RETURNING *',
    );
    try {
      const { status, body } = await bare.api<{ reason: string }>('/readyz');
      expect(status).toBe(503);
      expect(body.reason).toMatch(/^the database schema is at migration \d+, this release needs \d+$/);
    } finally {
      await db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        last!.version,
        last!.name,
      ]);
    }
  });

  it('is not ready when the database does not answer', async () => {
    const { db } = server.app.wayfarer.deps;
    jest.spyOn(db, 'query').mockRejectedValueOnce(new Error('connection refused'));
    const { status, body } = await api('/readyz');
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', reason: 'the database does not answer' });
  });
});

describe('metrics', () => {
  it('times requests by route pattern, never by raw URL, beside the process metrics', async () => {
    await api('/v1/pois/sky-tower');
    await api('/v1/no-such-route/12345');
    const response = await fetch(`${server.baseUrl}/metrics`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/v1\/pois\/:id",status="200"/,
    );
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} \d/,
    );
    expect(text).not.toContain('sky-tower');
    expect(text).not.toContain('12345');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('wayfarer_orders_created_total 0');
  });

  it('keeps one registry per server', async () => {
    const text = await (await fetch(`${bare.baseUrl}/metrics`)).text();
    expect(text).not.toContain('route="/v1/pois/:id"');
  });
});

describe('request ids and logs', () => {
  it('echoes a safe incoming request id and replaces an unsafe one', async () => {
    const kept = await api('/healthz', { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const replaced = await api('/healthz', { headers: { 'x-request-id': 'a b<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await api('/healthz');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs JSON with the request id and no credential, body or query', async () => {
    const token = 'secret-token-123';
    const name = 'Zhang Xiaoming';
    const { headers } = await api('/v1/orders?near=-36.85,174.76', {
      token,
      body: orderBody([{}], { contact: { name, mobile: '+8613912345678', email: 'z@example.com' } }),
      headers: { 'idempotency-key': 'k-logged', 'x-request-id': 'order-1', cookie: 'sid=cookie-secret' },
    });
    expect(headers.get('x-request-id')).toBe('order-1');
    const entries = logLines.map((line) => JSON.parse(line) as { reqId?: string; req?: object });
    const ofOrder = entries.filter((entry) => entry.reqId === 'order-1');
    expect(ofOrder.length).toBeGreaterThanOrEqual(2);
    expect(ofOrder).toContainEqual(expect.objectContaining({ req: { method: 'POST', path: '/v1/orders' } }));
    const all = logLines.join('\n');
    for (const secret of [token, 'cookie-secret', name, '+8613912345678', 'near='])
      expect(all).not.toContain(secret);
  });
});

describe('security headers', () => {
  it('sends a JSON API policy on JSON answers, and HSTS for an https public origin', async () => {
    const { headers } = await api('/v1/destination');
    expect(headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('leaves files without the CSP, embeddable from other origins', async () => {
    const { body } = await api<Schemas['Destination']>('/v1/destination');
    const path = new URL(body.banners[0]!.image).pathname;
    const response = await fetch(server.baseUrl + path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a 404 with the headers too', async () => {
    const { headers } = await api('/nowhere');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('links', () => {
  it('builds links from the configured public origin, whatever the Host header says', async () => {
    const { status, body } = await raw('/v1/destination', { host: 'evil.example' });
    expect(status).toBe(200);
    const destination = JSON.parse(body) as Schemas['Destination'];
    expect(destination.banners.length).toBeGreaterThan(0);
    for (const banner of destination.banners) expect(banner.image.startsWith(`${ORIGIN}/assets/`)).toBe(true);
    expect(body).not.toContain('evil.example');
  });

  it('does not fail on a malformed Host header', async () => {
    const { status } = await raw('/v1/destination', { host: 'a b' });
    expect(status).toBeLessThan(500);
  });
});

describe("Fastify's own refusals, in the contract's shape", () => {
  it.each([
    ['a malformed percent-encoding', '/v1/pois/%E0%A4%A', 400, 'BAD_REQUEST'],
    ['a too long parameter', `/v1/pois/${'a'.repeat(200)}`, 414, 'URI_TOO_LONG'],
    ['an unknown route', '/v1/nowhere', 404, 'NOT_FOUND'],
    ['an asset named %25', '/assets/%25', 404, 'NOT_FOUND'],
    ['an asset with a bad escape', '/assets/%E0%A4%A', 400, 'BAD_REQUEST'],
  ])('%s', async (_what, path, status, code) => {
    const response = await raw(path);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expectContractError(JSON.parse(response.body), code);
  });

  it('a body too large', async () => {
    const { status, body } = await api<ErrorBody>('/v1/auth/session', {
      body: { code: 'x'.repeat(100_000) },
    });
    expect(status).toBe(413);
    expectContractError(body, 'PAYLOAD_TOO_LARGE');
  });

  it('a body of an unsupported media type', async () => {
    const response = await fetch(`${server.baseUrl}/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<code>abc</code>',
    });
    expect(response.status).toBe(415);
    expectContractError(await response.json(), 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a request line larger than Node takes', async () => {
    const response = await raw(`/v1/pois?q=${'a'.repeat(20_000)}`);
    expect(response.status).toBe(431);
    expectContractError(JSON.parse(response.body), 'HEADERS_TOO_LARGE');
  });
});

describe('rate limits', () => {
  it('limits order creation per session, before anything else is checked', async () => {
    const order = (token: string) => bare.api<ErrorBody>('/v1/orders', { token, body: {} });
    expect((await order('session-a')).status).toBe(401);
    expect((await order('session-a')).status).toBe(401);
    const refused = await order('session-a');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect((await order('session-b')).status).toBe(401);
  });

  it('answers 429 with Retry-After and the Error shape after the login limit', async () => {
    const login = () => bare.api<ErrorBody>('/v1/auth/session', { body: {} });
    for (let i = 0; i < 3; i++) expect((await login()).status).toBe(400);
    const { status, body, headers } = await login();
    expect(status).toBe(429);
    expectContractError(body, 'RATE_LIMITED');
    const retryAfter = Number(headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(body.details).toEqual({ retryAfterSeconds: retryAfter });
  });

  it('limits nothing else', async () => {
    for (let i = 0; i < 5; i++) expect((await bare.api('/healthz')).status).toBe(200);
  });

  it('are off by default in development', async () => {
    for (let i = 0; i < 40; i++) expect((await api('/v1/auth/session', { body: {} })).status).toBe(400);
  });
});
