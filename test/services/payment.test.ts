import { installFakeWx, type FakeRequest, type FakeWx } from '../support/fake-wx';
import { coldStart } from '../support/services';

/** A minimal in-process payments server: the notification (POST /dev/pay) is what marks an order paid. */
function paymentsServer(fake: FakeWx, opts: { sandbox?: boolean; notifyLate?: boolean } = {}) {
  const orders = new Map<string, { status: string }>();
  const history = (status: string) => [{ status, at: '2026-11-22T09:00:00Z' }];
  const order = (id: string) => ({
    id,
    kind: 'tickets',
    status: orders.get(id)!.status,
    items: [
      {
        productId: 'sky-tower',
        ticketTypeId: 'adult',
        title: { 'zh-CN': '天空塔', en: 'Sky Tower' },
        date: '2026-11-23',
        quantity: 1,
        unitPrice: { amount: 3500, currency: 'NZD' },
        subtotal: { amount: 3500, currency: 'NZD' },
      },
    ],
    subtotal: { amount: 3500, currency: 'NZD' },
    discount: { amount: 0, currency: 'NZD' },
    total: { amount: 3500, currency: 'NZD' },
    totalCny: { amount: 14525, currency: 'CNY' },
    contact: { name: 'Li Lei', mobile: '+8613800138000', email: 'li@example.com' },
    createdAt: '2026-11-22T09:00:00Z',
    expiresAt: '2026-11-22T09:15:00Z',
    history: history(orders.get(id)!.status),
  });
  let pendingNotification: string | undefined;
  fake.net.handler = (req: FakeRequest) => {
    const p = new URL(req.url).pathname;
    if (p === '/v1/auth/session') {
      return {
        status: 201,
        data: { token: 'token-0123456789abcdef', userId: 'u1', expiresAt: '2026-11-23T00:00:00Z' },
      };
    }
    if (p === '/dev/pay') {
      const id = (req.body as { orderId: string }).orderId;
      if (opts.notifyLate) pendingNotification = id;
      else orders.get(id)!.status = 'FULFILLED';
      return { status: 200, data: { orderId: id, notifyAt: '2026-11-22T09:00:01Z' } };
    }
    const m = /^\/v1\/orders\/([^/]+)(\/payment)?$/.exec(p);
    if (!m || !orders.has(m[1]!)) return { status: 404, data: { code: 'NOT_FOUND', message: 'no' } };
    if (m[2]) {
      return {
        status: 200,
        data: {
          timeStamp: '1795338000',
          nonceStr: 'n0nce',
          package: `prepay_id=wx${m[1]}`,
          signType: 'RSA',
          paySign: 'sig',
          ...(opts.sandbox ? { sandbox: true } : {}),
        },
      };
    }
    return { status: 200, data: order(m[1]!) };
  };
  return {
    add: (id: string) => orders.set(id, { status: 'PENDING_PAYMENT' }),
    status: (id: string) => orders.get(id)!.status,
    /** The late notification finally arrives. */
    deliver: () => {
      if (pendingNotification) orders.get(pendingNotification)!.status = 'FULFILLED';
    },
  };
}

let fake: FakeWx;
let m: Awaited<ReturnType<typeof coldStart>>;

beforeEach(async () => {
  fake = installFakeWx();
  fake.envVersion = 'trial';
  m = await coldStart(fake);
});

test('ok, confirmed by the server: paid, and nothing stays pending', async () => {
  const server = paymentsServer(fake);
  server.add('o1');
  const outcome = await m.orders.payForOrder('o1');
  expect(outcome.kind).toBe('paid');
  expect(outcome.kind === 'paid' && outcome.order.status).toBe('FULFILLED');
  expect(fake.payment.calls).toHaveLength(1);
  await expect(m.payment.pendingPayments()).resolves.toEqual([]);
});

test('cancel: the order stays unpaid and can be paid again with the same order', async () => {
  const server = paymentsServer(fake);
  server.add('o2');
  fake.payment.outcomes.push('cancel');
  const first = await m.orders.payForOrder('o2');
  expect(first.kind).toBe('cancelled');
  expect(first.kind === 'cancelled' && first.order?.status).toBe('PENDING_PAYMENT');
  expect(server.status('o2')).toBe('PENDING_PAYMENT');
  const again = await m.orders.payForOrder('o2');
  expect(again.kind).toBe('paid');
  expect(fake.payment.calls.map((c) => c.package)).toEqual(['prepay_id=wxo2', 'prepay_id=wxo2']);
});

test('fail (not cancel): a failed outcome, order unpaid', async () => {
  const server = paymentsServer(fake);
  server.add('o3');
  fake.payment.outcomes.push('fail');
  await expect(m.orders.payForOrder('o3')).resolves.toEqual({ kind: 'failed', reason: 'payment' });
  expect(server.status('o3')).toBe('PENDING_PAYMENT');
});

test('ok but the server has not confirmed: unknown (confirming), never paid on the client word alone', async () => {
  const server = paymentsServer(fake, { notifyLate: true });
  server.add('o4');
  await expect(m.orders.payForOrder('o4')).resolves.toEqual({ kind: 'unknown', orderId: 'o4' });
  await expect(m.payment.pendingPayments()).resolves.toEqual(['o4']);
});

test('a pending payment survives an app restart and is reconciled on the next launch', async () => {
  const server = paymentsServer(fake, { notifyLate: true });
  server.add('o5');
  await m.orders.payForOrder('o5');
  // The app is killed; the notification arrives while it is closed.
  server.deliver();
  m = await coldStart(fake);
  const confirmed = await m.orders.reconcileOnLaunch();
  expect(confirmed.map((o) => [o.id, o.status])).toEqual([['o5', 'FULFILLED']]);
  await expect(m.payment.pendingPayments()).resolves.toEqual([]);
});

test('reconciliation keeps an entry it could not check (offline) for the next launch', async () => {
  const server = paymentsServer(fake, { notifyLate: true });
  server.add('o6');
  await m.orders.payForOrder('o6');
  m = await coldStart(fake);
  fake.inject({ fault: 'offline', times: Infinity });
  await expect(m.orders.reconcileOnLaunch()).resolves.toEqual([]);
  await expect(m.payment.pendingPayments()).resolves.toEqual(['o6']);
});

test('develop with sandbox params: the sandbox sheet stands in for wx.requestPayment', async () => {
  fake.envVersion = 'develop';
  m = await coldStart(fake);
  const server = paymentsServer(fake, { sandbox: true });
  server.add('o7');
  fake.ui.actionSheetTaps.push(1); // Cancel
  await expect(m.orders.payForOrder('o7')).resolves.toMatchObject({ kind: 'cancelled' });
  fake.ui.actionSheetTaps.push(0); // Pay
  await expect(m.orders.payForOrder('o7')).resolves.toMatchObject({ kind: 'paid' });
  expect(fake.payment.calls).toHaveLength(0);
  expect(fake.ui.actionSheets[0]).toHaveLength(3);
});

test('sandbox params outside develop are ignored: WeChat Pay is called', async () => {
  const server = paymentsServer(fake, { sandbox: true });
  server.add('o8');
  await expect(m.orders.payForOrder('o8')).resolves.toMatchObject({ kind: 'paid' });
  expect(fake.payment.calls).toHaveLength(1);
  expect(fake.ui.actionSheets).toHaveLength(0);
});
