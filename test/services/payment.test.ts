// The payment service against the real server and its WeChat simulator: only the server's order status proves
// payment; a pending payment outlives the app; the develop build's sandbox sheet reports the payer's choice to the
// simulator, and no other build ever shows it.
import { installFakeWx, type FakeWx } from '../support/fake-wx';
import { connect, startApiServer, type RunningServer } from '../support/server';
import { coldStart } from '../support/services';
import { resendNotification } from '../support/stack';

const START = Date.parse('2026-11-22T09:00:00Z');

let api: RunningServer;
let fake: FakeWx | undefined;
let m: Awaited<ReturnType<typeof coldStart>>;
let visitors = 0;
const f = () => fake!;

beforeAll(async () => {
  // The server's own check with WeChat Pay is never due here (the fake's sleeps move its clock): a payment is
  // confirmed by its notification, or not until the test delivers it.
  api = await startApiServer({ now: () => fake?.clock.now ?? START, paymentCheckMs: 60 * 60 * 1000 });
});
afterAll(() => api.close());

beforeEach(async () => {
  fake = installFakeWx();
  fake.envVersion = 'trial';
  // Login codes are single use on the server, which outlives each test: every test is its own visitor.
  fake.login.user = `payer${++visitors}`;
  connect(fake, api);
  m = await coldStart(fake);
});

async function newOrder(): Promise<string> {
  const created = await m.orders.createOrder(
    {
      items: [{ productId: 'sky-tower-skydeck', ticketTypeId: 'adult', date: '2026-11-28', quantity: 1 }],
      contact: { name: 'Li Lei', mobile: '+8613800138000', email: 'li@example.com' },
    },
    m.http.newIdempotencyKey(),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return created.data.id;
}

async function serverStatus(orderId: string): Promise<string | undefined> {
  const order = await m.orders.getOrder(orderId);
  return order.ok ? order.data.status : undefined;
}

/** WeChat Pay takes the next payment, but its notification is lost until the test resends it. */
const loseNextNotification = () => api.sim.faults.notify.push({ kind: 'drop' });

/** What the app sent straight to the simulator (the sandbox sheet's reports). */
const simulatorRequests = () =>
  f()
    .net.log.filter((r) => r.url.startsWith(api.sim.origin))
    .map((r) => ({ method: r.method, url: r.url, body: r.body }));

/** The sandboxUrl of the payment parameters the server hands out for an order, asked as its owner. */
async function sandboxUrlOf(orderId: string): Promise<string | undefined> {
  const session = await m.session.ensureSession();
  if (!session.ok) throw new Error(JSON.stringify(session.error));
  const res = await fetch(`${api.origin}/v1/orders/${orderId}/payment`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.data}` },
  });
  return ((await res.json()) as { sandboxUrl?: string }).sandboxUrl;
}

test('ok, confirmed by the server: paid, and nothing stays pending', async () => {
  const id = await newOrder();
  const outcome = await m.orders.payForOrder(id);
  expect(outcome.kind).toBe('paid');
  expect(outcome.kind === 'paid' && outcome.order.status).toBe('FULFILLED');
  expect(f().payment.calls).toHaveLength(1);
  await expect(m.payment.pendingPayments()).resolves.toEqual([]);
});

test('cancel: the order stays unpaid and can be paid again with the same order', async () => {
  const id = await newOrder();
  f().payment.outcomes.push('cancel');
  const first = await m.orders.payForOrder(id);
  expect(first.kind).toBe('cancelled');
  expect(first.kind === 'cancelled' && first.order?.status).toBe('PENDING_PAYMENT');
  expect(await serverStatus(id)).toBe('PENDING_PAYMENT');
  const again = await m.orders.payForOrder(id);
  expect(again.kind).toBe('paid');
  const [firstPackage, secondPackage] = f().payment.calls.map((c) => c.package);
  expect(firstPackage).toMatch(/^prepay_id=/);
  expect(secondPackage).toBe(firstPackage);
});

test('fail (not cancel): a failed outcome, order unpaid', async () => {
  const id = await newOrder();
  f().payment.outcomes.push('fail');
  await expect(m.orders.payForOrder(id)).resolves.toEqual({ kind: 'failed', reason: 'payment' });
  expect(await serverStatus(id)).toBe('PENDING_PAYMENT');
});

test('ok but the server has not confirmed: unknown (confirming), never paid on the client word alone', async () => {
  const id = await newOrder();
  loseNextNotification();
  await expect(m.orders.payForOrder(id)).resolves.toEqual({ kind: 'unknown', orderId: id });
  expect(await serverStatus(id)).toBe('PENDING_PAYMENT');
  await expect(m.payment.pendingPayments()).resolves.toEqual([id]);
});

test('a pending payment survives an app restart and is reconciled on the next launch', async () => {
  const id = await newOrder();
  loseNextNotification();
  await m.orders.payForOrder(id);
  // The app is killed; WeChat Pay's retry of the notification arrives while it is closed.
  expect(await resendNotification(api, id)).toBe(204);
  m = await coldStart(f());
  const confirmed = await m.orders.reconcileOnLaunch();
  expect(confirmed.map((o) => [o.id, o.status])).toEqual([[id, 'FULFILLED']]);
  await expect(m.payment.pendingPayments()).resolves.toEqual([]);
});

test('reconciliation keeps an entry it could not check (offline) for the next launch', async () => {
  const id = await newOrder();
  loseNextNotification();
  await m.orders.payForOrder(id);
  m = await coldStart(f());
  f().inject({ fault: 'offline', times: Infinity });
  await expect(m.orders.reconcileOnLaunch()).resolves.toEqual([]);
  await expect(m.payment.pendingPayments()).resolves.toEqual([id]);
});

describe('the develop build', () => {
  beforeEach(async () => {
    f().envVersion = 'develop';
    m = await coldStart(f());
  });

  test("its sandbox sheet stands in for WeChat Pay's and posts the chosen outcome to sandboxUrl", async () => {
    const id = await newOrder();
    const sandboxUrl = await sandboxUrlOf(id);
    expect(sandboxUrl?.startsWith(`${api.sim.origin}/sim/pay/`)).toBe(true);
    f().ui.actionSheetTaps.push(1); // Cancel
    await expect(m.orders.payForOrder(id)).resolves.toMatchObject({
      kind: 'cancelled',
      order: { status: 'PENDING_PAYMENT' },
    });
    f().ui.actionSheetTaps.push(2); // Fail
    await expect(m.orders.payForOrder(id)).resolves.toEqual({ kind: 'failed', reason: 'payment' });
    expect(await serverStatus(id)).toBe('PENDING_PAYMENT');
    f().ui.actionSheetTaps.push(0); // Pay
    await expect(m.orders.payForOrder(id)).resolves.toMatchObject({
      kind: 'paid',
      order: { status: 'FULFILLED' },
    });

    expect(f().payment.calls).toHaveLength(0);
    expect(f().ui.actionSheets).toHaveLength(3);
    expect(f().ui.actionSheets[0]).toHaveLength(3);
    // Paying again pays the same WeChat Pay order: every choice went to the one sandboxUrl.
    expect(simulatorRequests()).toEqual(
      ['cancel', 'fail', 'pay'].map((outcome) => ({ method: 'POST', url: sandboxUrl, body: { outcome } })),
    );
  });

  test('the payment is not confirmed on the sheet\'s word: a lost notification leaves it "confirming"', async () => {
    const id = await newOrder();
    loseNextNotification();
    await expect(m.orders.payForOrder(id)).resolves.toEqual({ kind: 'unknown', orderId: id });
    expect(await serverStatus(id)).toBe('PENDING_PAYMENT');
  });
});

test.each(['trial', 'release'] as const)(
  'a %s build never shows the sandbox sheet, though the parameters carry a sandboxUrl',
  async (envVersion) => {
    f().envVersion = envVersion;
    m = await coldStart(f());
    const id = await newOrder();
    expect((await sandboxUrlOf(id))?.startsWith(`${api.sim.origin}/sim/pay/`)).toBe(true);
    await expect(m.orders.payForOrder(id)).resolves.toMatchObject({ kind: 'paid' });
    expect(f().payment.calls).toHaveLength(1);
    expect(f().ui.actionSheets).toHaveLength(0);
    expect(simulatorRequests()).toEqual([]);
  },
);
