// Authorization in the dev API, exhaustively over the contract: one user can never read, pay, cancel, refund or use
// another user's orders, tickets, coupons, quotes or policies (404, as for an id that does not exist, so ids are
// not confirmed) and never sees them in a list; tokens expire after sessionTtlMs (and the app signs in again on
// its own); every dev-only operation is absent outside dev mode. test/dev-api covers single cases of these; this
// file derives the cases from api/openapi.yaml so a new operation cannot slip through unclassified.
import { loadContract } from '../../server/core/contract';
import { connect, startApiServer } from '../support/server';
import { installFakeWx } from '../support/fake-wx';
import { coldStart } from '../support/services';
import { Clock, contact, day, key, MINUTE, orderBody, shopper, type Shopper } from '../server/commerce';
import { startServer, type Schemas, type TestServer } from '../server/helpers';

const clock = new Clock();
let server: TestServer;
let alice: Shopper;
let bob: Shopper;
const mine = { pending: '', paid: '', coupon: '', quote: '', policy: '', policyOrder: '' };
/** What Alice's e-ticket shows at a gate. */
let aliceTicketCode = '';

beforeAll(async () => {
  server = await startServer({ now: clock.now });
  alice = await shopper(server, 'alice');
  bob = await shopper(server, 'bob');
  mine.pending = (await alice.createOrder(orderBody([{ date: day(9) }]))).body.id;
  mine.paid = (await alice.createOrder(orderBody([{ date: day(10) }]))).body.id;
  await alice.pay(mine.paid);
  aliceTicketCode = (await alice.get<Schemas['TicketList']>(`/v1/tickets?orderId=${mine.paid}`)).body
    .items[0]!.qrPayload;
  mine.coupon = (
    await alice.post<Schemas['Coupon']>('/v1/offers/tickets-welcome-8-off/claim', undefined, {
      'idempotency-key': key(),
    })
  ).body.id;
  const plans = (await server.api<Schemas['InsurancePlanList']>('/v1/insurance/plans')).body.items;
  const plan = plans.find((p) => p.id === 'basic')!;
  const quoteBody = {
    planId: plan.id,
    startDate: day(20),
    endDate: day(25),
    travellers: [{ birthDate: '1990-05-01' }],
  };
  mine.quote = (await alice.post<Schemas['Quote']>('/v1/insurance/quotes', quoteBody)).body.id;
  const policyBody = (quoteId: string) => ({
    quoteId,
    travellers: [
      {
        nameZh: '李雷',
        namePinyin: 'LI LEI',
        documentType: 'passport',
        passportIssuer: 'CHN',
        documentNumber: 'E12345678',
        birthDate: '1990-05-01',
      },
    ],
    holder: contact,
    acceptedTermsVersion: plan.termsVersion,
  });
  const policyQuote = (await alice.post<Schemas['Quote']>('/v1/insurance/quotes', quoteBody)).body.id;
  mine.policyOrder = (
    await alice.post<Schemas['Order']>('/v1/insurance/policies', policyBody(policyQuote), {
      'idempotency-key': key(),
    })
  ).body.id;
  await alice.pay(mine.policyOrder);
  mine.policy = (await alice.get<Schemas['Order']>(`/v1/orders/${mine.policyOrder}`)).body.policyId!;
  expect(Object.values(mine).every(Boolean)).toBe(true);
});
afterAll(() => server.close());

type Attempt = () => Promise<{ status: number; body: unknown }>;

/** Bob, with Alice's ids, for every secured operation that takes a user's resource. */
const CROSS_USER: Record<string, Attempt> = {
  getOrder: () => bob.get(`/v1/orders/${mine.pending}`),
  cancelOrder: () => bob.post(`/v1/orders/${mine.pending}/cancel`),
  createPayment: () => bob.post(`/v1/orders/${mine.pending}/payment`),
  remindVisit: () => bob.post(`/v1/orders/${mine.paid}/reminder`),
  refundOrder: () => bob.post(`/v1/orders/${mine.paid}/refund`, { reason: 'not mine' }),
  listTickets: () => bob.get(`/v1/tickets?orderId=${mine.paid}`),
  getCoupon: () => bob.get(`/v1/coupons/${mine.coupon}`),
  // Using someone else's coupon at checkout.
  createOrder: () => bob.createOrder(orderBody([{ date: day(11), quantity: 8 }], { couponId: mine.coupon })),
  // Buying a policy on someone else's quote.
  createInsurancePolicy: () =>
    bob.post(
      '/v1/insurance/policies',
      {
        quoteId: mine.quote,
        travellers: [
          {
            namePinyin: 'BO B',
            documentType: 'passport',
            passportIssuer: 'other',
            documentNumber: 'P1234567',
            birthDate: '1990-05-01',
          },
        ],
        holder: contact,
        acceptedTermsVersion: 'v',
      },
      { 'idempotency-key': key() },
    ),
  getPolicy: () => bob.get(`/v1/policies/${mine.policy}`),
  cancelPolicy: () => bob.post(`/v1/policies/${mine.policy}/cancel`),
  getPolicyDocument: () => bob.get(`/v1/policies/${mine.policy}/document`),
};

/** Lists that must not show Alice's ids to Bob. */
const LISTS: Record<string, string> = {
  listOrders: '/v1/orders',
  listCoupons: '/v1/coupons',
  listPolicies: '/v1/policies',
};

/** Secured operations with no other user's resource to reach, and why. */
const NOTHING_TO_REACH: Record<string, string> = {
  claimOffer: 'offers are public; a claim makes a coupon of the caller',
  createInsuranceQuote: 'a quote request names no resource',
  bindStaff: 'an invitation binds the caller, once (test/server/staff.test.ts)',
};

/** Staff operations: a tourist (Bob) is refused with 403 NOT_STAFF, even holding Alice's ticket code. */
const STAFF_ONLY: Record<string, () => Promise<{ status: number; body: unknown }>> = {
  getStaffProfile: () => bob.get('/v1/staff/me'),
  scanCode: () => bob.post('/v1/staff/scans', { payload: aliceTicketCode }),
  checkInTicket: () =>
    bob.post('/v1/staff/check-ins', { payload: aliceTicketCode }, { 'idempotency-key': key() }),
  listCheckIns: () => bob.get('/v1/staff/check-ins'),
};

test('every secured operation of the contract is classified here', () => {
  const secured = loadContract()
    .operations.filter((op) => op.secured)
    .map((op) => op.operationId)
    .sort();
  expect(
    [
      ...Object.keys(CROSS_USER),
      ...Object.keys(LISTS),
      ...Object.keys(NOTHING_TO_REACH),
      ...Object.keys(STAFF_ONLY),
    ].sort(),
  ).toEqual(secured);
});

test.each(Object.keys(CROSS_USER))(
  "%s with another user's resource: 404 NOT_FOUND, as for no resource",
  async (op) => {
    const { status, body } = await CROSS_USER[op]!();
    expect([op, status, (body as Schemas['Error']).code]).toEqual([op, 404, 'NOT_FOUND']);
  },
);

test.each(Object.keys(STAFF_ONLY))('%s by a tourist: 403 NOT_STAFF', async (op) => {
  const { status, body } = await STAFF_ONLY[op]!();
  expect([op, status, (body as Schemas['Error']).code]).toEqual([op, 403, 'NOT_STAFF']);
});

test.each(Object.entries(LISTS))("%s never shows another user's resources", async (_op, path) => {
  const { body } = await bob.get<{ items: Array<{ id: string }> }>(path);
  const ids = new Set(body.items.map((i) => i.id));
  for (const id of Object.values(mine)) expect(ids.has(id)).toBe(false);
  expect((await bob.get<{ items: unknown[] }>('/v1/tickets')).body.items).toEqual([]);
});

test("after all of Bob's attempts, Alice's things are exactly as she left them", async () => {
  const status = async (id: string) => (await alice.get<Schemas['Order']>(`/v1/orders/${id}`)).body.status;
  expect(await status(mine.pending)).toBe('PENDING_PAYMENT');
  expect(await status(mine.paid)).toBe('FULFILLED');
  expect(await status(mine.policyOrder)).toBe('FULFILLED');
  const policy = (await alice.get<Schemas['Policy']>(`/v1/policies/${mine.policy}`)).body;
  expect(policy.status).toBe('active');
  const coupon = (await alice.get<Schemas['Coupon']>(`/v1/coupons/${mine.coupon}`)).body;
  expect(coupon.status).toBe('unused');
  // Her coupon is still hers to use: not held by an order of Bob's.
  const order = await alice.createOrder(
    orderBody([{ date: day(12), quantity: 8 }], { couponId: mine.coupon }),
  );
  expect(order.status).toBe(201);
  expect(order.body.couponId).toBe(mine.coupon);
});

describe('sessions expire', () => {
  test('a token works until sessionTtlMs has passed, then 401 on every secured operation', async () => {
    const ttl = 10 * MINUTE;
    const short = await startServer({ now: clock.now, sessionTtlMs: ttl });
    try {
      const start = clock.ms;
      const token = await short.login('carol');
      clock.ms = start + ttl - 1;
      expect((await short.api('/v1/orders', { token })).status).toBe(200);
      clock.ms = start + ttl;
      for (const op of loadContract().operations.filter(
        (o) => o.secured && o.method === 'GET' && !o.path.includes('{'),
      )) {
        const res = await short.api<Schemas['Error']>(op.path, { token });
        expect([op.operationId, res.status, res.body.code]).toEqual([op.operationId, 401, 'UNAUTHORIZED']);
      }
    } finally {
      clock.ms = Date.parse(new Date(clock.ms).toISOString());
      await short.close();
    }
  });

  test('the app meets the expired token with one new login and carries on', async () => {
    const fake = installFakeWx();
    fake.envVersion = 'trial';
    const api = await startApiServer({ now: () => fake.clock.now, sessionTtlMs: 10 * MINUTE });
    try {
      connect(fake, api);
      const m = await coldStart(fake);
      expect((await m.orders.listOrders()).ok).toBe(true);
      expect(fake.login.calls).toBe(1);
      fake.clock.now += 10 * MINUTE;
      const again = await m.orders.listOrders();
      expect(again.ok).toBe(true);
      expect(fake.login.calls).toBe(2);
    } finally {
      await api.close();
    }
  });
});

describe('dev-only operations', () => {
  const devOps = loadContract().operations.filter((op) => op.tags.includes('dev'));
  /** A request each dev operation would accept or refuse on its merits (so only a missing route is 404). */
  const call = (s: TestServer, path: string, body?: unknown) =>
    s.api<Schemas['Error']>(path, { method: 'POST', body });
  const malformed = (path: string) => path.replace('{code}', 'X'.repeat(80));

  // (Last in this file: the reset drops everything the tests above made.)
  test('exist in dev mode (a malformed request is 400 there, reset is 204)', async () => {
    expect(devOps.map((op) => op.operationId).sort()).toEqual(['devRedeemCoupon', 'devReset']);
    for (const op of devOps) {
      const res = await call(server, malformed(op.path));
      expect([op.operationId, res.status]).toEqual([
        op.operationId,
        op.operationId === 'devReset' ? 204 : 400,
      ]);
    }
  });

  test('answer 404 NOT_FOUND outside dev mode, whatever is sent, and change nothing', async () => {
    const prod = await startServer({ now: clock.now, dev: false });
    try {
      const dana = await shopper(prod, 'dana');
      const claim = '/v1/offers/harbour-dumplings-10-off/claim';
      const coupon = await dana.post<Schemas['Coupon']>(claim, undefined, { 'idempotency-key': key() });
      expect(coupon.status).toBe(201);
      for (const op of devOps) {
        const path = op.path.replace('{code}', coupon.body.code);
        for (const body of [undefined, {}, { code: coupon.body.code }]) {
          const res = await call(prod, path, body);
          expect([op.operationId, res.status, res.body.code]).toEqual([op.operationId, 404, 'NOT_FOUND']);
        }
      }
      const after = await dana.get<Schemas['Coupon']>(`/v1/coupons/${coupon.body.id}`);
      expect(after.body.status).toBe('unused');
    } finally {
      await prod.close();
    }
  });
});
