import { installFakeWx, type FakeRequest, type FakeWx } from '../support/fake-wx';
import { coldStart } from '../support/services';

const accept = (raw: unknown) => ({ ok: true as const, value: raw });
const path = (req: FakeRequest) => new URL(req.url).pathname;

let fake: FakeWx;
let m: Awaited<ReturnType<typeof coldStart>>;

beforeEach(async () => {
  fake = installFakeWx();
  m = await coldStart(fake);
});

/** A server that issues tokens for login codes and accepts only the newest token. */
function sessionServer(respond: (req: FakeRequest) => { status: number; data: unknown }) {
  let issued = 0;
  fake.net.handler = (req) => {
    if (path(req) === '/v1/auth/session') {
      issued++;
      return {
        status: 201,
        data: { token: `token-${issued}-0123456789`, userId: 'u1', expiresAt: '2026-11-23T00:00:00Z' },
      };
    }
    if (req.headers.authorization !== `Bearer token-${issued}-0123456789`) {
      return { status: 401, data: { code: 'UNAUTHORIZED', message: 'expired' } };
    }
    return respond(req);
  };
}

describe('http: status codes and the error model', () => {
  test('a 2xx body is decoded; a 4xx becomes an http error with the server code and field', async () => {
    fake.net.handler = (req) =>
      path(req) === '/ok'
        ? { status: 200, data: { n: 1 } }
        : {
            status: 400,
            data: { code: 'VALIDATION_FAILED', message: 'bad', details: { field: 'contact.mobile' } },
          };
    await expect(m.http.request({ path: '/ok', decode: accept, auth: 'none' })).resolves.toEqual({
      ok: true,
      data: { n: 1 },
    });
    await expect(
      m.http.request({ path: '/bad', method: 'POST', decode: accept, auth: 'none' }),
    ).resolves.toEqual({
      ok: false,
      error: {
        kind: 'http',
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'bad',
        field: 'contact.mobile',
      },
    });
  });

  test('a body that does not match the decoder is a decode error naming the path', async () => {
    fake.net.handler = () => ({ status: 200, data: { name: 42 } });
    const decode = (raw: unknown) =>
      typeof (raw as { name?: unknown }).name === 'string'
        ? { ok: true as const, value: raw }
        : { ok: false as const, path: '.name' };
    await expect(m.http.request({ path: '/x', decode, auth: 'none' })).resolves.toEqual({
      ok: false,
      error: { kind: 'decode', path: '.name' },
    });
  });

  test.each([
    ['offline', { kind: 'network', reason: 'offline' }],
    ['timeout', { kind: 'network', reason: 'timeout' }],
    ['interrupted', { kind: 'network', reason: 'interrupted' }],
  ] as const)('%s after every retry settles as a network error', async (fault, error) => {
    fake.net.handler = () => ({ status: 200, data: {} });
    fake.inject({ fault, times: Infinity });
    await expect(m.http.request({ path: '/x', decode: accept, auth: 'none' })).resolves.toEqual({
      ok: false,
      error,
    });
    expect(fake.net.log).toHaveLength(1 + m.http.RETRY.defaultRetries);
  });
});

describe('http: retries only where safe', () => {
  test('a GET is retried after a 503 and succeeds', async () => {
    fake.net.handler = () => ({ status: 200, data: 'fine' });
    fake.inject({ fault: 'http503' });
    await expect(m.http.request({ path: '/x', decode: accept, auth: 'none' })).resolves.toEqual({
      ok: true,
      data: 'fine',
    });
    expect(fake.net.log).toHaveLength(2);
  });

  test('a POST without an Idempotency-Key is sent once, even when the response is lost', async () => {
    fake.net.handler = () => ({ status: 201, data: {} });
    fake.inject({ fault: 'drop' });
    const res = await m.http.request({
      method: 'POST',
      path: '/v1/orders',
      body: {},
      decode: accept,
      auth: 'none',
    });
    expect(res).toEqual({ ok: false, error: { kind: 'network', reason: 'timeout' } });
    expect(fake.net.log).toHaveLength(1);
  });

  test('a write retried after a dropped response carries the same Idempotency-Key', async () => {
    const seen: string[] = [];
    fake.net.handler = (req) => {
      seen.push(req.headers['idempotency-key']!);
      return { status: 201, data: { id: 'o1' } };
    };
    fake.inject({ fault: 'drop' });
    const key = m.http.newIdempotencyKey();
    const res = await m.http.request({
      method: 'POST',
      path: '/v1/orders',
      body: {},
      idempotencyKey: key,
      decode: accept,
      auth: 'none',
    });
    expect(res).toEqual({ ok: true, data: { id: 'o1' } });
    expect(seen).toEqual([key, key]);
  });

  test('a 4xx is never retried', async () => {
    fake.net.handler = () => ({ status: 409, data: { code: 'SOLD_OUT', message: 'gone' } });
    await m.http.request({ path: '/x', decode: accept, auth: 'none' });
    expect(fake.net.log).toHaveLength(1);
  });
});

describe('http: concurrency', () => {
  test('11 concurrent requests never have more than 10 in flight, and all settle', async () => {
    fake.net.latencyMs = 30;
    fake.net.handler = () => ({ status: 200, data: 1 });
    const results = await Promise.all(
      Array.from({ length: 11 }, (_, i) => m.http.request({ path: `/n/${i}`, decode: accept, auth: 'none' })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.net.maxInFlight).toBe(10);
  });

  test('identical GETs in flight are shared: one request on the wire', async () => {
    fake.net.latencyMs = 20;
    fake.net.handler = () => ({ status: 200, data: 'same' });
    const results = await Promise.all(
      [1, 2, 3].map(() => m.http.request({ path: '/same', decode: accept, auth: 'none' })),
    );
    expect(results).toEqual(Array(3).fill({ ok: true, data: 'same' }));
    expect(fake.net.log).toHaveLength(1);
  });
});

describe('http: auth', () => {
  test('a burst of 20 requests that all get 401 causes exactly one wx.login, then every request succeeds', async () => {
    sessionServer(() => ({ status: 200, data: 'mine' }));
    await m.session.ensureSession(); // the app holds token-1
    // The server expires token-1 (here: by issuing a newer session out of band).
    await fake.net.handler!({ url: 'http://x/v1/auth/session', method: 'POST', headers: {}, body: {} });
    const before = fake.login.calls;
    fake.net.latencyMs = 5;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        m.http.request({ path: `/me/${i}`, decode: accept, auth: 'required' }),
      ),
    );
    expect(results.every((r) => r.ok && r.data === 'mine')).toBe(true);
    expect(fake.login.calls - before).toBe(1);
    const unauthorized = fake.net.log.filter(
      (r) => path(r).startsWith('/me/') && r.headers.authorization?.includes('token-1-'),
    );
    expect(unauthorized).toHaveLength(20);
  });

  test('a request that still gets 401 after the re-login settles as an auth error (no loop)', async () => {
    fake.net.handler = (req) =>
      path(req) === '/v1/auth/session'
        ? {
            status: 201,
            data: { token: 'token-never-accepted-0', userId: 'u', expiresAt: '2026-11-23T00:00:00Z' },
          }
        : { status: 401, data: { code: 'UNAUTHORIZED', message: 'no' } };
    const res = await m.http.request({ path: '/me', decode: accept, auth: 'required' });
    expect(res).toEqual({ ok: false, error: { kind: 'auth', code: 'UNAUTHORIZED' } });
    expect(fake.login.calls).toBe(2);
  });

  test('a failed wx.login settles as an auth error', async () => {
    fake.login.fail = true;
    fake.net.handler = () => ({ status: 200, data: {} });
    await expect(m.http.request({ path: '/me', decode: accept, auth: 'required' })).resolves.toEqual({
      ok: false,
      error: { kind: 'auth', code: 'LOGIN_FAILED' },
    });
  });

  test('a login exchange that meets a server outage reads as the service being down, not a refused login', async () => {
    fake.net.handler = (req) =>
      path(req) === '/v1/auth/session'
        ? { status: 503, data: { code: 'UNAVAILABLE', message: 'down' } }
        : { status: 200, data: {} };
    const res = await m.http.request({ path: '/me', decode: accept, auth: 'required' });
    expect(res).toEqual({ ok: false, error: { kind: 'http', status: 503, code: 'HTTP_503', message: '' } });
  });

  test('the session survives a cold start (stored encrypted), so no new login is needed', async () => {
    sessionServer(() => ({ status: 200, data: 'ok' }));
    await m.http.request({ path: '/me', decode: accept, auth: 'required' });
    expect(fake.storage.get('session')?.encrypt).toBe(true);
    m = await coldStart(fake);
    await expect(m.http.request({ path: '/me', decode: accept, auth: 'required' })).resolves.toEqual({
      ok: true,
      data: 'ok',
    });
    expect(fake.login.calls).toBe(1);
  });
});

describe('http: stale-while-revalidate', () => {
  test('a cached GET answers from storage first, then delivers the fresh value', async () => {
    let version = 1;
    fake.net.handler = () => ({ status: 200, data: { version } });
    const first = await m.http.request({ path: '/dest', decode: accept, auth: 'none', cache: {} });
    expect(first).toEqual({ ok: true, data: { version: 1 } });
    version = 2;
    const revalidated = new Promise((resolve) => {
      void m.http
        .request({ path: '/dest', decode: accept, auth: 'none', cache: { onRevalidate: resolve } })
        .then((r) => expect(r).toEqual({ ok: true, data: { version: 1 }, fromCache: true }));
    });
    await expect(revalidated).resolves.toEqual({ ok: true, data: { version: 2 } });
  });

  test('a decoder that reshapes the body (e.g. unwraps {items}) still paints from the cache offline', async () => {
    fake.net.handler = () => ({ status: 200, data: { items: ['a', 'b'] } });
    const unwrap = (raw: unknown) =>
      Array.isArray((raw as { items?: unknown }).items)
        ? { ok: true as const, value: (raw as { items: string[] }).items }
        : { ok: false as const, path: '.items' };
    await m.http.request({ path: '/list', decode: unwrap, auth: 'none', cache: {} });
    m = await coldStart(fake);
    fake.inject({ fault: 'offline', times: Infinity });
    await expect(m.http.request({ path: '/list', decode: unwrap, auth: 'none', cache: {} })).resolves.toEqual(
      {
        ok: true,
        data: ['a', 'b'],
        fromCache: true,
      },
    );
  });

  test('offline with a cache: the cached value, and the revalidation reports the network error', async () => {
    fake.net.handler = () => ({ status: 200, data: 'saved' });
    await m.http.request({ path: '/dest', decode: accept, auth: 'none', cache: {} });
    m = await coldStart(fake);
    fake.inject({ fault: 'offline', times: Infinity });
    const revalidated = new Promise((resolve) => {
      void m.http
        .request({ path: '/dest', decode: accept, auth: 'none', cache: { onRevalidate: resolve } })
        .then((r) => expect(r).toEqual({ ok: true, data: 'saved', fromCache: true }));
    });
    await expect(revalidated).resolves.toEqual({ ok: false, error: { kind: 'network', reason: 'offline' } });
  });
});
