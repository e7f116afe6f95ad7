/** @jest-environment jsdom */
// Done when: two adult and one child Sky Tower tickets for a date, paid, three QR tickets in the wallet, and
// still there with the network off after a cold start. Over the fake wx and the real dev API.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { renderPage, textOf } from '../../support/simulate';
import {
  coldStart,
  connect,
  devApi,
  devCall,
  open,
  queryOf,
  recordSetData,
  START,
  tokenOf,
  waitFor,
  type Page,
} from './helpers';

const SKY = 'sky-tower-skydeck';
const DATE = '2026-11-28';

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

const step = (page: Page, id: string, dir: 'up' | 'down') =>
  page.instance.onStep({ currentTarget: { dataset: { id, dir } } });

const type = (page: Page, field: string, value: string) => {
  page.instance.onInput({ currentTarget: { dataset: { field } }, detail: { value } });
  page.instance.onBlur({ currentTarget: { dataset: { field } }, detail: { value } });
};

/** The phone-local Date Vant's calendar hands back for a destination date. */
const pickerDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};

test('buy 2 adult + 1 child Sky Tower tickets, pay, see 3 QR tickets, and still see them offline after a restart', async () => {
  const f = fake!;
  const book = await open('packages/tickets/pages/book/index', { productId: SKY });
  await waitFor(() => book.data.state === 'ready', 'the calendar');
  expect(textOf(book)).toContain('天空塔观景台门票');

  // Opening the calendar: one small setData; the 90 days were handed over once, as a formatter.
  const sizes = recordSetData(book.instance);
  book.instance.onOpenCalendar();
  expect(sizes).toHaveLength(1);
  expect(sizes[0]!.bytes).toBeLessThan(32 * 1024);
  const cell = (date: string) => book.data.picker.formatter({ date: pickerDate(date), type: '', text: 1 });
  expect(cell('2026-11-22').topInfo).toBe('今天');
  expect(cell('2026-12-31')).toMatchObject({ type: 'disabled', bottomInfo: '已售罄' });
  expect(cell(DATE).bottomInfo).toMatch(/^NZ\$\d+/);

  book.instance.onConfirmDate({ detail: pickerDate(DATE) });
  expect(book.data.date).toBe(DATE);

  sizes.length = 0;
  step(book, 'adult', 'up');
  step(book, 'adult', 'up');
  step(book, 'child', 'up');
  // A quantity change sends only the changed stepper paths and the small summary.
  for (const call of sizes) {
    expect(
      call.keys.every((k) => /^types\[\d\]\.(qty|plus|minus)$/.test(k) || ['summary', 'canNext'].includes(k)),
    ).toBe(true);
    expect(call.bytes).toBeLessThan(2048);
  }
  expect(sizes[0]!.keys).toEqual(expect.arrayContaining(['types[0].qty', 'summary', 'canNext']));
  expect(textOf(book, '.summary')).toContain('成人票 × 2');
  expect(textOf(book, '.summary')).toContain('儿童票（5–14 岁） × 1');
  expect(textOf(book, '.summary')).toMatch(/合计 NZ\$97\.50 ≈ ¥\d+\.\d\d/);

  book.instance.onNext();
  await waitFor(() => f.ui.navigations.length > 0, 'navigation to checkout');
  const cart = queryOf(f.ui.navigations[0]!);
  expect(cart).toEqual({ productId: SKY, date: DATE, q: 'adult.2,child.1' });

  const checkout = await open('packages/tickets/pages/checkout/index', cart);
  await waitFor(() => checkout.data.state === 'ready', 'checkout');
  expect(textOf(checkout)).toContain('支付 NZ$97.50');
  type(checkout, 'name', '李雷');
  type(checkout, 'mobile', '138 0013 8000');
  type(checkout, 'email', 'lilei@example.com');
  await checkout.instance.onPay();

  expect(f.payment.calls).toHaveLength(1);
  const redirect = f.callsTo('redirectTo')[0]!.url as string;
  const result = queryOf(redirect);
  expect(result.outcome).toBe('paid');

  const resultPage = await open('packages/orders/pages/result/index', result);
  await waitFor(() => textOf(resultPage).includes('支付成功'), 'the paid result');

  // The server holds one paid order with the server's prices.
  const orders = await devCall(api, 'GET', '/v1/orders', undefined, tokenOf(f));
  const items = orders.body.items as Array<Record<string, unknown>>;
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ status: 'FULFILLED', total: { amount: 9750, currency: 'NZD' } });
  expect(items[0]!.contact).toEqual({ name: '李雷', mobile: '+8613800138000', email: 'lilei@example.com' });

  const trips = await open('pages/trips/index');
  await waitFor(() => trips.data.state === 'ready' && trips.data.groups.length === 1, 'the wallet');
  const qrs = () => trips.querySelectorAll('.qr') as unknown as Page[];
  await waitFor(() => qrs().length === 3, 'three QR codes');
  const tickets = await devCall(api, 'GET', '/v1/tickets', undefined, tokenOf(f));
  const payloads = (tickets.body.items as Array<{ qrPayload: string; code: string }>).map((x) => x.qrPayload);
  expect(
    qrs()
      .map((q) => q.data.payload)
      .sort(),
  ).toEqual([...payloads].sort());
  for (const q of qrs()) expect(q.data.moduleCount).toBeGreaterThanOrEqual(21);
  const text = textOf(trips);
  expect(
    trips
      .querySelectorAll('.holder')
      .map((h) => textOf(h as unknown as Page))
      .sort(),
  ).toEqual(['儿童', '成人', '成人']);
  expect(text).toContain(`${DATE} 周六`);
  expect(text).toContain(`仅限 ${DATE} 当天有效`);

  // Network off, app killed and opened again: every ticket and QR is still there, and the page says it is offline.
  f.inject({ fault: 'offline', times: Infinity });
  await coldStart(f);
  const requestsBefore = f.net.log.length;
  const offline = await open('pages/trips/index');
  await waitFor(() => offline.data.offline === true, 'the offline note');
  expect(offline.querySelectorAll('.qr')).toHaveLength(3);
  const offlineText = textOf(offline);
  for (const code of (tickets.body.items as Array<{ code: string }>).map((x) => x.code))
    expect(offlineText).toContain(code);
  expect(offlineText).toContain('当前离线');
  expect(f.net.log.length).toBeGreaterThan(requestsBefore);
  // The wallet is stored encrypted (ticket codes are credentials).
  expect(f.storage.get('wallet.tickets')?.encrypt).toBe(true);
});

test('the wallet with 50 tickets paints from storage before any request', async () => {
  const f = fake!;
  const tickets = Array.from({ length: 50 }, (_, i) => ({
    id: `tkt_${i}`,
    orderId: `ord_${Math.floor(i / 5)}`,
    productId: SKY,
    title: { 'zh-CN': '天空塔观景台门票 · 成人票', en: 'Sky Tower SkyDeck entry · Adult' },
    ticketTypeId: 'adult',
    holderType: 'adult',
    code: `CODE${String(i).padStart(8, '0')}`,
    qrPayload: `WAYFARER:T1:CODE${String(i).padStart(8, '0')}:${SKY}:2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
    visitDate: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
    validUntil: `2026-12-${String((i % 28) + 1).padStart(2, '0')}`,
    status: 'valid',
  }));
  f.storage.set('wallet.tickets', {
    json: JSON.stringify({ v: 1, d: { tickets, syncedAt: START, timeZone: 'Pacific/Auckland' } }),
    encrypt: true,
  });
  f.net.latencyMs = 200;
  const trips = renderPage('pages/trips/index') as Page;
  let requestsAtFirstPaint: number | undefined;
  const setData = trips.instance.setData.bind(trips.instance);
  trips.instance.setData = (data: Record<string, unknown>) => {
    if ('groups' in data && requestsAtFirstPaint === undefined) requestsAtFirstPaint = f.net.log.length;
    setData(data);
  };
  trips.instance.onLoad();
  trips.instance.onShow();
  await waitFor(() => trips.data.state === 'ready', 'the first paint');
  expect(requestsAtFirstPaint).toBe(0);
  expect(trips.querySelectorAll('.qr')).toHaveLength(50);
  expect(JSON.stringify(trips.data.groups).length).toBeLessThan(32 * 1024);
});

test('English: the same flow reads in English', async () => {
  const f = fake!;
  const i18n = await import('../../../miniprogram/i18n/index');
  i18n.setLang('en');
  const book = await open('packages/tickets/pages/book/index', { productId: SKY });
  await waitFor(() => book.data.state === 'ready', 'the calendar');
  book.instance.onConfirmDate({ detail: pickerDate(DATE) });
  step(book, 'adult', 'up');
  expect(textOf(book)).toContain('Sky Tower SkyDeck entry');
  expect(textOf(book, '.summary')).toContain('Adult × 1');
  expect(textOf(book)).toContain('Visit date');
  expect(f.ui.navigations).toHaveLength(0);
});

test('catalog: products of a POI with lowest price and sale state; a deep link opens the product', async () => {
  const f = fake!;
  const catalog = await open('packages/tickets/pages/catalog/index', { poiId: 'sky-tower' });
  await waitFor(() => catalog.data.state === 'ready', 'the catalog');
  expect(catalog.data.items.map((p: { id: string }) => p.id)).toEqual([SKY]);
  expect(textOf(catalog)).toMatch(/天空塔观景台门票 NZ\$\d+\.\d\d ≈ ¥\d+\.\d\d 起 (可预订|余票紧张)/);
  catalog.querySelector('.product')!.dispatchEvent('tap');
  await waitFor(() => f.ui.navigations.length > 0, 'navigation');
  expect(f.ui.navigations[0]).toBe(`/packages/tickets/pages/product/index?productId=${SKY}`);

  await coldStart(f);
  await open('packages/tickets/pages/catalog/index', { productId: SKY });
  expect(f.callsTo('redirectTo')[0]).toMatchObject({
    url: `/packages/tickets/pages/product/index?productId=${SKY}`,
  });
});

test('product detail: ticket types with their rules, validity and refund policy', async () => {
  const product = await open('packages/tickets/pages/product/index', { productId: SKY });
  await waitFor(() => product.data.state === 'ready', 'the product');
  const text = textOf(product);
  expect(text).toContain('长者票（65 岁及以上） 65 岁及以上 · 入场需出示证件 · 每单最多 10 张');
  expect(text).toContain('仅限所选日期当天使用');
  expect(text).toContain('未使用的门票可申请全额退款');
  product.instance.onBook();
  expect(fake!.ui.navigations).toEqual([`/packages/tickets/pages/book/index?productId=${SKY}`]);
});
