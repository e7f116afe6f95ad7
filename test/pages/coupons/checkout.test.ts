/**
 * @jest-environment jsdom
 */
// The coupon at ticket checkout, over the fake wx and the real dev API: the best coupon pre-selected, its
// discount in the breakdown, the order sent with it, and the server charging exactly what the page showed.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { textOf } from '../../support/simulate';
import { CONTACT, lastRedirect } from '../tickets/helpers';
import {
  claimElsewhere,
  coldStart,
  connect,
  devCall,
  networkQuiet,
  open,
  serverCoupons,
  sessionOf,
  START,
  startApi,
  tokenOf,
  waitFor,
  type Clocks,
  type Page,
} from './helpers';

const CART = { productId: 'sky-tower-skydeck', date: '2026-11-28', q: 'adult.2,child.1' };

const clocks: Clocks = { serverSkewMs: 0 };
let fake: FakeWx;
let api: RunningServer;
let users = 0;

beforeAll(async () => {
  api = await startApi(clocks);
});
afterAll(() => api.close());

beforeEach(async () => {
  fake = installFakeWx();
  fake.login.user = `checkout${++users}`;
  // Real wx.requestPayment (develop would show the dev API's sandbox sheet instead).
  fake.envVersion = 'trial';
  clocks.fake = fake;
  fake.clock.now = START;
  connect(fake, api);
  await devCall(api, 'POST', '/dev/reset');
  await coldStart(fake);
});

async function openCheckout(): Promise<Page> {
  const page = await open('packages/tickets/pages/checkout/index', CART);
  await waitFor(() => page.data.state === 'ready', 'checkout');
  await networkQuiet(fake);
  for (const [field, value] of Object.entries(CONTACT)) {
    page.instance.onInput({ currentTarget: { dataset: { field } }, detail: { value } });
  }
  return page;
}

const picker = (page: Page) => page.querySelector('.coupon-picker') as unknown as Page;

test('checkout pre-selects the best coupon, shows its discount, and the server charges the same amount', async () => {
  const token = await sessionOf(fake);
  const best = await claimElsewhere(api, token, 'attractions-10-percent');
  await claimElsewhere(api, token, 'tickets-welcome-8-off');
  await claimElsewhere(api, token, 'ferries-5-off');

  const page = await openCheckout();
  // NZ$97.50 of attraction tickets: 10% (NZ$9.75) beats NZ$8 off; the ferry coupon does not apply.
  await waitFor(() => textOf(page).includes('支付 NZ$87.75'), 'the discounted total');
  expect(textOf(page)).toContain('优惠券抵扣 -NZ$9.75');
  expect(textOf(picker(page), '.row')).toContain('-NZ$9.75');

  await page.instance.onPay();
  expect(lastRedirect(fake).outcome).toBe('paid');
  expect(fake.payment.calls).toHaveLength(1);
  const orders = await devCall(api, 'GET', '/v1/orders', undefined, tokenOf(fake));
  const order = (orders.body.items as Array<Record<string, unknown>>)[0]!;
  expect(order).toMatchObject({
    couponId: best.id,
    subtotal: { amount: 9750, currency: 'NZD' },
    discount: { amount: 975, currency: 'NZD' },
    total: { amount: 8775, currency: 'NZD' },
  });
  // Paid: the coupon is used, the others stay unused.
  const coupons = await serverCoupons(api, tokenOf(fake));
  expect(coupons.find((c) => c.id === best.id)!.status).toBe('used');
  expect(coupons.filter((c) => c.status === 'unused')).toHaveLength(2);
});

test('the user may pay without a coupon, and the order carries none', async () => {
  const token = await sessionOf(fake);
  await claimElsewhere(api, token, 'tickets-welcome-8-off');
  const page = await openCheckout();
  await waitFor(() => textOf(page).includes('支付 NZ$89.50'), 'the discounted total');
  picker(page).instance.onPick({ currentTarget: { dataset: { id: '', eligible: true } } });
  await waitFor(() => textOf(page).includes('支付 NZ$97.50'), 'the full total');
  expect(textOf(page)).not.toContain('优惠券抵扣');
  await page.instance.onPay();
  const orders = await devCall(api, 'GET', '/v1/orders', undefined, tokenOf(fake));
  const order = (orders.body.items as Array<Record<string, unknown>>)[0]!;
  expect(order.couponId).toBeUndefined();
  expect(order).toMatchObject({ discount: { amount: 0 }, total: { amount: 9750 } });
});

test('a coupon the server refuses (held by another unpaid order) says so and charges nothing', async () => {
  const token = await sessionOf(fake);
  const coupon = await claimElsewhere(api, token, 'tickets-welcome-8-off');
  const page = await openCheckout();
  await waitFor(() => textOf(page).includes('支付 NZ$89.50'), 'the discounted total');
  // Meanwhile an unpaid order on another phone holds the coupon.
  const held = await devCall(
    api,
    'POST',
    '/v1/orders',
    {
      items: [{ productId: 'auckland-zoo-entry', ticketTypeId: 'adult', date: '2026-11-28', quantity: 3 }],
      contact: { name: 'Li Lei', mobile: '+8613800138000', email: 'lilei@example.com' },
      couponId: coupon.id,
    },
    token,
    'elsewhere-order',
  );
  expect(held.status).toBe(201);
  await page.instance.onPay();
  expect(textOf(page)).toContain('所选优惠券已不能用于本单');
  expect(fake.payment.calls).toHaveLength(0);
});
