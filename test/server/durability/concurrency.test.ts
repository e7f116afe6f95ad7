// Two server instances on one PostgreSQL database, hammered at once: the database, not the process, keeps stock,
// payment notifications and claim limits right. Only a real server can show it (PGlite never contends). Both pay as
// one merchant at a WeChat simulator in this process.
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app';
import { NOTIFY_PATH, type WeChatPayConfig } from '../../../server/wechat/pay-config';
import { simulatedMerchant } from '../../../simulator/merchant';
import { buildNotification } from '../../../simulator/notifier';
import { WeChatSimulator } from '../../../simulator/simulator';
import { transactionView } from '../../../simulator/transactions';
import { call } from '../../support/call';
import { describeOnPostgres, freshPostgresUrl } from '../../support/databases';
import { decideAtSimulator } from '../../support/stack';
import { invite } from '../../../server/staff/staff';
import { Clock, DAY, day, key, orderBody } from '../commerce';
import type { Schemas } from '../helpers';

// Two servers and hundreds of requests per test: on a loaded 2-core machine that takes longer than the default.
jest.setTimeout(60_000);

const clock = new Clock();
let instances: FastifyInstance[] = [];
let origins: string[] = [];
let sim: WeChatSimulator;
let wechatPay: WeChatPayConfig;

beforeAll(async () => {
  sim = new WeChatSimulator({ clock: clock.now, notifyDelayMs: 0, timeScale: 0.001 });
  await sim.listen();
  // WeChat Pay notifies one address (a load balancer's, in production): the first instance's here.
  wechatPay = simulatedMerchant(sim, { notifyUrl: () => `${origins[0]}${NOTIFY_PATH}` });
});
afterAll(() => sim.close());

async function start(count: number): Promise<void> {
  const url = await freshPostgresUrl();
  for (let i = 0; i < count; i++) {
    // One after the other: the first migrates and seeds; the second finds both done.
    const app = buildServer({ now: clock.now, database: { url }, jobPollMs: 60_000, wechatPay });
    origins.push(await app.listen({ port: 0, host: '127.0.0.1' }));
    instances.push(app);
  }
}

afterEach(async () => {
  await Promise.all(instances.map((app) => app.close()));
  instances = [];
  origins = [];
});

async function login(origin: string, person: string): Promise<string> {
  const { status, body } = await call<Schemas['Session']>(origin, '/v1/auth/session', {
    body: { code: `user-${person}-1` },
  });
  if (status !== 200) throw new Error(`login ${person}: ${status}`);
  return body.token;
}

const PRODUCT = 'sky-tower-skydeck';

async function placesLeft(origin: string, date: string): Promise<number> {
  const { body } = await call<Schemas['Calendar']>(
    origin,
    `/v1/products/${PRODUCT}/calendar?from=${date}&to=${date}`,
  );
  return body.days[0]?.remaining ?? -1;
}

describeOnPostgres('two instances on one PostgreSQL', () => {
  test('200 concurrent orders for the last 20 places: exactly 20 accepted, the rest SOLD_OUT', async () => {
    await start(2);
    const date = day(9);
    const left = await placesLeft(origins[0]!, date);
    // Everything but 20 places is already held by earlier buyers.
    await instances[0]!.wayfarer.deps.db.query(
      'INSERT INTO stock (product_id, day, held) VALUES ($1, $2, $3)',
      [PRODUCT, date, left - 20],
    );
    const tokens = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login(origins[i % 2]!, `buyer${i}`)),
    );
    const answers = await Promise.all(
      tokens.map((token, i) =>
        call<Schemas['Order'] & Schemas['Error']>(origins[i % 2]!, '/v1/orders', {
          token,
          key: key(),
          body: orderBody([{ productId: PRODUCT, date }]),
        }),
      ),
    );
    const accepted = answers.filter((a) => a.status === 201);
    expect(accepted).toHaveLength(20);
    expect(answers.filter((a) => a.status === 409 && a.body.code === 'SOLD_OUT')).toHaveLength(180);
    expect(await placesLeft(origins[1]!, date)).toBe(0);

    // Nothing is held afterwards: once every accepted order is cancelled, the day has its 20 places again.
    await Promise.all(
      accepted.map((a, i) =>
        call(origins[i % 2]!, `/v1/orders/${a.body.id}/cancel`, {
          token: tokens[answers.indexOf(a)]!,
          body: {},
        }),
      ),
    );
    expect(await placesLeft(origins[0]!, date)).toBe(20);
  });

  test('the same payment notification delivered to both instances at once issues the tickets once', async () => {
    await start(2);
    const token = await login(origins[0]!, 'payer');
    const created = await call<Schemas['Order']>(origins[0]!, '/v1/orders', {
      token,
      key: key(),
      body: orderBody([{ productId: PRODUCT, date: day(5), quantity: 3 }]),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // The payer pays; WeChat Pay's own delivery is dropped, and its notification is sent here instead.
    const params = await call<Schemas['PaymentParams']>(origins[0]!, `/v1/orders/${id}/payment`, {
      token,
      body: {},
    });
    expect(params.status).toBe(200);
    sim.faults.notify.push({ kind: 'drop' });
    expect((await decideAtSimulator(params.body.sandboxUrl)).result).toBe('paid');
    const paid = sim.transactions.get(`${wechatPay.mchid}:${id}`)!;
    const notification = buildNotification(
      sim.signingKeys,
      {
        eventType: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        originalType: 'transaction',
        resource: transactionView(paid),
        apiV3Key: wechatPay.apiV3Key,
      },
      'EV-the-one-payment',
      clock.ms,
    );
    const deliveries = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(origins[i % 2]! + NOTIFY_PATH, {
          method: 'POST',
          body: notification.body,
          headers: notification.headers,
        }),
      ),
    );
    expect(deliveries.map((d) => d.status)).toEqual(Array.from({ length: 10 }, () => 204));
    const tickets = await call<Schemas['TicketList']>(origins[1]!, `/v1/tickets?orderId=${id}`, { token });
    expect(tickets.body.items).toHaveLength(3);
    const history = (await call<Schemas['Order']>(origins[0]!, `/v1/orders/${id}`, { token })).body.history;
    expect(history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED']);
  });

  test('10 concurrent claims past a per-user limit of 2 give 2 coupons', async () => {
    await start(2);
    const token = await login(origins[0]!, 'claimer');
    const offers = (await call<Schemas['OfferList']>(origins[0]!, '/v1/offers')).body.items;
    const offer = offers.find((o) => o.perUserLimit === 2 && o.remaining >= 10 && o.validFrom <= day(0));
    expect(offer).toBeDefined();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call<Schemas['Coupon'] & Schemas['Error']>(origins[i % 2]!, `/v1/offers/${offer!.id}/claim`, {
          token,
          key: key(),
          body: {},
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
    expect(answers.filter((a) => a.body.code === 'CLAIM_LIMIT_REACHED')).toHaveLength(8);
    const wallet = await call<Schemas['CouponList']>(origins[1]!, '/v1/coupons', { token });
    expect(wallet.body.items.filter((c) => c.offerId === offer!.id)).toHaveLength(2);
  });

  test('the same ticket scanned at two gates at once, on both instances: one check-in, the others told', async () => {
    await start(2);
    const token = await login(origins[0]!, 'visitor');
    const created = await call<Schemas['Order']>(origins[0]!, '/v1/orders', {
      token,
      key: key(),
      body: orderBody([{ productId: PRODUCT, date: day(1) }]),
    });
    const params = await call<Schemas['PaymentParams']>(
      origins[0]!,
      `/v1/orders/${created.body.id}/payment`,
      {
        token,
        body: {},
      },
    );
    expect((await decideAtSimulator(params.body.sandboxUrl)).result).toBe('paid');
    const tickets = await call<Schemas['TicketList']>(origins[1]!, `/v1/tickets?orderId=${created.body.id}`, {
      token,
    });
    const payload = tickets.body.items[0]!.qrPayload;
    // The visit day (sessions made after it, as they would be).
    clock.advance(DAY);
    try {
      const { deps } = instances[0]!.wayfarer;
      const seed = await deps.content.seed();
      const gates = await Promise.all(
        ['gate-a', 'gate-b'].map(async (name) => {
          const { code } = await deps.db.transaction((tx) =>
            invite(tx, seed, clock.now(), 'test', { role: 'gate', scopeId: 'sky-tower', ttlMs: DAY }),
          );
          const gateToken = await login(origins[0]!, name);
          expect(
            (await call(origins[0]!, '/v1/staff/bind', { token: gateToken, body: { code } })).status,
          ).toBe(200);
          return gateToken;
        }),
      );
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call<Schemas['CheckIn'] & Schemas['Error']>(origins[i % 2]!, '/v1/staff/check-ins', {
            token: gates[i % 2]!,
            key: key(),
            body: { payload },
          }),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409 && a.body.code === 'TICKET_USED')).toHaveLength(9);
    } finally {
      clock.advance(-DAY);
    }
  });
});
