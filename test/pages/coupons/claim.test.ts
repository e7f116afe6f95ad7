/**
 * @jest-environment jsdom
 */
// Offers and claiming over the fake wx and the real dev API: one coupon however the response is lost or the
// button tapped, each server refusal in its own words, and an offer shared to chat and Moments.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { recordSetData } from '../../support/set-data';
import { renderPage, textOf } from '../../support/simulate';
import {
  claimElsewhere,
  coldStart,
  connect,
  devCall,
  open,
  otherVisitorClaims,
  serverCoupons,
  sessionOf,
  START,
  startApi,
  tokenOf,
  waitFor,
  type Clocks,
  type Page,
} from './helpers';

const OFFER = 'packages/coupons/pages/offer/index';
const DUMPLINGS = 'harbour-dumplings-10-off';

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
  // A new user per test: login codes are single use on the one server of this file.
  fake.login.user = `claimer${++users}`;
  clocks.fake = fake;
  clocks.serverSkewMs = 0;
  fake.clock.now = START;
  connect(fake, api);
  await devCall(api, 'POST', '/dev/reset');
  await coldStart(fake);
});

const isClaim = (req: { url: string; method: string }) => req.method === 'POST' && /\/claim$/.test(req.url);
const claimRequests = () => fake.net.log.filter(isClaim);

async function openOffer(id: string): Promise<Page> {
  const page = await open(OFFER, { id });
  await waitFor(() => page.data.state !== 'loading' && page.data.button !== null, 'the offer');
  // The page counts what the user already holds (after a silent login) before it settles.
  await waitFor(() => fake.net.log.some((r) => r.url.includes('/v1/coupons')), 'the wallet sync');
  await waitFor(() => !fake.net.inFlight, 'requests to settle');
  return page;
}

async function tapClaim(page: Page): Promise<void> {
  page.instance.onClaimTap();
  await waitFor(() => page.data.claiming === false && !fake.net.inFlight, 'the claim to settle');
}

test('offers by category: claimable ones with their terms, the expired one gone, a tab switch without a request', async () => {
  const page = await open('packages/coupons/pages/offers/index');
  await waitFor(() => page.data.state === 'ready', 'the offers');
  const text = textOf(page);
  expect(text).toContain('饺子馆满 NZ$50 减 NZ$10');
  expect(text).toContain('减 NZ$10');
  expect(text).toContain('满 NZ$50 可用');
  expect(text).toContain('8.5 折');
  expect(text).toContain('最高减 NZ$12');
  expect(text).toContain('到店使用');
  expect(text).toContain('购票抵扣');
  expect(text).toContain('剩余 200 张');
  expect(text).toContain('有效期 2026-11-01 至 2027-03-31');
  expect(text).toContain('日期均为当地日期（Pacific/Auckland）');
  // Not started yet: listed after the claimable ones, with its start date.
  expect(text).toContain('2026-12-20 开始');
  expect(page.data.cards[page.data.cards.length - 1].id).toBe('mission-bay-gelato-summer');
  // Ended offers are not listed at all.
  expect(page.data.cards.some((c: { id: string }) => c.id === 'ponsonby-coffee-spring')).toBe(false);

  const requests = fake.net.log.length;
  page.instance.onTab({ currentTarget: { dataset: { id: 'shopping' } } });
  expect(fake.net.log.length).toBe(requests);
  expect(textOf(page)).toContain('麦卢卡蜂蜜');
  expect(textOf(page)).not.toContain('饺子馆');
  expect(page.data.tabs.map((t: { label: string }) => t.label)).toEqual(['全部', '美食', '购物', '景点']);

  page.instance.onOffer({ currentTarget: { dataset: { id: 'manuka-honey-20-off' } } });
  await waitFor(() => fake.ui.navigations.length === 1, 'navigation');
  expect(fake.ui.navigations[0]).toBe('/packages/coupons/pages/offer/index?id=manuka-honey-20-off');
});

test('a revisit with the network off paints the offers from the cache and says it is offline', async () => {
  const first = await open('packages/coupons/pages/offers/index');
  await waitFor(() => first.data.state === 'ready', 'the offers');
  await coldStart(fake);
  fake.inject({ fault: 'offline', times: Infinity });
  const page = renderPage('packages/coupons/pages/offers/index') as Page;
  const sizes = recordSetData(page);
  page.instance.onLoad({ category: 'food' });
  await waitFor(() => page.data.offline === true, 'the offline note');
  expect(textOf(page)).toContain('饺子馆满 NZ$50 减 NZ$10');
  expect(textOf(page)).not.toContain('麦卢卡蜂蜜');
  expect(textOf(page)).toContain('当前离线，显示的是上次保存的内容');
  expect(sizes.largest()).toBeLessThan(32 * 1024);
});

test('an offer: the merchant on a map, its guide page, directions, terms and the per-person limit', async () => {
  const page = await openOffer(DUMPLINGS);
  const text = textOf(page);
  expect(text).toContain('饺子馆满 NZ$50 减 NZ$10');
  expect(text).toContain('每人限领 1 张');
  expect(text).toContain('堂食消费满 NZ$50 可用');
  expect(text).toContain('立即领取');
  const map = page.data.view.map;
  expect(map.markers).toHaveLength(1);
  expect(map.markers[0]).toMatchObject({ latitude: map.latitude, longitude: map.longitude });
  expect(page.querySelector('.map')).toBeTruthy();

  page.instance.onGuide();
  await waitFor(() => fake.ui.navigations.length === 1, 'navigation');
  expect(fake.ui.navigations[0]).toBe('/packages/guide/pages/poi/index?id=harbour-dumplings-demo');
  page.instance.onDirections();
  expect(fake.callsTo('openLocation')[0]).toMatchObject({ latitude: map.latitude, longitude: map.longitude });
});

test('a claim whose response is dropped after the server committed yields one coupon', async () => {
  const page = await openOffer(DUMPLINGS);
  fake.inject({ fault: 'drop', match: isClaim });
  await tapClaim(page);

  expect(textOf(page, '.notice')).toBe('领取成功，已放入「我的优惠券」');
  expect(page.data.button.label).toBe('查看我的券');
  // The retry carried the same key, and the server answered it with the first coupon.
  expect(claimRequests()).toHaveLength(2);
  expect(new Set(claimRequests().map((r) => r.headers['idempotency-key'])).size).toBe(1);
  const held = await serverCoupons(api, tokenOf(fake));
  expect(held.filter((c) => c.offerId === DUMPLINGS)).toHaveLength(1);
  // The coupon is already in the offline wallet.
  expect(fake.storage.get('wallet.coupons')?.json).toContain(held[0]!.code);
});

test('every retry lost: the page says so, and the next tap asks again with the same key (still one coupon)', async () => {
  const page = await openOffer(DUMPLINGS);
  fake.inject({ fault: 'drop', match: isClaim, times: 3 });
  await tapClaim(page);
  expect(textOf(page, '.notice')).toBe('网络较慢，请求超时，请重试');
  expect(page.data.noticeKind).toBe('error');
  expect(page.data.button.label).toBe('立即领取');

  await tapClaim(page);
  expect(textOf(page, '.notice')).toBe('领取成功，已放入「我的优惠券」');
  expect(new Set(claimRequests().map((r) => r.headers['idempotency-key'])).size).toBe(1);
  expect((await serverCoupons(api, tokenOf(fake))).filter((c) => c.offerId === DUMPLINGS)).toHaveLength(1);
});

test('a double tap claims once', async () => {
  const page = await openOffer('k-road-noodles-15-percent');
  page.instance.onClaimTap();
  page.instance.onClaimTap();
  await waitFor(() => page.data.claiming === false && !fake.net.inFlight, 'the claim');
  expect(claimRequests()).toHaveLength(1);
  // The limit is 2 per person: the button now offers another one, as a new intent with a new key.
  expect(page.data.button.label).toBe('再领一张');
  expect(textOf(page)).toContain('你已领取 1 张');
  await tapClaim(page);
  expect(new Set(claimRequests().map((r) => r.headers['idempotency-key'])).size).toBe(2);
  expect(page.data.button.label).toBe('查看我的券');
  expect((await serverCoupons(api, tokenOf(fake))).length).toBe(2);
});

test('stock refusal: the last coupon went to someone else while the page was open', async () => {
  const page = await openOffer('wynyard-grill-last-table');
  expect(textOf(page)).toContain('剩余 1 张');
  await otherVisitorClaims(api, 'wynyard-grill-last-table');
  await tapClaim(page);
  expect(textOf(page, '.notice')).toBe('手慢了，这张券刚刚被领完');
  expect(page.data.button).toMatchObject({ label: '已抢光', enabled: false });
  expect(await serverCoupons(api, tokenOf(fake))).toHaveLength(0);
});

test('per-user limit refusal: the user already claimed it on another phone', async () => {
  const page = await openOffer(DUMPLINGS);
  await claimElsewhere(api, await sessionOf(fake), DUMPLINGS);
  await tapClaim(page);
  expect(textOf(page, '.notice')).toBe('你已领过这张券（每人限领 1 张）');
  // The page learned about the other coupon and now leads to it.
  await waitFor(() => page.data.button.label === '查看我的券', 'the held coupon');
  expect(textOf(page)).toContain('你已领取 1 张');
  expect(await serverCoupons(api, tokenOf(fake))).toHaveLength(1);
  page.instance.onClaimTap();
  await waitFor(() => fake.ui.navigations.length === 1, 'navigation');
  expect(fake.ui.navigations[0]).toMatch(/^\/packages\/coupons\/pages\/coupon\/index\?id=cpn/);
});

test('expired refusal: open at 23:58 on the last day, tap after midnight at the destination', async () => {
  // ponsonby-coffee-spring runs until 31 Oct; 23:58 in Auckland (NZDT) is 10:58Z.
  fake.clock.now = Date.parse('2026-10-31T10:58:00Z');
  const page = await openOffer('ponsonby-coffee-spring');
  expect(page.data.button.label).toBe('立即领取');
  fake.clock.now = Date.parse('2026-10-31T11:00:00Z');
  await tapClaim(page);
  expect(textOf(page, '.notice')).toBe('活动已结束，无法再领取');
  expect(page.data.button).toMatchObject({ label: '活动已结束', enabled: false });
});

test('not-started refusal: the phone’s clock is past midnight, the server’s is not yet', async () => {
  // mission-bay-gelato-summer starts on 20 Dec; the phone says 00:00:30 that day, the server two minutes less.
  fake.clock.now = Date.parse('2026-12-19T11:00:30Z');
  clocks.serverSkewMs = -120000;
  const page = await openOffer('mission-bay-gelato-summer');
  expect(page.data.button.label).toBe('立即领取');
  await tapClaim(page);
  expect(textOf(page, '.notice')).toBe('活动 2026-12-20 才开始，到时再来领取吧');
  expect(page.data.button).toMatchObject({ label: '2026-12-20 开始领取', enabled: false });
});

test('ended and not-started offers say so before any tap', async () => {
  const ended = await openOffer('ponsonby-coffee-spring');
  expect(ended.data.button).toMatchObject({ label: '活动已结束', enabled: false });
  await coldStart(fake);
  const later = await openOffer('mission-bay-gelato-summer');
  expect(later.data.button).toMatchObject({ label: '2026-12-20 开始领取', enabled: false });
  expect(claimRequests()).toHaveLength(0);
});

test('shared to chat and Moments; opened from Moments it renders from its query with no login', async () => {
  const page = await openOffer(DUMPLINGS);
  expect(page.instance.onShareAppMessage()).toMatchObject({
    title: '港湾饺子馆（示例商家）：饺子馆满 NZ$50 减 NZ$10',
    path: '/packages/coupons/pages/offer/index?id=harbour-dumplings-10-off',
  });
  expect(page.instance.onShareTimeline()).toMatchObject({ query: 'id=harbour-dumplings-10-off' });

  await coldStart(fake);
  fake.extend({ getEnterOptionsSync: () => ({ scene: 1154, path: OFFER, query: { id: DUMPLINGS } }) });
  const loginsBefore = fake.login.calls;
  const walletRequests = () => fake.net.log.filter((r) => r.url.includes('/v1/coupons')).length;
  const walletBefore = walletRequests();
  const moments = await open(OFFER, { id: DUMPLINGS });
  await waitFor(() => moments.data.state === 'ready', 'the offer from Moments');
  expect(textOf(moments)).toContain('饺子馆满 NZ$50 减 NZ$10');
  expect(textOf(moments)).toContain('打开小程序即可领取');
  expect(moments.querySelector('.claim-button')).toBeFalsy();
  expect(moments.querySelector('.guide-link')).toBeFalsy();
  expect(fake.login.calls).toBe(loginsBefore);
  await waitFor(() => !fake.net.inFlight, 'requests to settle');
  expect(walletRequests()).toBe(walletBefore);
});

test('an unknown offer says it does not exist, without a retry', async () => {
  const page = await open(OFFER, { id: 'no-such-offer' });
  await waitFor(() => page.data.state === 'error', 'the error');
  expect(textOf(page)).toContain('这个优惠不存在或已下架');
  expect(page.data.retryable).toBe(false);
});

test('English', async () => {
  const i18n = await import('../../../miniprogram/i18n/index');
  i18n.setLang('en');
  const page = await openOffer('k-road-noodles-15-percent');
  const text = textOf(page);
  expect(text).toContain('15% off');
  expect(text).toContain('up to NZ$12');
  expect(text).toContain('Min. spend NZ$30');
  expect(text).toContain('Limit 2 per person');
  expect(text).toContain('Claim');
});

test('Home leads to the offers', async () => {
  const home = await open('pages/home/index');
  await waitFor(() => home.data.state === 'ready', 'Home');
  expect(textOf(home, '.offers-entry')).toBe('合作商家优惠 美食、购物、景点，领券到店用');
  home.instance.onOffers();
  await waitFor(() => fake.ui.navigations.length === 1, 'navigation');
  expect(fake.ui.navigations[0]).toBe('/packages/coupons/pages/offers/index');
});
