// What the soak found, pinned down: a paid order stays pending on the phone until its tickets are in the offline
// wallet, and a payment whose notification arrives after the order expired is still reconciled; a sheet the user
// cancelled is let go once its order expires.
import { connect, startApiServer, type RunningServer } from '../support/server';
import { installFakeWx, type FakeRequest, type FakeWx } from '../support/fake-wx';
import { coldStart } from '../support/services';
import { resendNotification } from '../support/stack';

const START = Date.parse('2026-11-22T09:00:00Z');
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

let api: RunningServer;
let fake: FakeWx | undefined;
let visitor = 0;

beforeAll(async () => {
  api = await startApiServer({
    now: () => fake?.clock.now ?? START,
    orderExpiryMs: 15 * MINUTE,
    // The server asks WeChat Pay about a payment only after an hour and runs its jobs only when woken: what it
    // learns of a payment here comes from the notifications WeChat Pay delivers.
    paymentCheckMs: HOUR,
    jobPollMs: HOUR,
  });
});
afterAll(() => api.close());

async function launch(f: FakeWx) {
  const m = await coldStart(f);
  return {
    ...m,
    tickets: await import('../../miniprogram/api/tickets'),
    wallet: await import('../../miniprogram/services/wallet'),
  };
}

beforeEach(() => {
  fake = installFakeWx();
  fake.envVersion = 'trial';
  fake.clock.now = START;
  fake.login.user = `reconcile${++visitor}`;
  connect(fake, api);
});

const f = () => fake!;

async function order(m: Awaited<ReturnType<typeof launch>>) {
  const created = await m.orders.createOrder(
    {
      items: [{ productId: 'sky-tower-skydeck', ticketTypeId: 'adult', date: '2026-11-28', quantity: 2 }],
      contact: { name: 'Li Lei', mobile: '+8613800138000', email: 'li@example.com' },
    },
    m.http.newIdempotencyKey(),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  return created.data.id;
}

const walletTickets = async (m: Awaited<ReturnType<typeof launch>>, orderId: string) =>
  ((await m.wallet.loadWallet())?.tickets ?? []).filter((t) => t.orderId === orderId).length;

const isTickets = (req: FakeRequest) => req.method === 'GET' && new URL(req.url).pathname === '/v1/tickets';

test('paid, but the wallet sync failed: still pending, and the next launch puts the tickets in the wallet', async () => {
  let m = await launch(f());
  const id = await order(m);
  f().inject({ match: isTickets, fault: 'offline', times: 3 });
  const outcome = await m.orders.payForOrder(id);
  expect(outcome.kind).toBe('paid');
  expect(await walletTickets(m, id)).toBe(0);
  await expect(m.payment.pendingPayments()).resolves.toEqual([id]);

  m = await launch(f());
  const confirmed = await m.orders.reconcileOnLaunch();
  expect(confirmed.map((o) => o.id)).toEqual([id]);
  expect(await walletTickets(m, id)).toBe(2);
  await expect(m.payment.pendingPayments()).resolves.toEqual([]);
});

test('paid on the sheet, notified only after the order expired: reconciled, not forgotten', async () => {
  let m = await launch(f());
  const id = await order(m);
  // WeChat Pay takes the money; its notification is lost.
  api.sim.faults.notify.push({ kind: 'drop' });
  await expect(m.orders.payForOrder(id)).resolves.toEqual({ kind: 'unknown', orderId: id });

  f().clock.now += 20 * MINUTE;
  m = await launch(f());
  await expect(m.orders.reconcileOnLaunch()).resolves.toEqual([]);
  await expect(m.payment.pendingPayments()).resolves.toEqual([id]);

  // WeChat Pay's retried notification: the server takes the late payment (the places are still free).
  expect(await resendNotification(api, id)).toBe(204);
  m = await launch(f());
  expect((await m.orders.reconcileOnLaunch()).map((o) => o.id)).toEqual([id]);
  expect(await walletTickets(m, id)).toBe(2);
  await expect(m.payment.pendingPayments()).resolves.toEqual([]);
});

test('a sheet the user cancelled is let go once the order expires', async () => {
  let m = await launch(f());
  const id = await order(m);
  f().payment.outcomes.push('cancel');
  expect((await m.orders.payForOrder(id)).kind).toBe('cancelled');
  await expect(m.payment.pendingPayments()).resolves.toEqual([id]);

  f().clock.now += 20 * MINUTE;
  m = await launch(f());
  await expect(m.orders.reconcileOnLaunch()).resolves.toEqual([]);
  await expect(m.payment.pendingPayments()).resolves.toEqual([]);
});
