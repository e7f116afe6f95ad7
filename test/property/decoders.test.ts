// Every endpoint's decoder, through the api/ function a page calls, fed hostile JSON in place of the real
// response (fast-check): the call always settles with a typed Result; a field of the wrong kind is a decode error
// unless the decoder does not read that field at all (then the value equals the real response's). Real responses
// of the dev API are the samples the mutations start from.
import fc from 'fast-check';
import { connect, startApiServer, type RunningServer } from '../support/server';
import { installFakeWx, type FakeRequest, type FakeWx } from '../support/fake-wx';
import { coldStart } from '../support/services';
import { garbage, typeBroken } from './hostile-json';

const RUNS = 60;

let api: RunningServer;
let fake: FakeWx;
let m: Awaited<ReturnType<typeof load>>;

async function load() {
  const base = await coldStart(fake);
  return {
    ...base,
    guide: await import('../../miniprogram/api/guide'),
    products: await import('../../miniprogram/api/products'),
    tickets: await import('../../miniprogram/api/tickets'),
    coupons: await import('../../miniprogram/api/coupons'),
    insurance: await import('../../miniprogram/api/insurance'),
  };
}

type Outcome = { ok: true; data: unknown } | { ok: false; error: { kind: string; path?: string } };
type M = typeof m;

interface Case {
  name: string;
  method: 'GET' | 'POST';
  path: RegExp;
  call: (m: M) => Promise<Outcome>;
}

const ids = { order: '', paidOrder: '', coupon: '', couponCode: '', quote: '', policy: '', policyOrder: '' };
const ZONE = 'Pacific/Auckland';
const contact = { name: 'Li Lei', mobile: '+8613800138000', email: 'li@example.com' };
const orderBody = {
  items: [{ productId: 'sky-tower-skydeck', ticketTypeId: 'adult', date: '2026-11-28', quantity: 1 }],
  contact,
};

/** payForOrder's outcome as a Result: the payment parameters are what its decoder reads. */
async function pay(m: M, id: string): Promise<Outcome> {
  const outcome = await m.orders.payForOrder(id);
  if (outcome.kind === 'failed')
    return outcome.error ? { ok: false, error: outcome.error } : { ok: true, data: null };
  return { ok: true, data: outcome.kind };
}

const CASES: Case[] = [
  {
    name: 'getDestination',
    method: 'GET',
    path: /^\/v1\/destination$/,
    call: (m) => m.destination.getDestination(),
  },
  { name: 'listPois', method: 'GET', path: /^\/v1\/pois$/, call: (m) => m.guide.listPois({ limit: 5 }) },
  { name: 'listAllPois', method: 'GET', path: /^\/v1\/pois$/, call: (m) => m.guide.listAllPois() },
  { name: 'getPoi', method: 'GET', path: /^\/v1\/pois\/[^/]+$/, call: (m) => m.guide.getPoi('sky-tower') },
  { name: 'listEvents', method: 'GET', path: /^\/v1\/events$/, call: (m) => m.guide.listEvents() },
  {
    name: 'listProductsOfPoi',
    method: 'GET',
    path: /^\/v1\/products$/,
    call: (m) => m.guide.listProductsOfPoi('sky-tower'),
  },
  { name: 'listProducts', method: 'GET', path: /^\/v1\/products$/, call: (m) => m.products.listProducts() },
  {
    name: 'getProduct',
    method: 'GET',
    path: /^\/v1\/products\/[^/]+$/,
    call: (m) => m.products.getProduct('sky-tower-skydeck'),
  },
  {
    name: 'getCalendar',
    method: 'GET',
    path: /\/calendar$/,
    call: (m) => m.products.getCalendar('sky-tower-skydeck', '2026-11-23', '2026-11-30'),
  },
  {
    name: 'createOrder',
    method: 'POST',
    path: /^\/v1\/orders$/,
    call: (m) => m.orders.createOrder(orderBody, m.http.newIdempotencyKey()),
  },
  {
    name: 'getOrder',
    method: 'GET',
    path: /^\/v1\/orders\/[^/]+$/,
    call: (m) => m.orders.getOrder(ids.order),
  },
  { name: 'listOrders', method: 'GET', path: /^\/v1\/orders$/, call: (m) => m.orders.listOrders() },
  { name: 'createPayment', method: 'POST', path: /\/payment$/, call: (m) => pay(m, ids.order) },
  {
    name: 'cancelOrder',
    method: 'POST',
    path: /\/cancel$/,
    call: (m) => m.orders.cancelOrder(ids.order),
  },
  {
    name: 'refundOrder',
    method: 'POST',
    path: /\/refund$/,
    call: (m) => m.orders.refundOrder(ids.paidOrder, 'plans changed'),
  },
  { name: 'listTickets', method: 'GET', path: /^\/v1\/tickets$/, call: (m) => m.tickets.listTickets() },
  { name: 'syncWallet', method: 'GET', path: /^\/v1\/tickets$/, call: (m) => m.tickets.syncWallet() },
  { name: 'listOffers', method: 'GET', path: /^\/v1\/offers$/, call: (m) => m.coupons.listOffers() },
  {
    name: 'getOffer',
    method: 'GET',
    path: /^\/v1\/offers\/[^/]+$/,
    call: (m) => m.coupons.getOffer('sylvia-park-10-off'),
  },
  {
    name: 'claimOffer',
    method: 'POST',
    path: /\/claim$/,
    call: (m) => m.coupons.claimOffer('allday-diner-5-off', m.http.newIdempotencyKey(), ZONE),
  },
  { name: 'listCoupons', method: 'GET', path: /^\/v1\/coupons$/, call: (m) => m.coupons.listCoupons() },
  {
    name: 'getCoupon',
    method: 'GET',
    path: /^\/v1\/coupons\/[^/]+$/,
    call: (m) => m.coupons.getCoupon(ids.coupon, ZONE),
  },
  {
    name: 'syncCouponWallet',
    method: 'GET',
    path: /^\/v1\/coupons$/,
    call: (m) => m.coupons.syncCouponWallet(),
  },
  {
    name: 'devRedeemCoupon',
    method: 'POST',
    path: /\/redeem$/,
    call: (m) => m.coupons.devRedeemCoupon(ids.couponCode),
  },
  {
    name: 'listInsurancePlans',
    method: 'GET',
    path: /^\/v1\/insurance\/plans$/,
    call: (m) => m.insurance.listInsurancePlans(),
  },
  {
    name: 'createInsuranceQuote',
    method: 'POST',
    path: /^\/v1\/insurance\/quotes$/,
    call: (m) =>
      m.insurance.createInsuranceQuote({
        planId: 'basic',
        startDate: '2026-12-10',
        endDate: '2026-12-15',
        travellers: [{ birthDate: '1990-05-01' }],
      }),
  },
  {
    name: 'createInsurancePolicy',
    method: 'POST',
    path: /^\/v1\/insurance\/policies$/,
    call: (m) => m.insurance.createInsurancePolicy(policyBody(), m.http.newIdempotencyKey()),
  },
  { name: 'listPolicies', method: 'GET', path: /^\/v1\/policies$/, call: (m) => m.insurance.listPolicies() },
  {
    name: 'getPolicy',
    method: 'GET',
    path: /^\/v1\/policies\/[^/]+$/,
    call: (m) => m.insurance.getPolicy(ids.policy),
  },
  {
    name: 'cancelPolicy',
    method: 'POST',
    path: /^\/v1\/policies\/[^/]+\/cancel$/,
    call: (m) => m.insurance.cancelPolicy(ids.policy),
  },
];

function policyBody() {
  return {
    quoteId: ids.quote,
    travellers: [
      {
        nameZh: '李雷',
        namePinyin: 'LI LEI',
        documentType: 'passport' as const,
        passportIssuer: 'CHN' as const,
        documentNumber: 'E12345678',
        birthDate: '1990-05-01',
      },
    ],
    holder: contact,
    acceptedTermsVersion: 'basic-2026-10',
  };
}

const samples = new Map<string, unknown>();
const baselines = new Map<string, Outcome>();
const matches = (c: Case, req: FakeRequest) =>
  req.method === c.method && c.path.test(new URL(req.url).pathname);

/** Paid in WeChat's sheet (the fake pays at the simulator, which notifies the server): the paid order. */
async function paid(orderId: string) {
  const outcome = await m.orders.payForOrder(orderId);
  if (outcome.kind !== 'paid') throw new Error(`paying ${orderId} ended ${outcome.kind}`);
  return outcome.order;
}

/**
 * Orders, a paid order, a coupon, a quote and a policy exist, so every endpoint has a real answer to record. Run
 * while the payment sheet still pays.
 */
async function seedState(): Promise<void> {
  const created = async () => {
    const r = await m.orders.createOrder(orderBody, m.http.newIdempotencyKey());
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data.id;
  };
  ids.order = await created();
  ids.paidOrder = await created();
  await paid(ids.paidOrder);
  const coupon = await m.coupons.claimOffer('sylvia-park-10-off', m.http.newIdempotencyKey(), ZONE);
  if (!coupon.ok) throw new Error(JSON.stringify(coupon.error));
  ids.coupon = coupon.data.id;
  const redeemable = await m.coupons.claimOffer(
    'sky-tower-gift-shop-10-off',
    m.http.newIdempotencyKey(),
    ZONE,
  );
  if (!redeemable.ok) throw new Error(JSON.stringify(redeemable.error));
  ids.couponCode = redeemable.data.code;
  const quote = await CASES.find((c) => c.name === 'createInsuranceQuote')!.call(m);
  if (!quote.ok) throw new Error(JSON.stringify(quote.error));
  ids.quote = (quote.data as { id: string }).id;
  const plans = await m.insurance.listInsurancePlans();
  const plan = plans.ok ? plans.data.find((p) => p.id === 'basic') : undefined;
  const body = { ...policyBody(), acceptedTermsVersion: plan?.termsVersion ?? '' };
  // A quote is bought once: later calls replay this purchase (the same key), which answers the same order.
  const policyKey = m.http.newIdempotencyKey();
  const policyOrder = await m.insurance.createInsurancePolicy(body, policyKey);
  if (!policyOrder.ok) throw new Error(JSON.stringify(policyOrder.error));
  ids.policy = (await paid(policyOrder.data.id)).policyId ?? '';
  CASES.find((c) => c.name === 'createInsurancePolicy')!.call = (mm) =>
    mm.insurance.createInsurancePolicy(body, policyKey);
}

beforeAll(async () => {
  fake = installFakeWx();
  fake.envVersion = 'trial';
  api = await startApiServer({ now: () => fake.clock.now });
  connect(fake, api);
  m = await load();
  await seedState();
  // From now on the payment sheet is always closed: decoded parameters must not pay anything between runs.
  fake.extend({
    requestPayment: (opts: { fail?: (e: { errMsg: string }) => void }) =>
      opts.fail?.({ errMsg: 'requestPayment:fail cancel' }),
  });
  // Each endpoint's real answer, recorded, and what the api function makes of it.
  for (const c of CASES) {
    fake.net.handler = async (req) => {
      const res = await fake.fromServer(req);
      if (matches(c, req)) samples.set(c.name, res.data);
      return res;
    };
    fake.storage.clear();
    const baseline = await c.call(m);
    if (!baseline.ok) throw new Error(`${c.name} failed on the real API: ${JSON.stringify(baseline.error)}`);
    baselines.set(c.name, baseline);
  }
}, 30000);
afterAll(() => api.close());

/** The api function with the endpoint answering `body` (200), everything else from the real server. */
async function callWith(c: Case, body: unknown): Promise<Outcome> {
  fake.net.handler = (req) => (matches(c, req) ? { status: 200, data: body } : fake.fromServer(req));
  // No cached copy may stand in for the answer under test.
  for (const key of [...fake.storage.keys()]) if (key.startsWith('http:')) fake.storage.delete(key);
  return c.call(m);
}

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('a field of the wrong kind is a decode error, unless the decoder never reads it', async () => {
    await fc.assert(
      fc.asyncProperty(typeBroken(samples.get(c.name)), async ({ body }) => {
        const result = await callWith(c, body);
        const baseline = baselines.get(c.name)!;
        if (result.ok) expect(result.data).toEqual(baseline.ok && baseline.data);
        else expect(result.error).toEqual({ kind: 'decode', path: expect.any(String) });
      }),
      { numRuns: RUNS, seed: 10 },
    );
  });

  test('random and mangled JSON: always a settled Result, a failure is a typed decode error', async () => {
    await fc.assert(
      fc.asyncProperty(garbage(samples.get(c.name)), async (body) => {
        const result = await callWith(c, body);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error).toEqual({ kind: 'decode', path: expect.any(String) });
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });
});

test('a session exchange answered with garbage fails as a typed error, never a throw', async () => {
  await fc.assert(
    fc.asyncProperty(
      garbage({ token: 'abc', userId: 'u-1', expiresAt: '2026-11-23T00:00:00Z' }),
      async (body) => {
        await m.session.signOut();
        fake.net.handler = (req) =>
          new URL(req.url).pathname === '/v1/auth/session'
            ? { status: 200, data: body }
            : fake.fromServer(req);
        const result = await m.orders.listOrders();
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['decode', 'auth']).toContain(result.error.kind);
      },
    ),
    { numRuns: RUNS, seed: 12 },
  );
});

test('a POI cursor that never advances ends the paging with a decode error instead of looping', async () => {
  const page = samples.get('listAllPois') as { items: unknown[] };
  await fc.assert(
    fc.asyncProperty(fc.string({ minLength: 1, maxLength: 12 }), fc.boolean(), async (cursor, empty) => {
      fake.net.handler = (req) =>
        new URL(req.url).pathname === '/v1/pois'
          ? { status: 200, data: { items: empty ? [] : page.items.slice(0, 2), nextCursor: cursor } }
          : fake.fromServer(req);
      const result = await m.guide.listAllPois();
      expect(result).toEqual({ ok: false, error: { kind: 'decode', path: '.nextCursor' } });
    }),
    { numRuns: 20, seed: 13 },
  );
});
