/**
 * @jest-environment jsdom
 */
// The coupon wallet over the fake wx and the real dev API: unused / used / expired judged on the destination's
// date at the moment of viewing (23:58 valid, 00:00 expired, online and offline), and opening with no network.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { renderPage, textOf } from '../../support/simulate';
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

const WALLET = 'packages/coupons/pages/wallet/index';
const PIES = 'devonport-pies-3-off'; // valid until 2027-01-31
// 31 Jan 2027 in Auckland is NZDT (UTC+13): 23:58 there is 10:58Z, the next midnight 11:00Z.
const LAST_DAY_2358 = Date.parse('2027-01-31T10:58:00Z');
const NEXT_DAY_0000 = Date.parse('2027-01-31T11:00:00Z');

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
  fake.login.user = `holder${++users}`;
  clocks.fake = fake;
  fake.clock.now = START;
  connect(fake, api);
  await devCall(api, 'POST', '/dev/reset');
  await coldStart(fake);
});

async function openWallet(query: Record<string, string> = {}): Promise<Page> {
  const page = await open(WALLET, query);
  await waitFor(() => page.data.state !== 'loading', 'the wallet');
  await networkQuiet(fake);
  return page;
}

/** Reopens the page the way WeChat does after a restart (fresh modules, storage kept). */
async function reopen(query: Record<string, string> = {}): Promise<Page> {
  await coldStart(fake);
  return openWallet(query);
}

const tabCounts = (page: Page) =>
  Object.fromEntries(page.data.tabs.map((t: { id: string; count: number }) => [t.id, t.count]));

test('unused, used and expired, each with its coupons; an empty tab leads to the offers', async () => {
  const token = await sessionOf(fake);
  await claimElsewhere(api, token, 'harbour-dumplings-10-off');
  const used = await claimElsewhere(api, token, 'fish-market-8-off');
  await claimElsewhere(api, token, 'tickets-welcome-8-off');
  await devCall(api, 'POST', `/dev/coupons/${used.code}/redeem`);

  const page = await openWallet();
  expect(tabCounts(page)).toEqual({ unused: 2, used: 1, expired: 0 });
  const text = textOf(page);
  expect(text).toContain('未使用 2');
  expect(text).toContain('饺子馆满 NZ$50 减 NZ$10');
  expect(text).toContain('门票新客礼');
  expect(text).toContain('购票抵扣');
  expect(text).toContain('有效期至 2027-03-31');
  expect(text).not.toContain('鱼市场');

  page.instance.onTab({ currentTarget: { dataset: { id: 'used' } } });
  expect(textOf(page)).toContain('鱼市场');
  // Used at 22 Nov 09:00Z = 22:00 in Auckland.
  expect(textOf(page)).toContain('已于 2026-11-22 22:00 使用');

  page.instance.onTab({ currentTarget: { dataset: { id: 'expired' } } });
  expect(textOf(page)).toContain('没有过期的优惠券');

  page.instance.onTab({ currentTarget: { dataset: { id: 'unused' } } });
  page.instance.onCoupon({ currentTarget: { dataset: { id: page.data.cards[0].id } } });
  await waitFor(() => fake.ui.navigations.length === 1, 'navigation');
  expect(fake.ui.navigations[0]).toBe(`/packages/coupons/pages/coupon/index?id=${page.data.cards[0].id}`);
});

test('valid until 23:59 on 31 Jan: unused at 23:58, expired at 00:00 Auckland time, on the page and on the server', async () => {
  const token = await sessionOf(fake);
  await claimElsewhere(api, token, PIES);

  fake.clock.now = LAST_DAY_2358;
  const before = await reopen();
  expect(tabCounts(before)).toEqual({ unused: 1, used: 0, expired: 0 });
  expect(textOf(before)).toContain('有效期至 2027-01-31');
  // The app's session expired in those two months and was renewed: ask with its current token.
  expect((await serverCoupons(api, tokenOf(fake)))[0]!.status).toBe('unused');

  fake.clock.now = NEXT_DAY_0000;
  const after = await reopen({ tab: 'expired' });
  expect(tabCounts(after)).toEqual({ unused: 0, used: 0, expired: 1 });
  expect(textOf(after)).toContain('肉派店满 NZ$12 减 NZ$3');
  expect(textOf(after)).toContain('已过期');
  expect((await serverCoupons(api, tokenOf(fake)))[0]!.status).toBe('expired');
});

test('offline, the wallet judges expiry itself: synced at 23:58 as unused, viewed at 00:00 as expired', async () => {
  const token = await sessionOf(fake);
  await claimElsewhere(api, token, PIES);
  fake.clock.now = LAST_DAY_2358;
  await reopen();

  fake.inject({ fault: 'offline', times: Infinity });
  fake.clock.now = NEXT_DAY_0000;
  const page = await reopen();
  expect(page.data.offline).toBe(true);
  expect(textOf(page)).toContain('当前离线，显示的是上次保存的优惠券');
  expect(tabCounts(page)).toEqual({ unused: 0, used: 0, expired: 1 });
});

test('an open wallet moves a coupon to expired when it is shown again after midnight', async () => {
  const token = await sessionOf(fake);
  await claimElsewhere(api, token, PIES);
  fake.clock.now = LAST_DAY_2358;
  const page = await reopen();
  expect(tabCounts(page).unused).toBe(1);
  fake.clock.now = NEXT_DAY_0000;
  fake.inject({ fault: 'offline', times: Infinity });
  page.instance.onShow();
  await waitFor(() => page.data.offline === true, 'the refresh');
  expect(tabCounts(page)).toEqual({ unused: 0, used: 0, expired: 1 });
});

test('the wallet opens offline after a restart, painted from storage before any request; stored encrypted', async () => {
  const token = await sessionOf(fake);
  const coupon = await claimElsewhere(api, token, 'harbour-dumplings-10-off');
  await openWallet();

  fake.inject({ fault: 'offline', times: Infinity });
  await coldStart(fake);
  const page = renderPage(WALLET) as Page;
  let requestsAtFirstPaint: number | undefined;
  const setData = page.instance.setData.bind(page.instance);
  page.instance.setData = (data: Record<string, unknown>) => {
    if ('cards' in data && requestsAtFirstPaint === undefined) requestsAtFirstPaint = fake.net.log.length;
    setData(data);
  };
  const requests = fake.net.log.length;
  page.instance.onLoad({});
  page.instance.onShow();
  await waitFor(() => requestsAtFirstPaint !== undefined, 'the first paint');
  expect(requestsAtFirstPaint).toBe(requests);
  await waitFor(() => page.data.offline === true, 'the offline note');
  expect(textOf(page)).toContain('饺子馆满 NZ$50 减 NZ$10');
  expect(fake.storage.get('wallet.coupons')?.encrypt).toBe(true);
  expect(fake.storage.get('wallet.coupons')?.json).toContain(coupon.code);
  expect(tokenOf(fake)).toBe(token);
});

test('the first visit offline says why and recovers with a retry', async () => {
  fake.inject({ fault: 'offline', times: 3 });
  const page = await openWallet();
  expect(page.data.state).toBe('error');
  expect(textOf(page)).toContain('网络不可用，请检查网络后重试');
  page.instance.onRetry();
  await waitFor(() => page.data.state === 'ready' && !fake.net.inFlight, 'the retry');
  expect(textOf(page)).toContain('还没有可用的优惠券');
  page.instance.onBrowse();
  await waitFor(() => fake.ui.navigations.length === 1, 'navigation');
  expect(fake.ui.navigations[0]).toBe('/packages/coupons/pages/offers/index');
});

test('the Trips tab leads to the coupon wallet, in either language', async () => {
  const trips = await open('pages/trips/index');
  expect(textOf(trips, '.coupons-entry')).toBe('我的优惠券 ›');
  const i18n = await import('../../../miniprogram/i18n/index');
  i18n.setLang('en');
  expect(textOf(trips, '.coupons-entry')).toBe('My coupons ›');
  i18n.setLang('zh-CN');
  trips.instance.onCoupons();
  await waitFor(() => fake.ui.navigations.length === 1, 'navigation');
  expect(fake.ui.navigations[0]).toBe('/packages/coupons/pages/wallet/index');
});
