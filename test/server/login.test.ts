// Login through WeChat's code2Session (the simulator's): the same person is the same user, a code works once, each
// WeChat error code the server can meet becomes the contract's error, and neither the AppSecret nor session_key
// reaches a response or a log.
import { Writable } from 'stream';
import { WeChatApiClient } from '../../server/wechat/api-client';
import { simulatedApp } from '../../simulator/app-account';
import { startStack, type Stack } from '../support/stack';

const lines: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ logger: { level: 'info', stream: logStream } });
});
afterAll(() => stack.close());

const login = (code: string) =>
  fetch(`${stack.origin}/v1/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as { token?: string; code?: string } }));

const me = (token: string) =>
  fetch(`${stack.origin}/v1/orders`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

describe('login with code2Session', () => {
  it('gives the same person the same user on every login, and a code works once', async () => {
    const first = await login('user-wang-1');
    const second = await login('user-wang-2');
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await me(first.body.token!)).toBe(200);
    const users = await stack.app.wayfarer.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM users');
    const again = await login('user-wang-1');
    expect([again.status, again.body.code]).toEqual([401, 'CODE_USED']);
    expect(await login('user-li-1')).toMatchObject({ status: 200 });
    const after = await stack.app.wayfarer.deps.db.query<{ n: string }>('SELECT count(*) AS n FROM users');
    expect(Number(after[0]!.n)).toBe(Number(users[0]!.n) + 1);
  });

  it.each([
    [40029, 401, 'CODE_INVALID'],
    [45011, 429, 'RATE_LIMITED'],
    [40226, 403, 'USER_BLOCKED'],
    [-1, 503, 'LOGIN_UNAVAILABLE'],
  ])('maps WeChat errcode %i to %i %s, and the next login works', async (errcode, status, code) => {
    stack.sim.faults.login.push(errcode);
    const refused = await login(`user-err${errcode}-1`);
    expect([refused.status, refused.body.code]).toEqual([status, code]);
    expect((await login(`user-err${errcode}-2`)).status).toBe(200);
  });

  it('answers 503 LOGIN_UNAVAILABLE when WeChat refuses the server itself (wrong AppSecret)', async () => {
    const app = simulatedApp(stack.sim);
    const wrong = await startStack({ wechatApi: { ...app, secret: '0'.repeat(32) } });
    try {
      const response = await fetch(`${wrong.origin}/v1/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'user-x-1' }),
      });
      expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
        503,
        'LOGIN_UNAVAILABLE',
      ]);
    } finally {
      await wrong.close();
    }
  });

  it('never puts the AppSecret or a session_key in a log line', () => {
    const secret = stack.sim.apps.values().next().value as string;
    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(secret);
    expect(log).not.toContain('session_key');
  });
});

describe('the access token', () => {
  it('is fetched once, shared by concurrent callers, and refreshed five minutes before it expires', async () => {
    let now = Date.now();
    const client = new WeChatApiClient({ ...simulatedApp(stack.sim), now: () => now });
    const asked = () => stack.sim.calls.filter((call) => call === 'POST /cgi-bin/stable_token').length;
    const before = asked();
    const [a, b] = await Promise.all([client.accessToken(), client.accessToken()]);
    expect(a).toBe(b);
    expect(await client.accessToken()).toBe(a);
    expect(asked()).toBe(before + 1);
    now += 7200_000 - 6 * 60_000;
    expect(await client.accessToken()).toBe(a);
    expect(asked()).toBe(before + 1);
    now += 2 * 60_000;
    await client.accessToken();
    expect(asked()).toBe(before + 2);
  });
});
