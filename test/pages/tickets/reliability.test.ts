/** @jest-environment jsdom */
// The reliability promises, over the fake wx and the real dev API: one order per intent whatever the
// network does, cancel and pay again with the same order, expiry, late confirmation, an app killed before
// confirmation, and refusals that charge nothing.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { textOf } from '../../support/simulate';
import { resendNotification } from '../../support/stack';
import {
  coldStart,
  connect,
  devApi,
  devCall,
  lastRedirect,
  open,
  openCheckout,
  othersTakeStock,
  START,
  tokenOf,
  waitFor,
  type Page,
} from './helpers';

const SKY = 'sky-tower-skydeck';
const CART = { productId: SKY, date: '2026-11-28', q: 'adult.2,child.1' };

let fake: FakeWx | undefined;
let api: RunningServer;
let visitors = 0;

beforeAll(async () => {
  api = await devApi(() => fake?.clock.now ?? START);
});
afterAll(() => api.close());

beforeEach(async () => {
  fake = installFakeWx();
  fake.envVersion = 'trial';
  // Login codes are single use on the server, which outlives each test: every test is its own visitor.
  fake.login.user = `visitor${++visitors}`;
  connect(fake, api);
  await devCall(api, 'POST', '/dev/reset');
  await coldStart(fake);
});

const f = () => fake!;
const userOrders = async () =>
  (await devCall(api, 'GET', '/v1/orders', undefined, tokenOf(f()))).body.items as Array<{
    id: string;
    status: string;
  }>;
const isOrderPost = (req: { url: string; method: string }) =>
  req.method === 'POST' && new URL(req.url).pathname === '/v1/orders';
const orderPosts = () => f().net.log.filter(isOrderPost);

async function resultPage(query: Record<string, string>): Promise<Page> {
  const page = await open('packages/orders/pages/result/index', query);
  await waitFor(() => page.data.state !== 'loading', 'the result page');
  return page;
}

describe('one order per intent', () => {
  test('the response is lost after the server created the order: the retry gets the same order', async () => {
    f().inject({ match: isOrderPost, fault: 'drop' });
    const checkout = await openCheckout(CART);
    await checkout.instance.onPay();
    expect(orderPosts().length).toBe(2);
    expect(new Set(orderPosts().map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(await userOrders()).toHaveLength(1);
    expect(lastRedirect(f()).outcome).toBe('paid');
  });

  test('a double tap makes one order and one payment', async () => {
    const checkout = await openCheckout(CART);
    checkout.querySelector('.pay')!.dispatchEvent('click');
    checkout.querySelector('.pay')!.dispatchEvent('click');
    await waitFor(() => f().callsTo('redirectTo').length > 0, 'the result');
    expect(await userOrders()).toHaveLength(1);
    expect(f().payment.calls).toHaveLength(1);
  });

  test('every retry fails; a tap once the network is back still reuses the key: one order', async () => {
    f().inject({ match: isOrderPost, fault: 'drop', times: 3 });
    const checkout = await openCheckout(CART);
    await checkout.instance.onPay();
    expect(textOf(checkout, '.notice')).toContain('网络');
    expect(f().payment.calls).toHaveLength(0);
    await checkout.instance.onPay();
    expect(new Set(orderPosts().map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(await userOrders()).toHaveLength(1);
    expect(lastRedirect(f()).outcome).toBe('paid');
  });

  test('a changed request (another contact) is a new intent with a new key', async () => {
    f().inject({ match: isOrderPost, fault: 'http503', times: 3 });
    const checkout = await openCheckout(CART);
    await checkout.instance.onPay();
    checkout.instance.onInput({ currentTarget: { dataset: { field: 'name' } }, detail: { value: '韩梅梅' } });
    await checkout.instance.onPay();
    expect(new Set(orderPosts().map((r) => r.headers['idempotency-key'])).size).toBe(2);
  });
});

describe('cancel, pay again, expiry', () => {
  test('cancel keeps the order unpaid; paying again pays the same order', async () => {
    f().payment.outcomes.push('cancel');
    const checkout = await openCheckout(CART);
    await checkout.instance.onPay();
    const query = lastRedirect(f());
    expect(query.outcome).toBe('cancelled');
    const page = await resultPage(query);
    expect(textOf(page)).toContain('支付已取消');
    expect(textOf(page)).toMatch(/14 分 \d\d 秒|15 分 00 秒/);
    expect((await userOrders()).map((o) => o.status)).toEqual(['PENDING_PAYMENT']);

    await page.instance.onPayAgain();
    await waitFor(() => textOf(page).includes('支付成功'), 'paid');
    const orders = await userOrders();
    expect(orders).toHaveLength(1);
    expect(orders[0]!.status).toBe('FULFILLED');
    const packages = f().payment.calls.map((c) => c.package);
    expect(packages).toHaveLength(2);
    expect(packages[0]).toBe(packages[1]);
    page.instance.onUnload();
  });

  test('left unpaid past its deadline: the page says it expired and the server agrees', async () => {
    f().payment.outcomes.push('cancel');
    const checkout = await openCheckout(CART);
    await checkout.instance.onPay();
    const page = await resultPage(lastRedirect(f()));
    expect(page.data.state).toBe('cancelled');
    f().clock.now += 16 * 60 * 1000;
    page.instance.tick();
    await waitFor(() => page.data.state === 'expired', 'expiry');
    expect(textOf(page)).toContain('订单已过期');
    expect(textOf(page)).toContain('未产生任何扣款');
    expect((await userOrders())[0]!.status).toBe('EXPIRED');
    page.instance.onUnload();
  });

  test('paying again after the deadline: told it expired, nothing charged', async () => {
    f().payment.outcomes.push('cancel');
    const checkout = await openCheckout(CART);
    await checkout.instance.onPay();
    const page = await resultPage(lastRedirect(f()));
    f().clock.now += 16 * 60 * 1000;
    await page.instance.onPayAgain();
    await waitFor(() => page.data.state === 'expired', 'expiry');
    expect(f().payment.calls).toHaveLength(1);
    page.instance.onUnload();
  });
});

describe('confirmation', () => {
  test('client ok but the notification is late: "confirming", then paid with no user action', async () => {
    const polling = (await import('../../../miniprogram/packages/orders/order-view')).CONFIRM_POLLING;
    polling.intervalMs = 20;
    // The payer paid; WeChat Pay's notification is lost on the way.
    api.sim.faults.notify.push({ kind: 'drop' });
    const checkout = await openCheckout(CART);
    await checkout.instance.onPay();
    const query = lastRedirect(f());
    expect(query.outcome).toBe('confirming');
    const page = await resultPage(query);
    expect(textOf(page)).toContain('正在确认支付结果');
    await waitFor(() => page.data.slow === true, 'the calm message');
    expect(textOf(page)).toContain('不会重复扣款');
    // WeChat Pay's retry of the notification finally reaches the server.
    expect(await resendNotification(api, query.orderId!)).toBe(204);
    await waitFor(() => textOf(page).includes('支付成功'), 'paid', 8000);
    page.instance.onUnload();
  });

  test('the app is killed before confirmation: the next launch reconciles and the tickets appear', async () => {
    api.sim.faults.notify.push({ kind: 'drop' });
    const checkout = await openCheckout(CART);
    await checkout.instance.onPay();
    const { orderId } = lastRedirect(f());
    expect(f().storage.has('payments.pending')).toBe(true);

    // Killed; meanwhile WeChat Pay's retry of the notification arrives at the server.
    expect(await resendNotification(api, orderId!)).toBe(204);
    await coldStart(f());
    const orders = await import('../../../miniprogram/api/orders');
    const confirmed = await orders.reconcileOnLaunch();
    expect(confirmed.map((o) => o.id)).toEqual([orderId]);
    const payment = await import('../../../miniprogram/services/payment');
    await expect(payment.pendingPayments()).resolves.toEqual([]);

    const trips = await open('pages/trips/index');
    await waitFor(() => trips.querySelectorAll('.qr').length === 3, 'three tickets');
  });
});

describe('refusals charge nothing', () => {
  test('the day sold out meanwhile: a clear message, the calendar refreshes, nothing charged', async () => {
    const book = await open('packages/tickets/pages/book/index', { productId: SKY });
    await waitFor(() => book.data.state === 'ready', 'the calendar');
    book.instance.onConfirmDate({ detail: new Date(2026, 10, 28) });
    book.instance.onStep({ currentTarget: { dataset: { id: 'adult', dir: 'up' } } });
    const checkout = await openCheckout({ productId: SKY, date: '2026-11-28', q: 'adult.1' });

    await othersTakeStock(api, SKY, '2026-11-28', 0);
    await checkout.instance.onPay();
    expect(textOf(checkout, '.notice')).toContain('所选日期已售罄，未产生任何扣款');
    expect(f().payment.calls).toHaveLength(0);
    expect(await userOrders()).toHaveLength(0);

    // Back on the date page: the calendar is fetched again and the sold-out day is no longer chosen.
    checkout.instance.onChangeSelection();
    book.instance.onShow();
    await waitFor(() => book.data.notice !== '', 'the refreshed calendar');
    expect(book.data.date).toBe('');
    expect(textOf(book)).toContain('你选择的日期已售罄或不再开放');
    const cell = book.data.picker.formatter({ date: new Date(2026, 10, 28), type: '', text: 28 });
    expect(cell).toMatchObject({ type: 'disabled', bottomInfo: '已售罄' });
  });

  test('too many tickets for what is left: says how many, nothing charged, quantities cut on return', async () => {
    const book = await open('packages/tickets/pages/book/index', { productId: SKY });
    await waitFor(() => book.data.state === 'ready', 'the calendar');
    book.instance.onConfirmDate({ detail: new Date(2026, 10, 28) });
    for (let i = 0; i < 3; i++)
      book.instance.onStep({ currentTarget: { dataset: { id: 'adult', dir: 'up' } } });
    const checkout = await openCheckout({ productId: SKY, date: '2026-11-28', q: 'adult.3' });

    await othersTakeStock(api, SKY, '2026-11-28', 1);
    await checkout.instance.onPay();
    expect(textOf(checkout, '.notice')).toContain('余票不足（剩余 1 张），未产生任何扣款');
    expect(f().payment.calls).toHaveLength(0);
    expect(await userOrders()).toHaveLength(0);

    book.instance.onShow();
    await waitFor(() => book.data.notice !== '', 'the refreshed calendar');
    expect(book.data.types[0].qty).toBe(1);
    expect(textOf(book)).toContain('当天余票减少，已为你调整数量');
    expect(textOf(book)).toContain('当天剩余 1 张');
  });

  test('the server price differs from the estimate: the new price is shown and asked again', async () => {
    // The phone saw a stale calendar, NZ$1 cheaper per adult than the server now charges.
    const forward = async (req: {
      url: string;
      method: string;
      headers: Record<string, string>;
      body: unknown;
    }) => {
      const u = new URL(req.url);
      const res = await devCall(
        api,
        req.method,
        `${u.pathname}${u.search}`,
        req.body,
        req.headers.authorization?.slice(7),
        req.headers['idempotency-key'],
      );
      if (u.pathname.endsWith('/calendar')) {
        for (const day of res.body.days as Array<{
          prices: Array<{ ticketTypeId: string; price: { amount: number } }>;
        }>) {
          for (const p of day.prices) if (p.ticketTypeId === 'adult') p.price.amount -= 100;
        }
      }
      return { status: res.status, data: res.body };
    };
    f().net.handler = forward;
    const checkout = await openCheckout({ productId: SKY, date: '2026-11-28', q: 'adult.2' });
    expect(textOf(checkout)).toContain('支付 NZ$76.00');
    await checkout.instance.onPay();
    expect(f().payment.calls).toHaveLength(0);
    expect(textOf(checkout, '.price-change')).toContain('当前总价为 NZ$78.00');
    expect(textOf(checkout)).toContain('按新价格支付 NZ$78.00');
    f().net.handler = undefined;
    checkout.instance.onPayTap();
    await waitFor(() => f().callsTo('redirectTo').length > 0, 'payment');
    expect(f().payment.calls).toHaveLength(1);
    expect(await userOrders()).toHaveLength(1);
  });
});
