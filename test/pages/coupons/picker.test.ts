/**
 * @jest-environment jsdom
 */
// The checkout's coupon picker over the fake wx and the real dev API: the user's ticket-checkout coupons with
// what each saves or why it does not apply, the best pre-selected, and the server charging exactly the discount
// the picker showed for the same cart.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { renderPage, textOf } from '../../support/simulate';
import {
  claimElsewhere,
  coldStart,
  connect,
  devCall,
  networkQuiet,
  sessionOf,
  START,
  startApi,
  tokenOf,
  waitFor,
  type Clocks,
  type Page,
} from './helpers';

const ZONE = 'Pacific/Auckland';
const SKY = 'sky-tower-skydeck';
const DATE = '2026-11-28';

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
  fake.login.user = `buyer${++users}`;
  clocks.fake = fake;
  fake.clock.now = START;
  connect(fake, api);
  await devCall(api, 'POST', '/dev/reset');
  await coldStart(fake);
});

type Selection = { couponId: string; discount: { amount: number; currency: string } | null };

/** The picker as a checkout mounts it, with every `change` it fires recorded. */
async function mountPicker(lines: unknown[]): Promise<{ picker: Page; changes: Selection[] }> {
  const picker = renderPage('packages/tickets/components/coupon-picker/index') as Page;
  const changes: Selection[] = [];
  picker.instance.triggerEvent = (name: string, detail: Selection) => {
    if (name === 'change') changes.push(detail);
  };
  picker.setData({ lines, timeZone: ZONE });
  await waitFor(() => picker.data.state !== 'loading', 'the coupons');
  await networkQuiet(fake);
  return { picker, changes };
}

/** The cart's unit prices that day, from the calendar, as the checkout has them. */
async function skyCart(adults: number, children: number) {
  const cal = await devCall(api, 'GET', `/v1/products/${SKY}/calendar?from=${DATE}&to=${DATE}`);
  const prices = (
    cal.body.days as Array<{ prices: Array<{ ticketTypeId: string; price: { amount: number } }> }>
  )[0]!.prices;
  const unit = (id: string) => prices.find((p) => p.ticketTypeId === id)!.price.amount;
  return [
    {
      category: 'attraction',
      subtotal: { amount: adults * unit('adult') + children * unit('child'), currency: 'NZD' },
    },
  ];
}

async function claimAll(token: string, offers: string[]) {
  const out: Record<string, string> = {};
  for (const offer of offers) out[offer] = (await claimElsewhere(api, token, offer)).id;
  return out;
}

test('the best coupon is pre-selected, the others say why not, and the server charges the same discount', async () => {
  const token = await sessionOf(fake);
  const ids = await claimAll(token, [
    'tickets-welcome-8-off',
    'attractions-10-percent',
    'ferries-5-off',
    'harbour-dumplings-10-off',
  ]);
  const lines = await skyCart(2, 1);
  expect(lines[0]!.subtotal.amount).toBe(9750);
  const { picker, changes } = await mountPicker(lines);

  // 10% of NZ$97.50 = NZ$9.75 beats NZ$8 off; the ferry coupon is for another category; in-store ones are not offered.
  expect(changes[changes.length - 1]).toEqual({
    couponId: ids['attractions-10-percent'],
    discount: { amount: 975, currency: 'NZD' },
  });
  expect(textOf(picker, '.row')).toContain('-NZ$9.75');
  expect(textOf(picker, '.row')).toContain('2 张可用');
  picker.instance.onToggle();
  const text = textOf(picker);
  expect(text).toContain('可减 NZ$9.75');
  expect(text).toContain('可减 NZ$8.00');
  expect(text).toContain('不适用于此门票');
  expect(text).toContain('最优');
  expect(text).not.toContain('饺子馆');
  expect(picker.data.options.map((o: { id: string }) => o.id)).toEqual([
    ids['attractions-10-percent'],
    ids['tickets-welcome-8-off'],
    ids['ferries-5-off'],
  ]);

  // The order with that coupon: the server recomputes and takes off exactly what the picker showed.
  const order = await devCall(
    api,
    'POST',
    '/v1/orders',
    {
      items: [
        { productId: SKY, ticketTypeId: 'adult', date: DATE, quantity: 2 },
        { productId: SKY, ticketTypeId: 'child', date: DATE, quantity: 1 },
      ],
      contact: { name: '李雷', mobile: '+8613800138000', email: 'lilei@example.com' },
      couponId: changes[changes.length - 1]!.couponId,
    },
    tokenOf(fake),
    'picker-order-1',
  );
  expect(order.status).toBe(201);
  expect(order.body).toMatchObject({
    subtotal: { amount: 9750, currency: 'NZD' },
    discount: { amount: 975, currency: 'NZD' },
    total: { amount: 8775, currency: 'NZD' },
  });
});

test('the user can choose another coupon or none; below the minimum spend a coupon says how much is missing', async () => {
  const token = await sessionOf(fake);
  const ids = await claimAll(token, ['tickets-welcome-8-off', 'attractions-10-percent']);
  const lines = await skyCart(1, 0);
  const { picker, changes } = await mountPicker(lines);
  const adult = lines[0]!.subtotal.amount;
  // One adult ticket is below both minimums (NZ$60 and NZ$50 in scope).
  expect(changes[changes.length - 1]).toEqual({ couponId: '', discount: null });
  expect(textOf(picker, '.row')).toContain('暂无可用优惠券');
  picker.instance.onToggle();
  expect(textOf(picker)).toContain(`还差 NZ$${((5000 - adult) / 100).toFixed(2)} 可用`);
  // Tapping an ineligible coupon does nothing.
  picker.instance.onPick({
    currentTarget: { dataset: { id: ids['attractions-10-percent'], eligible: false } },
  });
  expect(changes[changes.length - 1]).toEqual({ couponId: '', discount: null });

  // Two adults: both apply, the best is taken; the user picks the other, then none.
  picker.setData({ lines: await skyCart(2, 0) });
  const best = changes[changes.length - 1]!;
  expect(best.couponId).toBe(ids['tickets-welcome-8-off']);
  picker.instance.onPick({
    currentTarget: { dataset: { id: ids['attractions-10-percent'], eligible: true } },
  });
  expect(changes[changes.length - 1]!.couponId).toBe(ids['attractions-10-percent']);
  picker.instance.onPick({ currentTarget: { dataset: { id: '', eligible: true } } });
  expect(changes[changes.length - 1]).toEqual({ couponId: '', discount: null });
  expect(textOf(picker, '.row')).toContain('不使用优惠券');
});

test('an expired coupon is listed with its reason, judged on the destination’s date', async () => {
  const token = await sessionOf(fake);
  const ids = await claimAll(token, ['ferries-5-off', 'tickets-welcome-8-off']);
  // ferries-5-off ends on 31 Mar 2027: at 00:00 on 1 Apr in Auckland (NZDT until 4 Apr: 11:00Z) it is expired.
  fake.clock.now = Date.parse('2027-03-31T11:00:00Z');
  const { picker, changes } = await mountPicker([
    { category: 'transport', subtotal: { amount: 8000, currency: 'NZD' } },
  ]);
  picker.instance.onToggle();
  expect(changes[changes.length - 1]!.couponId).toBe(ids['tickets-welcome-8-off']);
  const ferries = picker.data.options.find((o: { id: string }) => o.id === ids['ferries-5-off']);
  expect(ferries).toMatchObject({ eligible: false, note: '已过期' });
});

test('coupons that cannot load leave the order without one', async () => {
  fake.inject({ fault: 'offline', times: Infinity });
  const { picker, changes } = await mountPicker([
    { category: 'attraction', subtotal: { amount: 9750, currency: 'NZD' } },
  ]);
  expect(changes).toEqual([{ couponId: '', discount: null }]);
  expect(textOf(picker)).toContain('优惠券暂时无法加载，本单不使用优惠券');
});
