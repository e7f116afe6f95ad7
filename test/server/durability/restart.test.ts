// Nothing lives only in a process: orders, claims, idempotency keys and the checks of payments whose notification
// was lost survive a graceful restart and a kill -9, on the embedded database and on PostgreSQL; jobs that fell due
// while the server was down run when it is back. The server pays at a WeChat simulator in this process.
import { spawn, type ChildProcess } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createInterface } from 'readline';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app';
import { NOTIFY_PATH, type WeChatPayConfig } from '../../../server/wechat/pay-config';
import { simulatedMerchant } from '../../../simulator/merchant';
import { WeChatSimulator } from '../../../simulator/simulator';
import { call, type CallOptions } from '../../support/call';
import type { ChildServerConfig } from '../../support/child-server';
import { eventually } from '../../support/eventually';
import { freshPostgresUrl } from '../../support/databases';
import { decideAtSimulator } from '../../support/stack';
import { Clock, day, key, MINUTE, orderBody } from '../commerce';
import type { Schemas } from '../helpers';

type Where = { dataDir: string } | { url: string };

const targets: [string, () => Promise<Where>][] = [
  ['pglite', async () => ({ dataDir: mkdtempSync(join(tmpdir(), 'wayfarer-restart-')) })],
];
if (process.env.TEST_DATABASE_URL)
  targets.push(['postgres', async () => ({ url: await freshPostgresUrl() })]);

// Each test starts the server two or three times, PGlite's first start migrating and seeding: on a loaded 2-core
// machine that takes longer than the default timeout.
jest.setTimeout(60_000);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** How long after a prepay the server asks WeChat Pay, having had no notification. */
const PAYMENT_CHECK_MS = 30_000;

describe.each(targets)('on %s', (_name, where) => {
  const clock = new Clock();
  let app: FastifyInstance | undefined;
  let origin = '';
  let sim: WeChatSimulator;
  let wechatPay: WeChatPayConfig;
  /** A server in its own process, killed after its test whatever happened (a no-op once it has exited). */
  let spawned: ChildProcess | undefined;

  beforeAll(async () => {
    sim = new WeChatSimulator({ clock: clock.now, notifyDelayMs: 0, timeScale: 0.001 });
    await sim.listen();
    wechatPay = simulatedMerchant(sim, { notifyUrl: () => `${origin}${NOTIFY_PATH}` });
  });
  afterAll(() => sim.close());

  async function start(database: Where): Promise<void> {
    // A long poll and the scenario's clock: nothing falls due before the restart unless the test says so.
    app = buildServer({
      now: clock.now,
      database,
      paymentCheckMs: PAYMENT_CHECK_MS,
      jobPollMs: 60_000,
      wechatPay,
    });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
  }

  afterEach(async () => {
    spawned?.kill('SIGKILL');
    spawned = undefined;
    await app?.close();
    app = undefined;
  });

  const get = <T>(path: string, init?: CallOptions) => call<T>(origin, path, init);

  async function buy(token: string, orderKey: string) {
    return get<Schemas['Order']>('/v1/orders', {
      token,
      key: orderKey,
      body: orderBody([{ date: day(6) }]),
    });
  }

  /** WeChat's sheet for an order: the payer pays, and WeChat Pay's notification of it is lost. */
  async function payWithoutNotification(token: string, orderId: string): Promise<void> {
    const params = await get<Schemas['PaymentParams']>(`/v1/orders/${orderId}/payment`, { token, body: {} });
    expect(params.status).toBe(200);
    sim.faults.notify.push({ kind: 'drop' });
    expect((await decideAtSimulator(params.body.sandboxUrl)).result).toBe('paid');
  }

  /** Waits until the restarted server has found the payment at WeChat Pay and issued the tickets. */
  async function fulfilled(token: string, orderId: string): Promise<Schemas['Ticket'][]> {
    const order = await eventually(
      () => get<Schemas['Order']>(`/v1/orders/${orderId}`, { token }),
      (r) => r.body.status === 'FULFILLED',
    );
    expect(order.body.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED']);
    return (await get<Schemas['TicketList']>(`/v1/tickets?orderId=${orderId}`, { token })).body.items;
  }

  test('a graceful restart keeps orders, claims, keys and the check of a payment not yet notified', async () => {
    const database = await where();
    if ('dataDir' in database) dirs.push(database.dataDir);
    await start(database);
    const session = await get<Schemas['Session']>('/v1/auth/session', { body: { code: 'user-ruth-1' } });
    const token = session.body.token;
    const orderKey = key();
    const paid = await buy(token, orderKey);
    const unpaid = await buy(token, key());
    const claimKey = key();
    const coupon = await get<Schemas['Coupon']>('/v1/offers/harbour-dumplings-10-off/claim', {
      token,
      key: claimKey,
      body: {},
    });
    expect([paid.status, unpaid.status, coupon.status]).toEqual([201, 201, 201]);
    // WeChat Pay took the money but its notification was lost: the server stops still owing the payment check.
    await payWithoutNotification(token, paid.body.id);
    expect((await get<Schemas['Order']>(`/v1/orders/${paid.body.id}`, { token })).body.status).toBe(
      'PENDING_PAYMENT',
    );
    await app!.close();

    clock.advance(PAYMENT_CHECK_MS); // the check falls due while the server is down
    await start(database);
    const replay = await buy(token, orderKey);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(paid.body.id);
    const claimAgain = await get<Schemas['Coupon']>('/v1/offers/harbour-dumplings-10-off/claim', {
      token,
      key: claimKey,
      body: {},
    });
    expect([claimAgain.status, claimAgain.body.id]).toEqual([200, coupon.body.id]);
    expect(await fulfilled(token, paid.body.id)).toHaveLength(1);
    expect((await get<Schemas['Order']>(`/v1/orders/${unpaid.body.id}`, { token })).body.status).toBe(
      'PENDING_PAYMENT',
    );
  });

  test('jobs that fell due while the server was down run when it is back: the expired order gives its places back', async () => {
    const database = await where();
    if ('dataDir' in database) dirs.push(database.dataDir);
    await start(database);
    const token = (await get<Schemas['Session']>('/v1/auth/session', { body: { code: 'user-sam-1' } })).body
      .token;
    const order = await buy(token, key());
    expect(order.status).toBe(201);
    await app!.close();

    clock.advance(16 * MINUTE);
    await start(database);
    const db = app!.wayfarer.deps.db;
    // Read from the database, not through the API (which would settle the order on read itself).
    const status = await eventually(
      async () =>
        (await db.query<{ status: string }>('SELECT status FROM orders WHERE id = $1', [order.body.id]))[0]
          ?.status,
      (s) => s === 'EXPIRED',
    );
    expect(status).toBe('EXPIRED');
    const held = await db.query<{ held: number }>('SELECT held FROM stock WHERE day = $1', [day(6)]);
    expect(held.map((h) => h.held)).toEqual([0]);
  });

  test('a kill -9 loses nothing that was answered, the payment parameters included', async () => {
    const database = await where();
    if ('dataDir' in database) dirs.push(database.dataDir);
    const config: ChildServerConfig = {
      database,
      now: clock.ms,
      paymentCheckMs: PAYMENT_CHECK_MS,
      wechatPay,
    };
    const child = spawn(
      process.execPath,
      // tsx as node's loader, not its CLI: the CLI would keep the server alive in a second process under a kill.
      ['--import', 'tsx', join(__dirname, '..', '..', 'support', 'child-server.ts'), JSON.stringify(config)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    spawned = child;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    origin = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`child server exited with ${code}`)));
    });
    const token = (await get<Schemas['Session']>('/v1/auth/session', { body: { code: 'user-kim-1' } })).body
      .token;
    const orderKey = key();
    const order = await get<Schemas['Order']>('/v1/orders', {
      token,
      key: orderKey,
      body: orderBody([{ date: day(8), quantity: 2 }]),
    });
    expect(order.status).toBe(201);
    const params = await get<Schemas['PaymentParams']>(`/v1/orders/${order.body.id}/payment`, {
      token,
      body: {},
    });
    expect(params.status).toBe(200);
    child.kill('SIGKILL');
    await exited;

    // The payer pays in the sheet the killed server opened; WeChat Pay's notification of it is lost.
    sim.faults.notify.push({ kind: 'drop' });
    expect((await decideAtSimulator(params.body.sandboxUrl)).result).toBe('paid');
    clock.advance(PAYMENT_CHECK_MS);
    await start(database);
    const again = await get<Schemas['Order']>(`/v1/orders/${order.body.id}`, { token });
    expect(again.status).toBe(200);
    expect(again.body.items[0]?.quantity).toBe(2);
    const replay = await get<Schemas['Order']>('/v1/orders', {
      token,
      key: orderKey,
      body: orderBody([{ date: day(8), quantity: 2 }]),
    });
    expect([replay.status, replay.body.id]).toEqual([200, order.body.id]);
    expect(await fulfilled(token, order.body.id)).toHaveLength(2);
  });
});
