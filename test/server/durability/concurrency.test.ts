// Two server instances on one PostgreSQL database, hammered at once: the database, not the process, keeps stock,
// payment notifications and claim limits right. Only a real server can show it (PGlite never contends).
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app';
import { call } from '../../support/call';
import { describeOnPostgres, freshPostgresUrl } from '../../support/databases';
import { Clock, day, key, orderBody } from '../commerce';
import type { Schemas } from '../helpers';

const clock = new Clock();
let instances: FastifyInstance[] = [];
let origins: string[] = [];

async function start(count: number): Promise<void> {
  const url = await freshPostgresUrl();
  for (let i = 0; i < count; i++) {
    // One after the other: the first migrates and seeds; the second finds both done.
    const app = buildServer({ now: clock.now, database: { url }, notifyDelayMs: 0, jobPollMs: 60_000 });
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
    const deliveries = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call<Schemas['Order']>(origins[i % 2]!, `/dev/orders/${id}/notify`, { body: {} }),
      ),
    );
    expect(deliveries.every((d) => d.status === 200 && d.body.status === 'FULFILLED')).toBe(true);
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
});
